import { timeSortableId } from '../browser/ids';
import { isWithin } from '../browser/time';
import { watchLocation } from './location-watch';
import type { PauseReason } from '../browser/messages';
import { createPauseOverlay, hasEarlierCover } from './overlay';
import type { ScriptLife } from '../browser/script-life';
import type { PauseState } from './state';
import type { Settings } from '../settings/settings';
import { siteForUrl } from '../sites/trigger-sites';
import { isOpenNow, type OpenTimes } from './open-time';

/** What the guard needs from the content script's world. */
export interface GuardEnv {
  win: Window;
  doc: Document;
  /** Settings and open times, read together in one storage call. */
  readState(): Promise<PauseState>;
  /** Calls back when settings or open times change (in any tab). */
  onStateChange(callback: () => void, signal: AbortSignal): void;
  /** The URL of the pause page with these query parameters. */
  pauseUrl(params: URLSearchParams): string;
  now(): number;
  /** The script's lifetime: it ends when the extension is updated, reloaded or removed under the page. */
  life: ScriptLife;
}

/** An ended open time is shown back ("You came here to …") for this long after it ends. */
export const SHOW_BACK_MS = 30 * 60_000;
/** How often to look at the clock while an open time is open: timers stall while a laptop sleeps. */
const CLOCK_CHECK_MS = 15_000;
/** How often a showing pause checks that the extension is still there. */
const ALIVE_CHECK_MS = 1_000;
/**
 * How long a cover stays once its guard has ended while covering: long enough
 * for the extension's next version to cover the page again, short enough that
 * a disabled or removed extension leaves the page soon.
 */
export const RETIRE_MS = 4_000;

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
 * page can paint, then decides: no chosen site here, or an open time open, and
 * the cover goes; otherwise the pause loads into it. It decides again when
 * the single-page app moves, when the page comes back from the back/forward
 * cache, when settings or open times change in any tab, and when the open
 * open time ends. One navigation never makes two pauses: while a pause for the
 * site is up, moving inside the site keeps it.
 */
export function startPauseGuard(env: GuardEnv): void {
  const { win, doc, life } = env;
  const overlay = createPauseOverlay(doc);
  let shownFor: string | undefined;
  let latest = 0;
  let endTimer: number | undefined;
  let clockTimer: number | undefined;
  let aliveTimer: number | undefined;

  // Before the page can paint, cover it; and take over at once from an earlier
  // guard's cover. A page already on screen without one (an open tab when the
  // extension arrives) is covered only if it is to pause, so a tab inside its
  // open time never blinks.
  if (doc.readyState === 'loading' || hasEarlierCover(doc)) cover();
  // The extension updated, reloaded or went: the cover waits for the next
  // version, or goes (every timer and listener of this run ends with `life`).
  life.onInvalidated(() => overlay.retire(RETIRE_MS));

  function clearTimers(): void {
    clearTimeout(endTimer);
    clearInterval(clockTimer);
    endTimer = clockTimer = undefined;
  }

  function cover(frameUrl?: string): void {
    overlay.show(frameUrl);
    // Each tick of the context's interval looks for the extension, and ends `life` once it is gone.
    aliveTimer ??= life.setInterval(() => undefined, ALIVE_CHECK_MS);
  }

  function uncover(): void {
    shownFor = undefined;
    clearInterval(aliveTimer);
    aliveTimer = undefined;
    overlay.hide();
  }

  async function evaluate(): Promise<void> {
    const run = ++latest;
    let state: PauseState;
    try {
      state = await env.readState();
    } catch {
      // The extension went away mid-read: `life` ends and retires the cover.
      return;
    }
    if (run !== latest || life.signal.aborted) return;
    decide(state.settings, state.openTimes);
  }

  function decide(settings: Settings, openTimes: OpenTimes): void {
    clearTimers();
    const url = win.location.href;
    const site = siteForUrl(settings, url);
    if (!site) return uncover();
    const now = env.now();
    const w = openTimes[site.id];
    if (w && isOpenNow(w, now)) {
      uncover();
      // Wall-clock: a timer for the end, and a look at the clock now and then
      // in case the timer stalled while the computer slept.
      endTimer = life.setTimeout(() => void evaluate(), w.until - now + 50);
      clockTimer = life.setInterval(() => {
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
    cover(env.pauseUrl(params));
  }

  const reevaluate = (): void => void evaluate();
  watchLocation(win, reevaluate, life.signal);
  env.onStateChange(reevaluate, life.signal);
  doc.addEventListener('visibilitychange', reevaluate, { signal: life.signal });
  void evaluate();
}
