import { describe, expect, it } from 'vitest';
import { adapterFor } from '@/lib/meetings/platforms';
import { firstMatch } from '@/lib/meetings/read';
import { MEETING_SELECTORS } from '@/lib/meetings/selectors';
import type { CallPhase, MeetingState, PlatformId } from '@/lib/meetings/types';
import { FIXTURE_FILES, fixtureHtml, loadFixture, meetingDocument, runFixtureScript, stripMarker } from './fixtures';

const S = (phase: CallPhase, mic: MeetingState['mic']): MeetingState => ({ phase, mic });

/**
 * Every page fixture and what its adapter must read. The fixtures reproduce
 * what independent projects read on the live pages (each file names its
 * sources); Zoom's and Webex's frames are read through their shells.
 */
const EXPECTED: [file: string, state: MeetingState][] = [
  ['meet-pre-join.html', S('pre-join', 'muted')],
  ['meet-waiting.html', S('pre-join', 'muted')],
  ['meet-in-call-muted.html', S('in-call', 'muted')],
  ['meet-in-call-unmuted.html', S('in-call', 'unmuted')],
  ['meet-in-call-muted.de.html', S('in-call', 'muted')],
  ['meet-in-call-muted.fr.html', S('in-call', 'muted')],
  ['meet-in-call-muted.es.html', S('in-call', 'muted')],
  ['meet-left.html', S('left', 'unknown')],
  ['meet-removed.html', S('left', 'unknown')],
  ['zoom-pre-join.html', S('pre-join', 'muted')],
  ['zoom-waiting.html', S('pre-join', 'muted')],
  ['zoom-in-call-muted.de.html', S('in-call', 'muted')],
  ['zoom-left-host-ended.html', S('left', 'muted')],
  ['zoom-in-call-muted.html', S('in-call', 'muted')],
  ['zoom-in-call-unmuted.html', S('in-call', 'unmuted')],
  ['zoom-in-call-with-participants.html', S('in-call', 'unmuted')],
  ['zoom-left.html', S('left', 'unknown')],
  ['teams-pre-join.html', S('pre-join', 'muted')],
  ['teams-waiting.html', S('pre-join', 'muted')],
  ['teams-in-call-muted.html', S('in-call', 'muted')],
  ['teams-in-call-unmuted.html', S('in-call', 'unmuted')],
  ['teams-in-call-muted.v1.html', S('in-call', 'muted')],
  ['teams-in-call-muted.de.html', S('in-call', 'muted')],
  ['teams-left.html', S('left', 'unknown')],
  ['teams-left-hidden-mic.html', S('left', 'unknown')],
  ['webex-pre-join.html', S('pre-join', 'muted')],
  ['webex-waiting.html', S('pre-join', 'muted')],
  ['webex-in-call-muted.html', S('in-call', 'muted')],
  ['webex-in-call-unmuted.html', S('in-call', 'unmuted')],
  // No source gives Webex's German mic sentence: the call reads, the mic honestly does not.
  ['webex-in-call-muted.de.html', S('in-call', 'unknown')],
  ['webex-shell-in-call-muted.html', S('in-call', 'muted')],
  ['webex-left.html', S('left', 'unknown')],
  ['webex-ended.html', S('left', 'unknown')],
  ['jitsi-pre-join.html', S('pre-join', 'muted')],
  ['jitsi-waiting.html', S('pre-join', 'muted')],
  ['jitsi-waiting-moderator.html', S('pre-join', 'muted')],
  ['jitsi-in-call-muted.html', S('in-call', 'muted')],
  ['jitsi-in-call-unmuted.html', S('in-call', 'unmuted')],
  ['jitsi-in-call-muted.de.html', S('in-call', 'muted')],
  ['jitsi-in-call-toolbox-hidden.html', S('in-call', 'unmuted')],
  // After hanging up, Jitsi leaves the call's layout up, its mic reading muted for want of a track.
  ['jitsi-left.html', S('left', 'muted')],
  ['jitsi-left-host-ended.html', S('left', 'muted')],
  ['jitsi-close.html', S('left', 'unknown')],
  ['whereby-pre-join.html', S('pre-join', 'muted')],
  ['whereby-pre-join-locked.html', S('pre-join', 'muted')],
  // Knocking has no marker any source agrees on: it reads unknown, which raises no event.
  ['whereby-waiting.html', S('unknown', 'unknown')],
  ['whereby-in-call-muted.html', S('in-call', 'muted')],
  ['whereby-in-call-unmuted.html', S('in-call', 'unmuted')],
  ['whereby-in-call-muted.de.html', S('in-call', 'muted')],
  ['whereby-left.html', S('left', 'unknown')],
  ['whereby-ended.html', S('left', 'unknown')],
];

