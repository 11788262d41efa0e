import nodeConsole from 'node:console';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createPauseOverlay, type PauseOverlay } from '@/lib/pause-overlay';

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
  overlay = createPauseOverlay(document);
});
afterEach(() => {
  overlay.destroy();
  vi.restoreAllMocks();
});

const frames = () => [...shadow.querySelectorAll('iframe')];

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

  it('puts the host back when the page removes it', async () => {
    host()!.remove();
    await settle();
    expect(host()?.parentNode).toBe(document.documentElement);
    expect(frames()).toHaveLength(1);
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

  it.each(['hidden', 'inert'])('removes a %s attribute the page sets on it', async (name) => {
    host()!.setAttribute(name, '');
    await settle();
    expect(host()!.hasAttribute(name)).toBe(false);
  });

  it('pauses media the page starts while covered', async () => {
    const video = document.body.appendChild(document.createElement('video'));
    await video.play();
    expect(video.paused).toBe(true);
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
