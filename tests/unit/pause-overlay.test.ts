import nodeConsole from 'node:console';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createPauseOverlay, type PauseOverlay } from '@/lib/pause/overlay';

const PAUSE = 'chrome-extension://test-extension-id/pause.html?site=reddit&pause=1';
const settle = () => new Promise((r) => setTimeout(r, 0));
const host = () => document.querySelector('pause-moment') as HTMLElement | null;

let overlay: PauseOverlay;
let shadow: ShadowRoot;
beforeEach(() => {
  document.documentElement.innerHTML = '<head></head><body><p>feed</p></body>';
  // The root is closed to the page; spying on attachShadow is the only way a test can look inside.
  const attach = HTMLElement.prototype.attachShadow;
  vi.spyOn(HTMLElement.prototype, 'attachShadow').mockImplementation(function (this: HTMLElement, init) {
    return (shadow = attach.call(this, init));
  });
  // happy-dom does not load frames and says so, for each one, on the console it was set up with.
  const error = nodeConsole.error.bind(nodeConsole);
  vi.spyOn(nodeConsole, 'error').mockImplementation((...args: unknown[]) => {
    if (!String(args[0]).includes('Iframe page loading is disabled')) error(...args);
  });
  // happy-dom fires `close` from inside close(); browsers queue it as a task (HTML: "close the dialog"),
  // so by then the overlay has reopened its dialog. Without this, re-raising the dialog loops forever here.
  vi.spyOn(HTMLDialogElement.prototype, 'close').mockImplementation(function (this: HTMLDialogElement, value?: string) {
    const wasOpen = this.open;
    this.removeAttribute('open');
    this.returnValue = value ?? '';
    if (wasOpen) setTimeout(() => this.dispatchEvent(new Event('close')));
  });
  overlay = createPauseOverlay(document);
});
afterEach(() => {
  overlay.destroy();
  vi.restoreAllMocks();
});

const frames = () => [...shadow.querySelectorAll('iframe')];
const dialog = () => shadow.querySelector('dialog')!;

describe('showing the cover', () => {
  it('covers the page with one host on <html>, closed to the page', () => {
    expect(host()).toBeNull();
    overlay.show();
    expect(overlay.showing).toBe(true);
    expect(host()!.parentNode).toBe(document.documentElement);
    expect(host()!.shadowRoot).toBeNull();
    expect(host()!.style.getPropertyValue('position')).toBe('fixed');
    expect(host()!.style.getPropertyPriority('z-index')).toBe('important');
    overlay.show();
    expect(document.querySelectorAll('pause-moment')).toHaveLength(1);
  });

  it('loads the pause page into the cover, and keeps the same frame when shown again for it', () => {
    overlay.show();
    expect(frames()).toHaveLength(0);
    overlay.show(PAUSE);
    const [frame] = frames();
    expect(frame!.src).toBe(PAUSE);
    overlay.show(PAUSE);
    overlay.show();
    expect(frames()).toHaveLength(1);
    expect(frames()[0]).toBe(frame); // not reloaded: what the user typed stays
    overlay.show(`${PAUSE}2`);
    expect(frames().map((f) => f.src)).toEqual([`${PAUSE}2`]);
  });

  it('paints the question and the breath with the cover before the pause page is known, then takes the pause page\'s words', () => {
    overlay.show();
    overlay.paint('Is this really my choice?');
    expect(dialog().textContent).toBe('Is this really my choice?');
    expect(frames()).toHaveLength(0);
    expect((dialog().firstElementChild!.firstElementChild as HTMLElement).getAnimations()).toHaveLength(1);
    overlay.show(PAUSE, 'What am I looking for?');
    expect(dialog().textContent).toBe('What am I looking for?');
    expect(dialog().children).toHaveLength(2);
    overlay.hide();
    expect(host()).toBeNull();
  });

  it('paints nothing on a cover that is not showing', () => {
    overlay.paint('Is this really my choice?');
    expect(host()).toBeNull();
    expect(dialog().textContent).toBe('');
  });

  it('paints the question and the breath with the pause, under the pause page, hidden from screen readers (the page says it)', () => {
    overlay.show();
    expect(dialog().textContent).toBe('');
    overlay.show(PAUSE, 'What am I looking for?');
    const card = dialog().firstElementChild as HTMLElement;
    expect(card.textContent).toBe('What am I looking for?');
    expect(card.getAttribute('aria-hidden')).toBe('true');
    expect(card.nextElementSibling).toBe(frames()[0]);
    // Nothing the page sets on the host is inherited by it.
    expect(card.style.getPropertyValue('all')).toBe('initial');
    expect(card.style.getPropertyPriority('font-family')).toBe('important');
    expect([...card.children].map((el) => el.getAnimations().length)).toEqual([1, 0]);
    overlay.show(`${PAUSE}2`, '');
    expect(dialog().textContent).toBe('');
    expect(dialog().children).toHaveLength(2);
  });

  it('keeps the painted breath still for a person who prefers reduced motion', () => {
    vi.spyOn(window, 'matchMedia').mockImplementation((query) => ({ matches: query.includes('reduce') }) as MediaQueryList);
    overlay.show(PAUSE, 'Is this really my choice?');
    const breath = dialog().firstElementChild!.firstElementChild as HTMLElement;
    expect(breath.getAnimations()).toHaveLength(0);
    expect(breath.style.getPropertyValue('transform')).toBe('scale(0.8)');
  });

  it('pauses media that was playing behind it', async () => {
    const video = document.body.appendChild(document.createElement('video'));
    await video.play();
    expect(video.paused).toBe(false);
    overlay.show();
    expect(video.paused).toBe(true);
  });
});

