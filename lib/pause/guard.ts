import { timeSortableId } from '../browser/ids';
import { watchLocation } from './location-watch';
import type { PauseReason } from '../browser/messages';
import { createPauseOverlay, hasEarlierCover } from './overlay';
import type { ScriptLife } from '../browser/script-life';
import type { PauseState } from './state';
import { decidePause, type PauseDecision } from './decision';
import { defaultQuestion, paintedQuestion } from './question';
import { whenPauseExpected } from './expected-pause-bus';
import type { ExpectedPause } from './expected-pause';

/** What the guard needs from the content script's world. */
export interface GuardEnv {
  win: Window;
  doc: Document;
  /** Settings and open times, read together in one storage call. */
  readState(): Promise<PauseState>;
  /** Calls back when settings or open times change (in any tab). */
  onStateChange(callback: () => void, signal: AbortSignal): void;
  /** Tells the history that this page would have paused but did not, because pauses were snoozed. */
  reportSkipped(skip: { id: string; siteId: string; snoozeId: string }): void;
  /** The URL of the pause page with these query parameters. */
  pauseUrl(params: URLSearchParams): string;
  now(): number;
  /** The script's lifetime: it ends when the extension is updated, reloaded or removed under the page. */
  life: ScriptLife;
  /** Told every decision the guard makes (the check-in while scrolling counts inside an open time). */
  onDecision?(decision: PauseDecision): void;
  /**
   * Whether a page expected to pause starts loading the pause page with the
   * cover, before storage answers, rather than only painting the question.
   */
  loadPauseEarly?: boolean;
}

export { SHOW_BACK_MS } from './decision';
/** How often to look at the clock while waiting for a decision to change by the clock: timers stall while a laptop sleeps. */
const CLOCK_CHECK_MS = 15_000;
/** How often a showing pause checks that the extension is still there. */
const ALIVE_CHECK_MS = 1_000;
/**
 * How long a cover stays once its guard has ended while covering: long enough
 * for the extension's next version to cover the page again, short enough that
 * a disabled or removed extension leaves the page soon.
 */
export const RETIRE_MS = 4_000;

/**
 * What the page's pause shows, as query parameters for the pause page. With
 * `page` (the page's address) and no site, the page was expected to pause and
 * the pause page finds its site itself (expected-pause-query.ts).
 */
export function pauseParams(p: { siteId: string; pauseId: string; reason: PauseReason; host: string; shownAt: number; canGoBack: boolean; page?: string }): URLSearchParams {
  return new URLSearchParams({
    site: p.siteId,
    pause: p.pauseId,
    reason: p.reason,
    host: p.host,
    shown: String(p.shownAt),
    back: p.canGoBack ? '1' : '0',
    ...(p.page !== undefined ? { page: p.page } : {}),
  });
}

/**
 * Guards one page of a chosen site. It covers the page at once, before the
 * page can paint, then decides: no chosen site here, or an open time open, and
 * the cover goes; otherwise the pause loads into it. It decides again when
 * the single-page app moves, when the page comes back from the back/forward
 * cache, when settings, open times or the snooze change in any tab, and when
 * the open time or the snooze ends. One navigation never makes two pauses:
 * while a pause for the site is up, moving inside the site keeps it. A page
 * that would pause while pauses are snoozed is counted once, as skipped.
 */
