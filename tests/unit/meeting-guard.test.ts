import nodeConsole from 'node:console';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { CARD_SIZE, READ_INTERVAL_MS, startMeetingGuard, type MeetingEnv } from '@/lib/meetings/guard';
import type { ChipPosition } from '@/lib/meetings/overlay';
import { adapterFor } from '@/lib/meetings/platforms';
import type { MeetingAdapter, PlatformId } from '@/lib/meetings/types';
import { loadFixture } from './meetings/fixtures';

const PLATFORMS: PlatformId[] = ['meet', 'zoom', 'teams', 'webex', 'jitsi', 'whereby'];
const CARD_PAGE = 'chrome-extension://test-extension-id/meeting-card.html';
const win = window as unknown as Window & { happyDOM: { setViewport(v: { width: number; height: number }): void } };

/** The roots are closed to the page; spying on attachShadow is the only way a test can look inside. */
const roots = new Map<string, ShadowRoot>();
const cardHost = () => document.querySelector('pause-moment-card') as HTMLElement | null;
const chipHost = () => document.querySelector('pause-moment-chip') as HTMLElement | null;
const cardFrame = () => roots.get('PAUSE-MOMENT-CARD')?.querySelector('iframe') ?? null;
/** The moment of the card on screen, read from the page it shows; undefined when none is. */
const onScreen = () => (cardHost() ? new URL(cardFrame()!.src).searchParams.get('moment') : undefined);
const px = (el: HTMLElement, name: string) => parseFloat(el.style.getPropertyValue(name));

/** Lets the guard take its next read. */
const tick = () => vi.advanceTimersByTimeAsync(READ_INTERVAL_MS);
/** Lets promises and observers settle without a read. */
const settle = () => vi.advanceTimersByTimeAsync(0);

/** Puts a fixture's page on screen, the way a meeting app swaps its screens inside one document. */
function showPage(file: string): void {
  const page = loadFixture(file);
  // Adopted, not copied: a Zoom shell's frame keeps the fixture document it was given.
  document.getElementById('app')!.replaceChildren(...[...page.body.childNodes].map((n) => document.adoptNode(n)));
}

let adapter: MeetingAdapter;
let read: ReturnType<typeof vi.fn<MeetingAdapter['read']>>;
let unmuteOn: boolean;
let cardUrl: ReturnType<typeof vi.fn<(p: URLSearchParams) => string>>;
let unmuteCardOn: ReturnType<typeof vi.fn<() => Promise<boolean>>>;
let callStarted: ReturnType<typeof vi.fn<() => Promise<boolean>>>;
let callPending: ReturnType<typeof vi.fn<() => Promise<boolean>>>;
let reportUnread: ReturnType<typeof vi.fn<(part: string) => void>>;
let reportRead: ReturnType<typeof vi.fn<() => void>>;
/** Whether the user's "every / some / never" picks the call that starts next. */
let askAfter: boolean;
/** Whether a call on this platform is waiting for its line (the after card on a page reached by leaving). */
let pending: boolean;
/** The page's address, as the guard reads it. */
let pageUrl: string;
let saveChipPosition: ReturnType<typeof vi.fn<(p: ChipPosition) => void>>;
let savedChip: ChipPosition | undefined;
let handlers: { open: () => void; close: () => void; reading: () => unknown };
let listening: AbortSignal;
let focused: MockInstance<(options?: FocusOptions) => void>;
let stop: (() => void) | undefined;

function start(platform: PlatformId): void {
  const life = new ContentScriptContext('meeting');
  const real = adapterFor(platform);
  read = vi.fn((doc: Document, url?: string) => real.read(doc, url));
  adapter = { ...real, read };
  const env: MeetingEnv = {
    win: window,
    doc: document,
    adapter,
    unmuteCardOn,
    cardUrl,
    chipPosition: async () => savedChip,
    saveChipPosition,
    url: () => pageUrl,
    callStarted,
    callPending,
    reportUnread,
    reportRead,
    life,
    listen(h, signal) {
      handlers = h;
      listening = signal;
    },
  };
  startMeetingGuard(env);
  stop = () => life.notifyInvalidated();
}
/** Every card the guard asked for, as the query it gave the card page. */
const asked = () => cardUrl.mock.calls.map(([p]) => Object.fromEntries(p));
/** Whether the card on screen took focus once its page loaded. */
function tookFocus(): boolean {
  focused.mockClear();
  cardFrame()!.dispatchEvent(new Event('load'));
  return focused.mock.calls.length > 0;
}