describe('a page fighting the cover', () => {
  beforeEach(() => overlay.show(PAUSE));

  it('puts the host back each time the page removes it, alternating <html> and <body>', async () => {
    const parents: (ParentNode | null)[] = [];
    for (let i = 0; i < 3; i++) {
      host()!.remove();
      await settle();
      parents.push(host()!.parentNode);
    }
    expect(parents).toEqual([document.body, document.documentElement, document.body]);
    expect(frames()).toHaveLength(1);
    expect(dialog().open).toBe(true);
  });

  it('answers a page that keeps removing it on a timer, and still comes back', async () => {
    for (let i = 0; i < 25 && host(); i++) {
      host()!.remove();
      await settle();
    }
    expect(host()).toBeNull(); // no longer put back at once: the page and the cover do not lock up
    await new Promise((r) => setTimeout(r, 60));
    expect(host()).not.toBeNull();
  });

  it('covers a document whose <html> the page replaced', async () => {
    const old = host()!;
    document.documentElement.remove();
    document.appendChild(document.createElement('html'));
    await settle();
    expect(old.parentNode).toBe(document.documentElement);
  });

  it.each([
    ['hides it through its style attribute', (h: HTMLElement) => h.setAttribute('style', 'display: none')],
    ['clears its style', (h: HTMLElement) => h.removeAttribute('style')],
    ['makes it transparent', (h: HTMLElement) => h.style.setProperty('opacity', '0', 'important')],
  ])('restores its styles when the page %s', async (_, attack) => {
    attack(host()!);
    await settle();
    const style = host()!.style;
    expect([style.getPropertyValue('display'), style.getPropertyValue('opacity'), style.getPropertyValue('position')]).toEqual(['block', '1', 'fixed']);
  });

  it.each(['hidden', 'inert', 'popover'])('removes a %s attribute the page sets on it', async (name) => {
    host()!.setAttribute(name, '');
    await settle();
    expect(host()!.hasAttribute(name)).toBe(false);
  });

  it('shows the pause as an open modal dialog that Esc cannot cancel, reopened if it closes', async () => {
    expect(dialog().open).toBe(true);
    const cancel = new Event('cancel', { cancelable: true });
    dialog().dispatchEvent(cancel);
    expect(cancel.defaultPrevented).toBe(true);
    dialog().close();
    await settle();
    expect(dialog().open).toBe(true);
  });

  it('pauses media the page starts while covered', async () => {
    const video = document.body.appendChild(document.createElement('video'));
    await video.play();
    expect(video.paused).toBe(true);
  });
});

