import { describe, expect, it } from 'vitest';
import { boxInPage } from '@/lib/meetings/read';
import { zoomAdapter } from '@/lib/meetings/zoom';
import { loadFixture, meetingDocument, runFixtureScript } from './fixtures';

const PARTICIPANTS = 'zoom-in-call-with-participants.html';

/** The shell's iframe, made to answer the way a browser would for a frame we may not read. */
function withFrame(doc: Document, contentDocument: () => Document | null): Document {
  Object.defineProperty(doc.querySelector('iframe#webclient')!, 'contentDocument', { configurable: true, get: contentDocument });
  return doc;
}

describe('Zoom web client', () => {
  it('reads the meeting inside the same-origin iframe, not the shell around it', () => {
    const doc = loadFixture('zoom-in-call-muted.html');
    expect(doc.querySelector('#foot-bar')).toBeNull();
    expect(zoomAdapter.read(doc)).toEqual({ phase: 'in-call', mic: 'muted' });
  });

  it('says unknown when the frame is cross-origin (null) or refuses access (throws)', () => {
    const nullFrame = withFrame(loadFixture('zoom-in-call-muted.html'), () => null);
    expect(zoomAdapter.read(nullFrame)).toEqual({ phase: 'unknown', mic: 'unknown' });
    expect(zoomAdapter.controls(nullFrame)).toEqual([]);
    const throwing = withFrame(loadFixture('zoom-in-call-muted.html'), () => {
      throw new DOMException('Blocked a frame with origin "https://app.zoom.us"', 'SecurityError');
    });
    expect(zoomAdapter.read(throwing)).toEqual({ phase: 'unknown', mic: 'unknown' });
    expect(zoomAdapter.controls(throwing)).toEqual([]);
  });

  it('reads a frame that is still loading as unknown', () => {
    const blank = withFrame(loadFixture('zoom-in-call-unmuted.html'), () => new DOMParser().parseFromString('', 'text/html'));
    expect(zoomAdapter.read(blank)).toEqual({ phase: 'unknown', mic: 'unknown' });
  });

  it('the waiting room holds a preview mic and its own leave button, and still reads as before the call', () => {
    expect(zoomAdapter.read(loadFixture('zoom-waiting.html'), 'https://app.zoom.us/wc/1234567890/join')).toEqual({ phase: 'pre-join', mic: 'muted' });
  });

  it('the host ending the meeting is the end, although the footer and its leave button stay up', () => {
    const doc = loadFixture('zoom-left-host-ended.html');
    expect(meetingDocument(doc).querySelector('.footer__leave-btn-container button')).not.toBeNull();
    expect(zoomAdapter.read(doc, 'https://app.zoom.us/wc/1234567890/join').phase).toBe('left');
  });

  it.each([
    ['https://app.zoom.us/wc/leave?meetingNumber=1234567890&feedback=true', 'left'],
    ['https://us02web.zoom.us/wc/leave', 'left'],
    ['https://app.zoom.us/wc/1234567890/join', 'in-call'],
  ] as const)('a call page whose tab is at %s reads %s', (url, phase) => {
    expect(zoomAdapter.read(loadFixture('zoom-in-call-muted.html'), url).phase).toBe(phase);
  });

  it('the frame moving to /wc/leave first is enough', () => {
    const doc = loadFixture('zoom-in-call-muted.html');
    const inner = meetingDocument(doc);
    Object.defineProperty(inner, 'URL', { value: 'https://app.zoom.us/wc/leave?meetingNumber=1234567890&feedback=false' });
    expect(zoomAdapter.read(doc, 'https://app.zoom.us/wc/1234567890/join').phase).toBe('left');
  });

  it('also reads the client when it is in the page itself (no iframe)', () => {
    expect(zoomAdapter.read(loadFixture('zoom-frame-in-call-unmuted.html'))).toEqual({ phase: 'in-call', mic: 'unmuted' });
  });

  describe('"Mute All" and participants\' mute buttons are never the user\'s microphone', () => {
    it('reads unmuted from the footer while the panel offers "Mute All", "Mute" and "Unmute"', () => {
      const doc = loadFixture(PARTICIPANTS);
      const inner = meetingDocument(doc);
      expect(inner.querySelector<HTMLElement>('[data-fixture="mute-all"]')?.textContent).toBe('Mute All');
      expect(inner.querySelector<HTMLElement>('[data-fixture="participant-mute"]')).not.toBeNull();
      expect(zoomAdapter.read(doc)).toEqual({ phase: 'in-call', mic: 'unmuted' });
    });

    it('reads muted from the footer even though the panel (earlier in the page) says "Mute my microphone"', () => {
      const doc = loadFixture(PARTICIPANTS);
      const inner = meetingDocument(doc);
      runFixtureScript(inner);
      (inner.querySelector('[data-fixture="mute"]') as HTMLElement).click();
      expect(zoomAdapter.read(doc)).toEqual({ phase: 'in-call', mic: 'muted' });
    });

    it('clicking "Mute All" or a participant\'s button changes nothing we read', () => {
      const doc = loadFixture(PARTICIPANTS);
      const inner = meetingDocument(doc);
      runFixtureScript(inner);
      (inner.querySelector<HTMLElement>('[data-fixture="mute-all"]') as HTMLElement).click();
      (inner.querySelector<HTMLElement>('[data-fixture="participant-mute"]') as HTMLElement).click();
      expect(zoomAdapter.read(doc)).toEqual({ phase: 'in-call', mic: 'unmuted' });
    });

    it('without the footer the mic is unknown, not guessed from the panel', () => {
      const doc = loadFixture(PARTICIPANTS);
      meetingDocument(doc).getElementById('foot-bar')!.remove();
      expect(zoomAdapter.read(doc).mic).toBe('unknown');
    });

    it('"Join Audio" (audio not joined yet) is neither muted nor unmuted', () => {
      const doc = loadFixture('zoom-in-call-muted.html');
      meetingDocument(doc).querySelector('[data-fixture="mute"]')!.setAttribute('aria-label', 'join audio');
      expect(zoomAdapter.read(doc)).toEqual({ phase: 'in-call', mic: 'unknown' });
    });
  });

  it('gives the footer as the control bar, from inside the frame', () => {
    const doc = loadFixture('zoom-in-call-muted.html');
    const bars = zoomAdapter.controls(doc);
    expect(bars.map((b) => b.id)).toEqual(['wc-footer']);
    expect(bars[0]!.ownerDocument).toBe(meetingDocument(doc));
  });
});

