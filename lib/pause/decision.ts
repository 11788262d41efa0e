import { isWithin } from '../browser/time';
import type { TriggerSite } from '../settings/settings';
import { exceptionFor, siteCovers, siteForUrl } from '../sites/trigger-sites';
import { isOpenNow } from './open-time';
import { isActiveAt, nextChangeAt, scheduleFor } from './schedule';
import { snoozeCovers } from './snooze';
import type { PauseState } from './state';

/** An ended open time is shown back ("You came here to …") for this long after it ends. */
export const SHOW_BACK_MS = 30 * 60_000;

/**
 * Whether a page pauses now, and why. The guard on the page acts on it, and
 * the options page's "Does this address pause?" puts it into words, so both
 * always agree.
 *
 * `recheckAt`, when present, is the moment the answer may change by the clock
 * alone (an open time or a snooze ending, a schedule starting or ending): the guard looks
 * again then, on the wall clock.
 */
export type PauseDecision =
  /** No chosen feed site covers the page. */
  | { kind: 'none' }
  /** A chosen feed site covers the page, but the user left this part out: `exception`, as they typed it. */
  | { kind: 'excepted'; site: TriggerSite; exception: string }
  /** The site's schedule has no pauses now; they start again at `recheckAt`. */
  | { kind: 'off-schedule'; site: TriggerSite; recheckAt?: number }
  /** The user chose time on the site, until `until`. */
  | { kind: 'open'; site: TriggerSite; until: number; recheckAt: number }
  /** The page would pause, but the user snoozed pauses (`snoozeId`) here until `until`. */
  | { kind: 'snoozed'; site: TriggerSite; until: number; snoozeId: string; recheckAt: number }
  /** The page pauses; `ended` when an open time has just ended, to show its intention back. `recheckAt`: its schedule ends. */
  | { kind: 'pause'; site: TriggerSite; ended: boolean; recheckAt?: number };

/** Decides for the page at `url` at `now`, reading schedules on the clock of `timeZone` (default: the browser's). */
export function decidePause(state: PauseState, url: string | URL, now: number, timeZone?: string): PauseDecision {
  const site = siteForUrl(state.settings, String(url));
  if (!site) return exceptedFor(state, url);
  const schedule = scheduleFor(state.settings, site);
  const scheduleChange = nextChangeAt(schedule, now, timeZone);
  if (!isActiveAt(schedule, now, timeZone)) return { kind: 'off-schedule', site, recheckAt: scheduleChange };
  const open = state.openTimes[site.id];
  if (open && isOpenNow(open, now)) return { kind: 'open', site, until: open.until, recheckAt: open.until };
  const snooze = state.snooze;
  if (snoozeCovers(snooze, site.id, now)) {
    return { kind: 'snoozed', site, until: snooze.until, snoozeId: snooze.id, recheckAt: Math.min(snooze.until, scheduleChange ?? Infinity) };
  }
  return { kind: 'pause', site, ended: !!open && isWithin(open.until, now, SHOW_BACK_MS), ...(scheduleChange ? { recheckAt: scheduleChange } : {}) };
}

/** Why no site pauses `url`: an exception of a site that covers it, or nothing at all. */
function exceptedFor(state: PauseState, url: string | URL): PauseDecision {
  for (const site of state.settings.sites) {
    if (!site.enabled || site.kind !== 'feed' || !siteCovers(site, url)) continue;
    const exception = exceptionFor(site, url);
    if (exception) return { kind: 'excepted', site, exception };
  }
  return { kind: 'none' };
}