describe('the page’s own scrollbar', () => {
  const html = () => document.documentElement;
  const rootStyle = () => ['overflow-x', 'overflow-y', 'scrollbar-gutter'].map((n) => `${n}: ${html().style.getPropertyValue(n)} ${html().style.getPropertyPriority(n)}`.trim());
  const HELD = ['overflow-x: hidden important', 'overflow-y: hidden important', 'scrollbar-gutter: auto important'];
  afterEach(() => html().removeAttribute('style'));

  it('is taken away while the pause is up, so the cover spans the window, and comes back after', () => {
    overlay.show(PAUSE);
    expect(rootStyle()).toEqual(HELD);
    overlay.hide();
    expect(html().hasAttribute('style')).toBe(false);
  });

  it('gives the page back its own inline styles of the root', () => {
    html().setAttribute('style', 'overflow-y: scroll; scrollbar-gutter: stable; color: red');
    overlay.show(PAUSE);
    expect(rootStyle()).toEqual(HELD);
    expect(html().style.getPropertyValue('color')).toBe('red');
    overlay.destroy();
    expect(rootStyle()).toEqual(['overflow-x:', 'overflow-y: scroll', 'scrollbar-gutter: stable']);
    expect(html().style.getPropertyValue('color')).toBe('red');
  });

  it('is taken away again when the page puts it back, and what the page set is what it gets after', async () => {
    overlay.show(PAUSE);
    html().style.setProperty('overflow-y', 'auto', 'important');
    await settle();
    expect(rootStyle()).toEqual(HELD);
    html().removeAttribute('style');
    await settle();
    expect(rootStyle()).toEqual(HELD);
    html().style.overflowX = 'clip';
    await settle();
    expect(rootStyle()).toEqual(HELD);
    overlay.hide();
    expect(rootStyle()).toEqual(['overflow-x: clip', 'overflow-y:', 'scrollbar-gutter:']);
  });

  it('comes back once both an old cover, retired, and the new one that took over have gone', async () => {
    html().setAttribute('style', 'overflow-y: scroll');
    overlay.show(PAUSE);
    overlay.retire(20);
    const next = createPauseOverlay(document);
    try {
      next.show(PAUSE);
      expect(rootStyle()).toEqual(HELD);
      await new Promise((r) => setTimeout(r, 40));
      expect(rootStyle()).toEqual(HELD);
      next.hide();
      expect(html().getAttribute('style')).toBe('overflow-y: scroll;');
    } finally {
      next.destroy();
    }
  });

  it('is given back when an earlier cover held it and nothing of it is left to give it back (Firefox, after an update)', () => {
    overlay.show(PAUSE);
    // The earlier cover's code has stopped; its host stays in the page.
    const next = createPauseOverlay(document);
    try {
      next.show(PAUSE);
      expect(rootStyle()).toEqual(HELD);
      next.hide();
      expect(rootStyle()).toEqual(['overflow-x:', 'overflow-y:', 'scrollbar-gutter:']);
    } finally {
      next.destroy();
    }
  });

  it('is left alone by a cover that is not showing', () => {
    html().setAttribute('style', 'overflow: scroll');
    overlay.hide();
    overlay.destroy();
    expect(html().getAttribute('style')).toBe('overflow: scroll');
  });
});

describe('hiding', () => {
  it('removes the cover and the pause page, and stops guarding', async () => {
    overlay.show(PAUSE);
    const h = host()!;
    overlay.hide();
    expect(overlay.showing).toBe(false);
    expect(host()).toBeNull();
    expect(frames()).toHaveLength(0);
    expect(dialog().open).toBe(false);
    document.documentElement.appendChild(h);
    h.remove();
    h.setAttribute('style', 'display: none');
    await settle();
    expect(host()).toBeNull();
    const video = document.body.appendChild(document.createElement('video'));
    await video.play();
    expect(video.paused).toBe(false);
  });

  it('cannot be shown again once destroyed', () => {
    overlay.destroy();
    overlay.show(PAUSE);
    expect(overlay.showing).toBe(false);
    expect(host()).toBeNull();
  });
});
