import { i18n } from '#i18n';
import type { DayRollup } from '../browser/rollups';
import { number, percent, shareOf, type DataTable } from './table';

/** One day's choices at the pause. */
export interface DayChoices {
  day: string;
  /** Pauses that showed. */
  shown: number;
  left: number;
  continued: number;
  /** Pauses closed without a choice. */
  undecided: number;
  /** Pages a snooze let in without a pause. */
  skipped: number;
  /** Left out of shown, or null on a day without pauses. */
  shareLeft: number | null;
}

/** The choices of each of `days` (day keys, oldest first), a day with no roll-up counting as none. */
export function choicesByDay(rollups: readonly DayRollup[], days: readonly string[]): DayChoices[] {
  const byDay = new Map(rollups.map((r) => [r.day, r.counts]));
  return days.map((day) => {
    const c = byDay.get(day) ?? {};
    const shown = c.shown ?? 0;
    const left = c.left ?? 0;
    return { day, shown, left, continued: c.continued ?? 0, undecided: c.undecided ?? 0, skipped: c.skipped ?? 0, shareLeft: shareOf(left, shown) };
  });
}

/** The sum of some days' choices. */
export function totalChoices(days: readonly DayChoices[]): Omit<DayChoices, 'day'> {
  const sum = (k: 'shown' | 'left' | 'continued' | 'undecided' | 'skipped') => days.reduce((n, d) => n + d[k], 0);
  const shown = sum('shown');
  const left = sum('left');
  return { shown, left, continued: sum('continued'), undecided: sum('undecided'), skipped: sum('skipped'), shareLeft: shareOf(left, shown) };
}

/**
 * This week beside the week before, in words: "You left 41% of the time, up
 * from 30% the week before." Plain about a week without pauses.
 */
export function compareWeeks(thisWeek: readonly DayChoices[], weekBefore: readonly DayChoices[]): string {
  const now = totalChoices(thisWeek);
  const then = totalChoices(weekBefore);
  if (now.shareLeft === null) return then.shareLeft === null ? i18n.t('insights.week.none') : i18n.t('insights.week.noneNow', { before: percent(then.shareLeft) });
  const share = percent(now.shareLeft);
  if (then.shareLeft === null) return i18n.t('insights.week.noneBefore', { share, pauses: pauseCount(now.shown) });
  const a = Math.round(now.shareLeft * 100);
  const b = Math.round(then.shareLeft * 100);
  if (a === b) return i18n.t('insights.week.same', { share });
  return i18n.t(a > b ? 'insights.week.up' : 'insights.week.down', { share, before: percent(then.shareLeft) });
}

/** "1 pause", "12 pauses". */
export function pauseCount(n: number): string {
  return i18n.t('insights.pauses', n, { count: number(n) });
}

/** The choices as a table: a row a day. */
export function choicesTable(days: readonly DayChoices[]): DataTable {
  return {
    caption: i18n.t('insights.choices.caption'),
    columns: [
      i18n.t('insights.column.day'),
      i18n.t('insights.column.pauses'),
      i18n.t('insights.column.left'),
      i18n.t('insights.column.continued'),
      i18n.t('insights.column.undecided'),
      i18n.t('insights.column.skipped'),
      i18n.t('insights.column.shareLeft'),
    ],
    rows: days.map((d) => [d.day, d.shown, d.left, d.continued, d.undecided, d.skipped, percent(d.shareLeft)]),
  };
}