export function startPauseGuard(env: GuardEnv): void {
  const { win, doc, life } = env;
  const overlay = createPauseOverlay(doc);
  let shownFor: string | undefined;
  /** The snooze and site this page was last counted for as a skipped pause. */
  let skippedFor: string | undefined;
  let latest = 0;
  /** Whether storage has answered yet. */
  let decided = false;
  /** The pause page loaded with the cover, because the page was expected to pause, before storage answered. */
  let early: { url: string; pauseId: string } | undefined;
  let endTimer: number | undefined;
  let clockTimer: number | undefined;
  let aliveTimer: number | undefined;

  // Before the page can paint, cover it; and take over at once from an earlier
  // guard's cover. A page already on screen without one (an open tab when the
  // extension arrives) is covered only if it is to pause, so a tab inside its
  // open time never blinks.
  if (doc.readyState === 'loading' || hasEarlierCover(doc)) cover();
  // A page of a site expected to pause paints the pause with the cover, in its
  // first frame, and with `loadPauseEarly` starts loading the pause page under
  // it; what storage says next confirms it or takes it away.
  if (doc.readyState === 'loading') whenPauseExpected(expectPause);
  // The extension updated, reloaded or went: the cover waits for the next
  // version, or goes (every timer and listener of this run ends with `life`).
  life.onInvalidated(() => overlay.retire(RETIRE_MS));

  function expectPause(expected: ExpectedPause): void {
    if (decided || early) return;
    const question = expected === 'question' ? defaultQuestion() : '';
    if (!env.loadPauseEarly) return overlay.paint(question);
    const now = env.now();
    const pauseId = timeSortableId(now);
    const params = pauseParams({
      siteId: '',
      pauseId,
      reason: 'arrived',
      host: win.location.hostname,
      shownAt: now,
      canGoBack: win.history.length > 1,
      page: win.location.href,
    });
    early = { url: env.pauseUrl(params), pauseId };
    cover(early.url, question);
  }

  function clearTimers(): void {
    clearTimeout(endTimer);
    clearInterval(clockTimer);
    endTimer = clockTimer = undefined;
  }

  function cover(frameUrl?: string, question?: string): void {
    overlay.show(frameUrl, question);
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
    decide(state);
  }

  /** Looks again at `at`: a timer for the moment, and a look at the clock now and then in case the timer stalled while the computer slept. */
  function recheckAt(at: number, now: number): void {
    endTimer = life.setTimeout(() => void evaluate(), Math.max(0, at - now) + 50);
    clockTimer = life.setInterval(() => {
      if (env.now() >= at) void evaluate();
    }, CLOCK_CHECK_MS);
  }

  /**
   * Counts this page once per snooze and site as a pause that did not happen.
   * A pause already showing when the snooze began was counted when it showed.
   */
  function noteSkipped(siteId: string, snoozeId: string, now: number): void {
    const key = `${snoozeId} ${siteId}`;
    if (skippedFor === key) return;
    skippedFor = key;
    if (shownFor === siteId && overlay.showing) return;
    env.reportSkipped({ id: timeSortableId(now), siteId, snoozeId });
  }

  function decide(state: PauseState): void {
    decided = true;
    clearTimers();
    const now = env.now();
    const decision = decidePause(state, win.location.href, now);
    env.onDecision?.(decision);
    if ('recheckAt' in decision && decision.recheckAt !== undefined) recheckAt(decision.recheckAt, now);
    if (decision.kind === 'snoozed') noteSkipped(decision.site.id, decision.snoozeId, now);
    const expected = early;
    early = undefined;
    if (decision.kind !== 'pause') return uncover();
    const { site } = decision;
    const endedIntention = decision.ended ? state.openTimes[site.id]?.intention : undefined;
    if (shownFor === site.id && overlay.showing) return;
    shownFor = site.id;
    if (expected) {
      // The pause page loading since the page began finds the same site in the same state: it stays.
      cover(expected.url);
      overlay.paint(paintedQuestion(site, expected.pauseId, endedIntention));
      return;
    }
    const pauseId = timeSortableId(now);
    const params = pauseParams({
      siteId: site.id,
      pauseId,
      reason: decision.ended ? 'window-ended' : 'arrived',
      host: win.location.hostname,
      shownAt: now,
      canGoBack: win.history.length > 1,
    });
    // The same words the pause page shows, painted now, with the breath, under where it will fade in.
    cover(env.pauseUrl(params), paintedQuestion(site, pauseId, endedIntention));
  }

  const reevaluate = (): void => void evaluate();
  watchLocation(win, reevaluate, life.signal);
  env.onStateChange(reevaluate, life.signal);
  doc.addEventListener('visibilitychange', reevaluate, { signal: life.signal });
  void evaluate();
}
