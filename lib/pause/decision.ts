import { isWithin } from '../browser/time';
import type { TriggerSite } from '../settings/settings';
import { siteForUrl } from '../sites/trigger-sites';
import { isOpenNow } from './open-time';
import type { PauseState } from './state';

/** An ended open time is shown back ("You came here to …") for this long after it ends. */
export const SHOW_BACK_MS = 30 * 60_000;

/**
 * Whether a page pauses now, and why. The guard on the page acts on it, and
 * the options page's "Does this address pause?" puts it into words, so both
 * always agree.
 *
 * `recheckAt`, when present, is the moment the answer may change by the clock
 * alone (an open time ending): the guard looks again then, on the wall clock.
 */
export type PauseDecision =
  /** No chosen feed site covers the page. */
  | { kind: 'none' }
  /** The user chose time on the site, until `until`. */
  | { kind: 'open'; site: TriggerSite; until: number; recheckAt: number }
  /** The page pauses; `ended` when an open time has just ended, to show its intention back. */
  | { kind: 'pause'; site: TriggerSite; ended: boolean; recheckAt?: number };

/** Decides for the page at `url` at `now`. */
export function decidePause(state: PauseState, url: string | URL, now: number): PauseDecision {
  const site = siteForUrl(state.settings, String(url));
  if (!site) return { kind: 'none' };
  const open = state.openTimes[site.id];
  if (open && isOpenNow(open, now)) return { kind: 'open', site, until: open.until, recheckAt: open.until };
  return { kind: 'pause', site, ended: !!open && isWithin(open.until, now, SHOW_BACK_MS) };
}