const PLATFORMS: PlatformId[] = ['meet', 'zoom', 'teams', 'webex', 'jitsi', 'whereby'];
const platformOf = (file: string) => file.split('-')[0] as PlatformId;
/** Read at an address that is no platform's page after a call, so only the page decides. */
const read = (file: string, doc = loadFixture(file)) => adapterFor(platformOf(file)).read(doc, 'https://meeting.test/room');
const IN_CALL = EXPECTED.filter(([, s]) => s.phase === 'in-call').map(([file]) => file);
const mute = (doc: Document) => meetingDocument(doc).querySelector('[data-fixture="mute"]') as HTMLElement;
const leave = (doc: Document) => meetingDocument(doc).querySelector('[data-fixture="leave"]') as HTMLElement;

describe('fixtures', () => {
  it('every page fixture has an expectation, and every shell a frame', () => {
    const pages = FIXTURE_FILES.filter((f) => !f.startsWith('zoom-frame-'));
    expect(pages.sort()).toEqual(EXPECTED.map(([f]) => f).sort());
    for (const f of FIXTURE_FILES.filter((f) => f.startsWith('zoom-frame-'))) {
      expect(pages).toContain(f.replace('zoom-frame-', 'zoom-'));
    }
  });

  it.each(FIXTURE_FILES)('%s has a title naming platform and state, and names its sources', (file) => {
    const title = loadFixture(file).title;
    const label = file.startsWith('zoom') ? 'Zoom' : adapterFor(platformOf(file)).label;
    expect(title).toContain(label);
    expect(title.length).toBeGreaterThan(label.length + 5);
    expect(fixtureHtml(file)).toMatch(/^<!doctype html>\s*<!--\s*Reproduces/i);
  });
});