describe('boxInPage', () => {
  const rect = (left: number, top: number, width = 0, height = 0) => ({ left, top, width, height }) as DOMRect;

  it('is the element’s own box in its own document', () => {
    const el = document.createElement('div');
    document.body.append(el);
    el.getBoundingClientRect = () => rect(10, 20, 30, 40);
    expect(boxInPage(el, document)).toEqual({ left: 10, top: 20, width: 30, height: 40 });
    el.remove();
  });

  it('adds the offset (and border) of each frame between the element and the page', () => {
    const top = {} as Document;
    const frame = { ownerDocument: top, clientLeft: 2, clientTop: 3, getBoundingClientRect: () => rect(100, 50) };
    const inner = { defaultView: { frameElement: frame } };
    const el = { ownerDocument: inner, getBoundingClientRect: () => rect(10, 600, 800, 80) } as unknown as Element;
    expect(boxInPage(el, top)).toEqual({ left: 112, top: 653, width: 800, height: 80 });
  });

  it('keeps the inner box when the frame may not be looked at', () => {
    const inner = {
      get defaultView(): never {
        throw new DOMException('cross-origin', 'SecurityError');
      },
    };
    const el = { ownerDocument: inner, getBoundingClientRect: () => rect(10, 600, 800, 80) } as unknown as Element;
    expect(boxInPage(el, {} as Document)).toEqual({ left: 10, top: 600, width: 800, height: 80 });
  });
});
