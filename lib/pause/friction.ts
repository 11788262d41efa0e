import { i18n } from '#i18n';
import type { FrictionRule } from '../settings/friction-rule';
import type { PauseRecord } from './log';

/**
 * Friction that learns: the wait before Continue grows with each Continue on
 * a site on the same day, and a note written at a pause starts the count
 * again (reflection is rewarded, not waiting). Pure: the caller gives the
 * pause history and the clock.
 */

/** What the rule makes of one pause's wait. */
export interface FrictionWait {
  /** The wait before Continue, in seconds. */
  waitSeconds: number;
  /** Continues counted today (since the latest note at a pause on the site, if any): 0 for the first visit. */
  steps: number;
  /** Whether a note written today started the count again. */
  sinceNote: boolean;
}

/** The day of `at` on the clock of `timeZone` (undefined: the browser's), as "2026-03-29". */
export function dayOf(at: number, timeZone?: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

/**
 * How far back the pauses of today can reach: a day is at most 25 hours
 * long (the day the clocks go back), so the caller reads from here and this
 * module keeps the ones on today's date.
 */
export const LONGEST_DAY_MS = 25 * 60 * 60 * 1000;

/**
 * The wait of a pause on site `siteId` at `now`: the site's own `baseSeconds`
 * at the first pause of the day, then `stepSeconds` more for each Continue on
 * the site earlier that day after the latest pause with a note, up to
 * `capSeconds`. A base already longer than the cap stays as it is: the rule
 * only ever lengthens a wait. `pauses` is the history around today (any order;
 * other sites, other days and the pause being shown are left out here).
 */
export function frictionWait(
  baseSeconds: number,
  rule: FrictionRule,
  pauses: ReadonlyArray<Pick<PauseRecord, 'id' | 'siteId' | 'shownAt' | 'choice' | 'decidedAt' | 'noted'>>,
  siteId: string,
  now: number,
  options: { timeZone?: string; pauseId?: string } = {},
): FrictionWait {
  if (!rule.on) return { waitSeconds: baseSeconds, steps: 0, sinceNote: false };
  const today = dayOf(now, options.timeZone);
  const todays = pauses
    .filter((p) => p.siteId === siteId && p.id !== options.pauseId && p.choice !== 'skipped' && dayOf(p.shownAt, options.timeZone) === today)
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  let lastNote = -1;
  todays.forEach((p, i) => p.noted && (lastNote = i));
  const steps = todays.slice(lastNote + 1).filter((p) => p.choice === 'continue').length;
  const grown = Math.min(rule.capSeconds, baseSeconds + steps * rule.stepSeconds);
  return { waitSeconds: Math.max(baseSeconds, grown), steps, sinceNote: lastNote >= 0 };
}

/** Visits named in words ("Third visit"), up to this many; later ones by number. */
const NAMED_VISITS = 10;

/**
 * Why this pause waits longer than the site's own wait, in one line ("Third
 * visit today, so a longer breath: 15 s."), or undefined when it does not.
 */
export function frictionReason(wait: FrictionWait, baseSeconds: number): string | undefined {
  if (wait.steps === 0 || wait.waitSeconds <= baseSeconds) return undefined;
  const n = wait.steps + 1;
  const visit = n <= NAMED_VISITS ? i18n.t(`pause.visit.${(n - 1) as 0}`) : i18n.t('pause.visitN', { n });
  return i18n.t(wait.sinceNote ? 'pause.longerWaitSinceNote' : 'pause.longerWait', { visit, seconds: wait.waitSeconds });
}

/** The rule in words, for the options page. */
export function frictionRuleText(rule: FrictionRule): string {
  if (!rule.on) return i18n.t('options.pause.ruleOff');
  return i18n.t('options.pause.ruleOn', { step: rule.stepSeconds, cap: rule.capSeconds });
}