describe('read', () => {
  it.each(EXPECTED)('%s reads %o', (file, state) => {
    expect(read(file)).toEqual(state);
  });

  it.each(IN_CALL.filter((f) => read(f).mic !== 'unknown'))('%s: without the mic toggle the mic is unknown', (file) => {
    const doc = loadFixture(file);
    stripMarker(meetingDocument(doc), { css: MEETING_SELECTORS[platformOf(file)].mic.css });
    expect(read(file, doc).mic).toBe('unknown');
  });

  it.each(IN_CALL.filter((f) => read(f).mic !== 'unknown'))('%s: a hidden mic toggle says nothing', (file) => {
    const doc = loadFixture(file);
    for (const el of meetingDocument(doc).querySelectorAll(MEETING_SELECTORS[platformOf(file)].mic.css.join(', '))) el.setAttribute('hidden', '');
    expect(read(file, doc).mic).toBe('unknown');
  });

  it.each(IN_CALL)('%s: a mic toggle that no longer says its state reads unknown', (file) => {
    const doc = loadFixture(file);
    const toggle = mute(doc);
    for (const name of [...toggle.getAttributeNames()]) if (name !== 'data-fixture' && name !== 'class' && name !== 'id' && name !== 'jsname' && name !== 'data-test' && name !== 'role') toggle.removeAttribute(name);
    expect(read(file, doc).mic).toBe('unknown');
  });

  it.each(IN_CALL)('%s: with every call marker hidden, the phase is unknown', (file) => {
    const doc = loadFixture(file);
    const row = MEETING_SELECTORS[platformOf(file)];
    const inner = meetingDocument(doc);
    for (const el of inner.querySelectorAll(row.inCall.css.join(', '))) el.setAttribute('hidden', '');
    if (row.inCall.text) for (const el of inner.querySelectorAll(row.inCall.text.in)) el.setAttribute('hidden', '');
    expect(read(file, doc).phase).toBe('unknown');
  });

  it.each(PLATFORMS)('%s: an unrelated page reads unknown, and so does an empty one', (platform) => {
    const adapter = adapterFor(platform);
    const page = new DOMParser().parseFromString('<title>News</title><h1>Today</h1><button>Mute</button><button>Join</button>', 'text/html');
    expect(adapter.read(page, 'https://news.test/today')).toEqual(S('unknown', 'unknown'));
    expect(adapter.read(new DOMParser().parseFromString('', 'text/html'), 'https://news.test/today')).toEqual(S('unknown', 'unknown'));
    expect(adapter.controls(page)).toEqual([]);
  });

  it.each(PLATFORMS)('%s: never throws, even when the page does', (platform) => {
    const hostile = {
      URL: 'https://meeting.test/room',
      querySelector() {
        throw new Error('boom');
      },
      querySelectorAll() {
        throw new Error('boom');
      },
    } as unknown as Document;
    expect(adapterFor(platform).read(hostile)).toEqual(S('unknown', 'unknown'));
    expect(adapterFor(platform).controls(hostile)).toEqual([]);
    expect(adapterFor(platform).isLeaveControl({ closest: () => { throw new Error('boom'); } } as unknown as Element)).toBe(false);
  });
});

describe('Google Meet', () => {
  const meet = adapterFor('meet');

  it('the waiting room already shows Leave call, mic and camera, and still reads as before the call', () => {
    const doc = loadFixture('meet-waiting.html');
    expect(doc.querySelector('button[jsname="CQylAd"]')).not.toBeNull();
    expect(meet.read(doc, 'https://meet.google.com/abc-defg-hij').phase).toBe('pre-join');
  });

  it('reads the microphone, not the camera, even when the camera comes first', () => {
    const doc = loadFixture('meet-in-call-unmuted.html');
    const camera = doc.querySelector('[data-fixture="camera"]')!;
    camera.setAttribute('data-is-muted', 'true');
    doc.body.prepend(camera);
    expect(meet.read(doc)).toEqual(S('in-call', 'unmuted'));
  });

  it.each(['meet-in-call-muted.html', 'meet-in-call-muted.de.html', 'meet-in-call-muted.fr.html', 'meet-in-call-muted.es.html'])(
    '%s: finds the call by its leave label when the jsname changes',
    (file) => {
      const doc = loadFixture(file);
      doc.querySelectorAll('[jsname]').forEach((el) => el.removeAttribute('jsname'));
      expect(meet.read(doc).phase).toBe('in-call');
    },
  );

  it.each(['meet-in-call-muted.html', 'meet-in-call-muted.de.html', 'meet-in-call-muted.es.html'])('%s: falls back to the label when data-is-muted is gone', (file) => {
    const doc = loadFixture(file);
    mute(doc).removeAttribute('data-is-muted');
    expect(meet.read(doc).mic).toBe('muted');
  });

  it('the leave press is found on the icon inside the button', () => {
    const doc = loadFixture('meet-in-call-muted.html');
    expect(meet.isLeaveControl(leave(doc).querySelector('*') ?? leave(doc))).toBe(true);
    expect(meet.isLeaveControl(mute(doc))).toBe(false);
  });
});