beforeEach(() => {
  vi.useFakeTimers();
  win.happyDOM.setViewport({ width: 1280, height: 800 });
  document.documentElement.innerHTML = '<head></head><body><div id="app"></div></body>';
  roots.clear();
  unmuteOn = false;
  (fakeBrowser.runtime as { id?: string }).id = 'test-extension-id';
  savedChip = undefined;
  cardUrl = vi.fn((p: URLSearchParams) => `${CARD_PAGE}?${p}`);
  unmuteCardOn = vi.fn(async () => unmuteOn);
  askAfter = true;
  pending = false;
  pageUrl = 'https://meet.example/room';
  callStarted = vi.fn(async () => askAfter);
  callPending = vi.fn(async () => pending);
  reportUnread = vi.fn();
  reportRead = vi.fn();
  saveChipPosition = vi.fn();
  const attach = HTMLElement.prototype.attachShadow;
  vi.spyOn(HTMLElement.prototype, 'attachShadow').mockImplementation(function (this: HTMLElement, init) {
    const root = attach.call(this, init);
    roots.set(this.tagName, root);
    return root;
  });
  focused = vi.spyOn(HTMLIFrameElement.prototype, 'focus');
  // happy-dom does not load frames and says so, for each one, on the console it was set up with.
  const error = nodeConsole.error.bind(nodeConsole);
  vi.spyOn(nodeConsole, 'error').mockImplementation((...args: unknown[]) => {
    if (!String(args[0]).includes('Iframe page loading is disabled')) error(...args);
  });
});
afterEach(() => {
  stop?.();
  stop = undefined;
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('a call from lobby to end screen', () => {
  it.each(PLATFORMS)('%s: an intention before, nothing in the call, a line after', async (platform) => {
    showPage(`${platform}-pre-join.html`);
    start(platform);
    const label = adapterFor(platform).label;
    expect(asked()).toEqual([{ moment: 'before', platform, label }]);
    expect(onScreen()).toBe('before');
    expect(tookFocus()).toBe(false);

    // Still in the lobby: asked once, not at every read.
    await tick();
    await tick();
    expect(asked()).toHaveLength(1);

    showPage(`${platform}-in-call-muted.html`);
    await tick();
    expect(callStarted).toHaveBeenCalledOnce();
    expect(onScreen()).toBeUndefined();

    showPage(`${platform}-in-call-unmuted.html`);
    await tick();
    expect(unmuteCardOn).toHaveBeenCalledOnce();
    expect(onScreen()).toBeUndefined();

    showPage(`${platform}-left.html`);
    await tick();
    expect(asked()).toEqual([
      { moment: 'before', platform, label },
      { moment: 'after', platform, label },
    ]);
    expect(onScreen()).toBe('after');
    expect(tookFocus()).toBe(false);
    expect(callStarted).toHaveBeenCalledOnce();
  });

  it('the intention card waits while the user stays in the lobby, and is not asked again after closing it', async () => {
    showPage('meet-pre-join.html');
    start('meet');
    handlers.close();
    expect(onScreen()).toBeUndefined();
    for (let i = 0; i < 5; i++) await tick();
    expect(asked().map((q) => q.moment)).toEqual(['before']);
  });

  it('asks for an intention once per page: back in the lobby after a call, it does not ask again', async () => {
    showPage('whereby-pre-join.html');
    start('whereby');
    showPage('whereby-in-call-muted.html');
    await tick();
    showPage('whereby-left.html');
    await tick();
    handlers.close();
    showPage('whereby-pre-join.html');
    await tick();
    expect(asked().map((q) => q.moment)).toEqual(['before', 'after']);
    expect(onScreen()).toBeUndefined();
  });

  it('joining a call already open (no lobby seen) still counts as joined, with no intention card', async () => {
    showPage('teams-in-call-muted.html');
    start('teams');
    await settle();
    expect(callStarted).toHaveBeenCalledOnce();
    expect(asked()).toEqual([]);
  });

  it('a page that is no call at all shows nothing', async () => {
    document.getElementById('app')!.innerHTML = '<h1>Upcoming meetings</h1><button>Join now?</button>';
    start('meet');
    for (let i = 0; i < 3; i++) await tick();
    expect(asked()).toEqual([]);
    expect(callStarted).not.toHaveBeenCalled();
  });

  it('leaving through a blank moment before the end screen still asks for a line after', async () => {
    showPage('meet-in-call-muted.html');
    start('meet');
    document.getElementById('app')!.replaceChildren();
    await tick();
    showPage('meet-left.html');
    await tick();
    expect(onScreen()).toBe('after');
  });

  it('a re-render in the middle of the call is not a second join', async () => {
    showPage('jitsi-in-call-muted.html');
    start('jitsi');
    document.getElementById('app')!.replaceChildren();
    await tick();
    showPage('jitsi-in-call-muted.html');
    await tick();
    expect(callStarted).toHaveBeenCalledOnce();
  });

  it('the end screen the fixture itself draws (body replaced) gets the after card', async () => {
    document.body.innerHTML = '';
    const page = loadFixture('meet-in-call-muted.html');
    document.body.replaceChildren(...[...page.body.childNodes].map((n) => document.adoptNode(n)));
    // What the fixture's Leave button does: the whole body becomes the end screen.
    start('meet');
    await settle();
    const left = (document.querySelector('template#fixture-left') as HTMLTemplateElement).content.cloneNode(true);
    document.body.replaceChildren(left);
    await tick();
    expect(onScreen()).toBe('after');
    expect(chipHost()?.parentNode).toBe(document.body);
  });
});

describe('the line after a call', () => {
  it('a call the user\'s "some calls" did not pick ends without a card, and without waiting for a line', async () => {
    askAfter = false;
    showPage('meet-in-call-muted.html');
    start('meet');
    await tick();
    expect(callStarted).toHaveBeenCalledOnce();
    showPage('meet-left.html');
    await tick();
    expect(onScreen()).toBeUndefined();
  });

  it('a page reached by leaving a call (Jitsi\'s close page) asks when that call is waiting for its line', async () => {
    pending = true;
    pageUrl = 'https://meet.jit.si/static/close2.html';
    showPage('jitsi-close.html');
    start('jitsi');
    await settle();
    expect(callPending).toHaveBeenCalled();
    expect(onScreen()).toBe('after');
  });

  it('…and shows nothing when no call is waiting', async () => {
    pageUrl = 'https://meet.jit.si/static/close2.html';
    showPage('jitsi-close.html');
    start('jitsi');
    await settle();
    await tick();
    expect(onScreen()).toBeUndefined();
  });

  it('Whereby: pressing its own Leave and the call clearing away is leaving, with no end screen to read', async () => {
    showPage('whereby-in-call-muted.html');
    start('whereby');
    await tick();
    const press = new MouseEvent('click', { bubbles: true });
    Object.defineProperty(press, 'isTrusted', { value: true });
    document.querySelector('.jstest-leave-room-button')!.dispatchEvent(press);
    document.getElementById('app')!.replaceChildren();
    await tick();
    expect(onScreen()).toBe('after');
  });

  it('…but a page script\'s click on Leave, or the call clearing away by itself, is not', async () => {
    showPage('whereby-in-call-muted.html');
    start('whereby');
    await tick();
    (document.querySelector('.jstest-leave-room-button') as HTMLElement).click();
    document.getElementById('app')!.replaceChildren();
    await tick();
    await tick();
    expect(onScreen()).toBeUndefined();
  });
});

describe('what the page can read', () => {
  it('answers the popup with what it reads', async () => {
    showPage('teams-in-call-unmuted.html');
    start('teams');
    await settle();
    expect(handlers.reading()).toEqual({ platform: 'teams', label: 'Microsoft Teams', phase: 'in-call', mic: 'unmuted' });
  });

  it('says once when nothing could be read for a whole visit', async () => {
    document.getElementById('app')!.innerHTML = '<h1>Something new</h1>';
    start('zoom');
    await vi.advanceTimersByTimeAsync(60_000);
    expect(reportUnread).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(70_000);
    expect(reportUnread.mock.calls).toEqual([['phase']]);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(reportUnread).toHaveBeenCalledOnce();
  });

  it('says once when a whole call went by without the microphone, and never when it read', async () => {
    showPage('webex-in-call-muted.html');
    document.querySelector('[data-fixture="mute"]')!.removeAttribute('aria-label');
    start('webex');
    await vi.advanceTimersByTimeAsync(130_000);
    expect(reportUnread.mock.calls).toEqual([['mic']]);
    expect(reportRead).not.toHaveBeenCalled();
  });

  it('a call that reads is reported as read, so an older note can go', async () => {
    showPage('meet-in-call-muted.html');
    start('meet');
    await tick();
    expect(reportRead).toHaveBeenCalledOnce();
    await vi.advanceTimersByTimeAsync(130_000);
    expect(reportUnread).not.toHaveBeenCalled();
    expect(reportRead).toHaveBeenCalledOnce();
  });
});

describe('the breath on unmute', () => {
  it.each([
    [false, undefined],
    [true, 'unmute'],
  ])('turned on: %s → card %s', async (on, card) => {
    unmuteOn = on;
    showPage('meet-in-call-muted.html');
    start('meet');
    await tick();
    showPage('meet-in-call-unmuted.html');
    await tick();
    expect(onScreen()).toBe(card);
    if (card) expect(tookFocus()).toBe(false);
  });

  it.each(PLATFORMS)('%s: shows on the unmute the platform’s own toggle shows', async (platform) => {
    unmuteOn = true;
    showPage(`${platform}-in-call-muted.html`);
    start(platform);
    await tick();
    expect(onScreen()).toBeUndefined();
    showPage(`${platform}-in-call-unmuted.html`);
    await tick();
    expect(asked()).toEqual([{ moment: 'unmute', platform, label: adapterFor(platform).label }]);
  });

  it('reads the setting fresh at each unmute: turned on mid-call, the next unmute gets the card', async () => {
    showPage('whereby-in-call-muted.html');
    start('whereby');
    showPage('whereby-in-call-unmuted.html');
    await tick();
    expect(onScreen()).toBeUndefined();
    unmuteOn = true;
    showPage('whereby-in-call-muted.html');
    await tick();
    expect(onScreen()).toBeUndefined(); // muting asks nothing
    showPage('whereby-in-call-unmuted.html');
    await tick();
    expect(onScreen()).toBe('unmute');
  });

  it('does not push aside a card the user is using', async () => {
    unmuteOn = true;
    showPage('meet-in-call-muted.html');
    start('meet');
    handlers.open();
    showPage('meet-in-call-unmuted.html');
    await tick();
    expect(onScreen()).toBe('during');
    expect(asked().map((q) => q.moment)).toEqual(['during']);
  });
});

describe('a pause the user asks for', () => {
  it('the shortcut opens the pause card and gives it focus; the card’s close takes it away', async () => {
    showPage('webex-in-call-muted.html');
    start('webex');
    await settle();
    handlers.open();
    expect(asked()).toEqual([{ moment: 'during', platform: 'webex', label: 'Webex' }]);
    expect(onScreen()).toBe('during');
    expect(tookFocus()).toBe(true);
    const size = CARD_SIZE.during;
    expect([px(cardHost()!, 'width'), px(cardHost()!, 'height')]).toEqual([size.width, size.height]);
    handlers.close();
    expect(onScreen()).toBeUndefined();
    expect(chipHost()).not.toBeNull(); // the chip stays for next time
  });

  it('the pause card replaces the intention card', async () => {
    showPage('meet-pre-join.html');
    start('meet');
    handlers.open();
    expect(onScreen()).toBe('during');
    expect(document.querySelectorAll('pause-moment-card')).toHaveLength(1);
  });

  it('the chip opens the pause card on the user’s click, and remembers where it was dragged', async () => {
    savedChip = { x: 0.1, y: 0.9 };
    showPage('jitsi-in-call-muted.html');
    start('jitsi');
    await settle();
    expect([px(chipHost()!, 'left'), px(chipHost()!, 'top')]).toEqual([Math.round(0.1 * (1280 - 44)), Math.round(0.9 * (800 - 44))]);
    const button = roots.get('PAUSE-MOMENT-CHIP')!.querySelector('button')!;
    button.click(); // a page script's click
    expect(onScreen()).toBeUndefined();
    // happy-dom leaves isTrusted unset; a browser sets it on the user's own input.
    const click = new MouseEvent('click', { bubbles: true });
    Object.defineProperty(click, 'isTrusted', { value: true });
    button.dispatchEvent(click);
    expect(onScreen()).toBe('during');
    expect(tookFocus()).toBe(true);
  });

  it('places the card off the call’s controls', async () => {
    showPage('meet-in-call-muted.html');
    // happy-dom has no layout: put the call's control bar across the top of the window.
    const bar = adapterFor('meet').controls(document)[0]!;
    vi.spyOn(bar, 'getBoundingClientRect').mockReturnValue(DOMRect.fromRect({ x: 0, y: 0, width: 1280, height: 80 }));
    start('meet');
    handlers.open();
    const size = CARD_SIZE.during;
    expect([px(cardHost()!, 'left'), px(cardHost()!, 'top')]).toEqual([1280 - size.width - 16, 800 - size.height - 16]);
  });
});

describe('cost and lifetime', () => {
  it('reads the page at most once a second', async () => {
    showPage('zoom-in-call-muted.html');
    start('zoom');
    await vi.advanceTimersByTimeAsync(10_000);
    expect(read.mock.calls.length).toBeLessThanOrEqual(11);
    expect(read.mock.calls.length).toBeGreaterThanOrEqual(10);
  });

  it('tears everything down once the extension is gone', async () => {
    showPage('meet-pre-join.html');
    start('meet');
    await settle();
    expect(cardHost()).not.toBeNull();
    expect(chipHost()).not.toBeNull();
    // The extension's id goes with it; the next read's tick notices.
    (fakeBrowser.runtime as { id?: string }).id = undefined;
    await vi.advanceTimersByTimeAsync(1_000);
    expect(cardHost()).toBeNull();
    expect(chipHost()).toBeNull();
    expect(listening.aborted).toBe(true);
    const reads = read.mock.calls.length;
    showPage('meet-in-call-muted.html');
    await vi.advanceTimersByTimeAsync(5000);
    expect(read.mock.calls.length).toBe(reads);
    expect(callStarted).not.toHaveBeenCalled();
    // Nothing it left behind comes back when the page rebuilds.
    document.body.innerHTML = '<div id="app"></div>';
    await settle();
    expect(cardHost()).toBeNull();
    expect(chipHost()).toBeNull();
  });

  it('a newer copy of the script starting in the page does the same', async () => {
    showPage('meet-pre-join.html');
    start('meet');
    await settle();
    new ContentScriptContext('meeting');
    expect(cardHost()).toBeNull();
    expect(chipHost()).toBeNull();
    expect(listening.aborted).toBe(true);
  });

  it('does not put up a chip when ended before its place was read', async () => {
    showPage('meet-in-call-muted.html');
    start('meet');
    stop!();
    await settle();
    expect(chipHost()).toBeNull();
  });
});
