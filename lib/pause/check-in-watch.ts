import { onCheckInCommand } from '../browser/guard-messages';
import type { ScriptLife } from '../browser/script-life';
import { addScroll, addTime, checkInDue, checkInPlan, keepGoing, startMeter, type CheckInMeter, type CheckInPlan } from './check-in';
import { createCheckInCard } from './check-in-card';
import type { PauseDecision } from './decision';
import { watchScrolling, watchTimeInView } from './scroll-watch';

/** What the check-in needs from the content script's world. */
export interface CheckInEnv {
  win: Window;
  life: ScriptLife;
  /** The URL of the check-in page with these query parameters. */
  cardUrl(params: URLSearchParams): string;
  now(): number;
}

/**
 * Starts the check-ins of this page. The guard tells the returned function
 * each decision it makes: inside an open time on a site that checks in, it
 * counts scrolling and time in view, and shows the card at the page's corner
 * when one is due; any other decision stops counting and takes the card away.
 * A new open time (or a new interval in the options) starts counting afresh.
 */
export function startCheckIns(env: CheckInEnv): (decision: PauseDecision) => void {
  const { win, life } = env;
  const card = createCheckInCard(win.document);
  let watching: { key: string; plan: CheckInPlan; meter: CheckInMeter; stop: AbortController } | undefined;

  // Keep going, chosen in the card: the background passes it on to this tab.
  onCheckInCommand(() => {
    card.hide();
    if (watching) watching.meter = keepGoing(watching.meter, watching.plan);
  }, life.signal);
  life.onInvalidated(() => card.hide());

  function stop(): void {
    watching?.stop.abort();
    watching = undefined;
    card.hide();
  }

  return (decision) => {
    const plan = decision.kind === 'open' ? checkInPlan(decision.site) : undefined;
    if (!plan || decision.kind !== 'open') return stop();
    const { site, until } = decision;
    const key = `${site.id} ${until} ${plan.screens} ${plan.ms}`;
    if (watching?.key === key) return;
    stop();
    const w = (watching = { key, plan, meter: startMeter(plan), stop: new AbortController() });
    const signal = AbortSignal.any([life.signal, w.stop.signal]);
    const count = (meter: CheckInMeter): void => {
      w.meter = meter;
      if (watching !== w || card.showing || !checkInDue(meter)) return;
      card.show(env.cardUrl(new URLSearchParams({ site: site.id, back: win.history.length > 1 ? '1' : '0' })));
    };
    watchScrolling(win, (px, height) => count(addScroll(w.meter, px, height)), signal);
    const stopTime = watchTimeInView(win.document, (ms) => count(addTime(w.meter, ms)), (fn, ms) => life.setInterval(fn, ms), env.now);
    signal.addEventListener('abort', stopTime);
  };
}
