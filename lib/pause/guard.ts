import { timeSortableId } from '../browser/ids';
import { isWithin } from '../browser/time';
import { watchLocation } from './location-watch';
import type { PauseReason } from '../browser/messages';
import { createPauseOverlay } from './overlay';
import type { Settings } from '../settings/settings';
import { siteForUrl } from '../sites/trigger-sites';
import { isWindowOpen, type SiteWindows } from './open-time';

/** What the guard needs from the content script's world. */
export interface GuardEnv {
  win: Window;
  doc: Document;
  /** Settings and windows, read together in one storage call. */
  readState(): Promise<{ settings: Settings; windows: SiteWindows }>;
  /** Calls back when settings or windows change (in any tab). */
  onStateChange(callback: () => void, signal: AbortSignal): void;
  /** The URL of the pause page with these query parameters. */
  pauseUrl(params: URLSearchParams): string;
  now(): number;
  /** False once the extension was updated or removed under this page. */
  isAlive(): boolean;
}

/** An ended window is shown back ("You came here to …") for this long after it ends. */
export const SHOW_BACK_MS = 30 * 60_000;
/** How often to look at the clock while a window is open: timers stall while a laptop sleeps. */
const CLOCK_CHECK_MS = 15_000;
/** How often a showing pause checks that the extension is still there. */
const ALIVE_CHECK_MS = 2_000;

/** What the page's pause shows, as query parameters for the pause page. */
export function pauseParams(p: { siteId: string; pauseId: string; reason: PauseReason; host: string; shownAt: number; canGoBack: boolean }): URLSearchParams {
  return new URLSearchParams({
    site: p.siteId,
    pause: p.pauseId,
    reason: p.reason,
    host: p.host,
    shown: String(p.shownAt),
    back: p.canGoBack ? '1' : '0',
  });
}

/**
 * Guards one page of a chosen site. It covers the page at once, before the
 * page can paint, then decides: no chosen site here, or a window open, and
 * the cover goes; otherwise the pause loads into it. It decides again when
 * the single-page app moves, when the page comes back from the back/forward
 * cache, when settings or windows change in any tab, and when the open
 * window ends. One navigation never makes two pauses: while a pause for the
 * site is up, moving inside the site keeps it.
 */
export function startPauseGuard(env: GuardEnv): () => void {
  const { win, doc } = env;
  const overlay = createPauseOverlay(doc);
  const stop = new AbortController();
  let shownFor: string | undefined;
  let latest = 0;
  let windowTimer: ReturnType<typeof setTimeout> | undefined;
  let clockTimer: ReturnType<typeof setInterval> | undefined;
  let aliveTimer: ReturnType<typeof setInterval> | undefined;

  overlay.show();

  function clearTimers(): void {
    clearTimeout(windowTimer);
    clearInterval(clockTimer);
    windowTimer = clockTimer = undefined;
  }

  function teardown(): void {
    clearTimers();
    clearInterval(aliveTimer);
    stop.abort();
    overlay.destroy();
  }

  function uncover(): void {
    shownFor = undefined;
    clearInterval(aliveTimer);
    aliveTimer = undefined;
    overlay.hide();
  }

  async function evaluate(): Promise<void> {
    if (!env.isAlive()) return teardown();
    const run = ++latest;
    let state: Awaited<ReturnType<GuardEnv['readState']>>;
    try {
      state = await env.readState();
    } catch {
      // The extension went away mid-read.
      return teardown();
    }
    if (run !== latest || stop.signal.aborted) return;
    decide(state.settings, state.windows);
  }

  function decide(settings: Settings, windows: SiteWindows): void {
    clearTimers();
    const url = win.location.href;
    const site = siteForUrl(settings, url);
    if (!site) return uncover();
    const now = env.now();
    const w = windows[site.id];
    if (w && isWindowOpen(w, now)) {
      uncover();
      // Wall-clock: a timer for the end, and a look at the clock now and then
      // in case the timer stalled while the computer slept.
      windowTimer = setTimeout(() => void evaluate(), w.until - now + 50);
      clockTimer = setInterval(() => {
        if (env.now() >= w.until) void evaluate();
      }, CLOCK_CHECK_MS);
      return;
    }
    if (shownFor === site.id && overlay.showing) return;
    shownFor = site.id;
    const ended = !!w && isWithin(w.until, now, SHOW_BACK_MS);
    const params = pauseParams({
      siteId: site.id,
      pauseId: timeSortableId(now),
      reason: ended ? 'window-ended' : 'arrived',
      host: win.location.hostname,
      shownAt: now,
      canGoBack: win.history.length > 1,
    });
    overlay.show(env.pauseUrl(params));
    aliveTimer ??= setInterval(() => {
      if (!env.isAlive()) teardown();
    }, ALIVE_CHECK_MS);
  }

  const reevaluate = (): void => void evaluate();
  watchLocation(win, reevaluate, stop.signal);
  env.onStateChange(reevaluate, stop.signal);
  doc.addEventListener('visibilitychange', reevaluate, { signal: stop.signal });
  void evaluate();
  return teardown;
}