describe('Microsoft Teams', () => {
  const teams = adapterFor('teams');

  it('reads both builds: data-state "mic" and "mic-volume-renderer" are both on', () => {
    for (const on of ['mic', 'mic-volume-renderer']) {
      const doc = loadFixture('teams-in-call-muted.v1.html');
      mute(doc).setAttribute('data-state', on);
      expect(teams.read(doc).mic).toBe('unmuted');
    }
  });

  it('the lobby can show Leave already, and still reads as before the call', () => {
    const doc = loadFixture('teams-waiting.html');
    expect(doc.querySelector('#hangup-button')).not.toBeNull();
    expect(teams.read(doc).phase).toBe('pre-join');
  });

  it('a mic button left hidden in the page after the call is not read', () => {
    const doc = loadFixture('teams-left-hidden-mic.html');
    expect(doc.querySelector('#microphone-button')).not.toBeNull();
    expect(teams.read(doc)).toEqual(S('left', 'unknown'));
    expect(teams.controls(doc)).toEqual([]);
  });

  it('reads the lobby switch: checked means the mic is on', () => {
    const doc = loadFixture('teams-pre-join.html');
    const toggle = doc.querySelector('[data-tid="toggle-mute"]') as HTMLInputElement;
    toggle.checked = true;
    toggle.setAttribute('aria-checked', 'true');
    expect(teams.read(doc)).toEqual(S('pre-join', 'unmuted'));
  });

  it('German: the attributes decide where the words are unknown', () => {
    const doc = loadFixture('teams-in-call-muted.de.html');
    mute(doc).setAttribute('aria-label', 'Mikrofon stummschalten (Strg+Umschalt+M)');
    mute(doc).removeAttribute('data-state');
    mute(doc).removeAttribute('data-track-action-scenario');
    expect(teams.read(doc).mic).toBe('unmuted');
  });
});

describe('Webex', () => {
  const webex = adapterFor('webex');

  it('reads the sentence on the custom-element mic', () => {
    const doc = loadFixture('webex-in-call-muted.html');
    expect(mute(doc).tagName).toBe('MDC-BUTTON');
    expect(mute(doc).getAttribute('aria-label')).toBe('Microphone is currently muted - click to unmute');
    expect(webex.read(doc).mic).toBe('muted');
    mute(doc).setAttribute('aria-label', 'Microphone is currently unmuted - click to mute');
    expect(webex.read(doc).mic).toBe('unmuted');
  });

  it('reads the client inside its frame on the site page', () => {
    const doc = loadFixture('webex-shell-in-call-muted.html');
    expect(doc.querySelector('iframe#unified-webclient-iframe')).not.toBeNull();
    expect(webex.read(doc)).toEqual(S('in-call', 'muted'));
  });
});

describe('Jitsi Meet', () => {
  const jitsi = adapterFor('jitsi');

  it('pre-join renders the toolbox with hang-up, and still reads as before the call', () => {
    const doc = loadFixture('jitsi-pre-join.html');
    expect(doc.querySelector('#new-toolbox .hangup-button')).not.toBeNull();
    expect(read('jitsi-pre-join.html', doc).phase).toBe('pre-join');
  });

  it('an auto-hidden toolbox (slid off screen) still reads the call and the mic', () => {
    expect(read('jitsi-in-call-toolbox-hidden.html')).toEqual(S('in-call', 'unmuted'));
  });

  it.each([
    ['https://meet.jit.si/static/close2.html', 'left'],
    ['https://meet.example.org/static/close.html', 'left'],
    ['https://meet.jit.si/', 'left'],
    ['https://meet.jit.si/PauseMomentStandup', 'in-call'],
  ] as const)('at %s a call page reads %s', (url, phase) => {
    expect(jitsi.read(loadFixture('jitsi-in-call-muted.html'), url).phase).toBe(phase);
  });

  it('reads aria-pressed before the label, and not the camera', () => {
    const doc = loadFixture('jitsi-in-call-unmuted.html');
    mute(doc).setAttribute('aria-label', 'Mikrofon');
    doc.querySelector('[data-fixture="camera"]')!.setAttribute('aria-pressed', 'true');
    expect(read('jitsi-in-call-unmuted.html', doc)).toEqual(S('in-call', 'unmuted'));
  });
});

describe('Whereby', () => {
  it('aria-pressed means the microphone is on, the reverse of Jitsi', () => {
    const doc = loadFixture('whereby-in-call-muted.html');
    expect(mute(doc).getAttribute('aria-pressed')).toBe('false');
    mute(doc).setAttribute('aria-pressed', 'true');
    expect(read('whereby-in-call-muted.html', doc).mic).toBe('unmuted');
  });

  it('knows its own Leave control, and nothing else', () => {
    const doc = loadFixture('whereby-in-call-muted.html');
    expect(adapterFor('whereby').isLeaveControl(leave(doc))).toBe(true);
    expect(adapterFor('whereby').isLeaveControl(mute(doc))).toBe(false);
  });
});

describe('controls', () => {
  it.each(IN_CALL.filter((f) => !f.startsWith('webex-shell')))('%s: the bar holds mute and leave, and is not the whole page', (file) => {
    const doc = loadFixture(file);
    const bars = adapterFor(platformOf(file)).controls(doc);
    expect(bars.length).toBeGreaterThanOrEqual(1);
    const inner = meetingDocument(doc);
    expect(bars.some((bar) => bar.contains(mute(doc)))).toBe(true);
    if (leave(doc)) expect(bars.some((bar) => bar.contains(leave(doc)))).toBe(true);
    expect(bars).not.toContain(inner.body);
  });

  it.each(EXPECTED.filter(([, s]) => s.phase === 'pre-join').map(([f]) => f))('%s: before the call, the card keeps off the mic and its neighbours', (file) => {
    const doc = loadFixture(file);
    const inner = meetingDocument(doc);
    const mic = firstMatch(inner, MEETING_SELECTORS[platformOf(file)].mic.css)!;
    const bars = adapterFor(platformOf(file)).controls(doc);
    expect(bars.some((bar) => bar.contains(mic))).toBe(true);
    const camera = inner.querySelector('[data-fixture="camera"]');
    if (camera) expect(bars.some((bar) => bar.contains(camera))).toBe(true);
    expect(bars).not.toContain(inner.body);
  });

  // Jitsi after hanging up and Zoom's "ended by host" dialog leave the call's layout, bar and all, under the end screen.
  const OVER_THE_CALL = ['jitsi-left.html', 'jitsi-left-host-ended.html', 'zoom-left-host-ended.html'];
  it.each(EXPECTED.filter(([f, s]) => s.phase === 'left' && !OVER_THE_CALL.includes(f)).map(([f]) => f))('%s: no bar after leaving', (file) => {
    expect(adapterFor(platformOf(file)).controls(loadFixture(file))).toEqual([]);
  });
});

describe('fixture scripts (what end-to-end tests click)', () => {
  it.each(IN_CALL.filter((f) => !f.startsWith('webex-shell')))('%s: mute toggles what the adapter reads, leave shows the end of the call', (file) => {
    const doc = loadFixture(file);
    const inner = meetingDocument(doc);
    runFixtureScript(inner);
    const first = read(file, doc);
    if (first.mic !== 'unknown') {
      const flipped = first.mic === 'muted' ? 'unmuted' : 'muted';
      mute(doc).click();
      expect(read(file, doc)).toEqual(S('in-call', flipped));
      mute(doc).click();
      expect(read(file, doc)).toEqual(first);
    }
    // A real press lands on the innermost element under the pointer (an icon inside the button).
    let pressed: Element = leave(doc);
    while (pressed.firstElementChild) pressed = pressed.firstElementChild;
    expect(adapterFor(platformOf(file)).isLeaveControl(pressed), 'a press on leave is known as one').toBe(true);
    leave(doc).click();
    // No source gives Webex's German end words: there the press on leave tells (see phaseAfterRead).
    expect(read(file, doc).phase).toBe(file === 'webex-in-call-muted.de.html' ? 'unknown' : 'left');
  });
});

