import { i18n } from '#i18n';
import { splitKey, type DayRollup } from '../browser/rollups';
import { weekOf } from '../browser/day';
import { percent, shareOf, type DataTable } from './table';

/** Reflections per week (weeks start on Monday), for each of `weeks` (their Mondays, oldest first). */
export function reflectionsByWeek(rollups: readonly DayRollup[], weeks: readonly string[]): { week: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const r of rollups) counts.set(weekOf(r.day), (counts.get(weekOf(r.day)) ?? 0) + (r.counts.reflections ?? 0));
  return weeks.map((week) => ({ week, count: counts.get(week) ?? 0 }));
}

/** The `limit` most used #tags over the days given, and how often each was used in each week. */
export function tagsByWeek(rollups: readonly DayRollup[], weeks: readonly string[], limit = 5): { tag: string; total: number; byWeek: number[] }[] {
  const byTag = new Map<string, Map<string, number>>();
  for (const r of rollups)
    for (const [key, n] of Object.entries(r.counts)) {
      const [field, tag] = splitKey(key);
      if (field !== 'tag') continue;
      let weeksOf = byTag.get(tag);
      if (!weeksOf) byTag.set(tag, (weeksOf = new Map()));
      weeksOf.set(weekOf(r.day), (weeksOf.get(weekOf(r.day)) ?? 0) + n);
    }
  return [...byTag]
    .map(([tag, w]) => ({ tag, total: [...w.values()].reduce((a, b) => a + b, 0), byWeek: weeks.map((week) => w.get(week) ?? 0) }))
    .sort((a, b) => b.total - a.total || a.tag.localeCompare(b.tag))
    .slice(0, limit);
}

/**
 * Meeting reflections: how many there were at each moment, how many calls
 * were asked about afterwards ("Did I agree to anything I didn't choose?";
 * `asks`, by day, for the days of `rollups` from `from` to `to`), and the
 * share of those the user answered.
 */
export function meetingReflections(
  rollups: readonly DayRollup[],
  asks: Readonly<Record<string, number>> = {},
  from = '',
  to = '\uffff',
): { before: number; during: number; after: number; total: number; asked: number; shareAnswered: number | null } {
  const m = { before: 0, during: 0, after: 0 };
  for (const r of rollups) for (const k of ['before', 'during', 'after'] as const) m[k] += r.counts[`meeting|${k}`] ?? 0;
  const asked = Object.entries(asks).reduce((n, [day, count]) => (day >= from && day <= to ? n + count : n), 0);
  const total = m.before + m.during + m.after;
  // An answer can outnumber the asks: a call asked about just before the period, answered in it.
  return { ...m, total, asked, shareAnswered: asked > 0 ? Math.min(1, m.after / asked) : null };
}

export function journalTable(perWeek: readonly { week: string; count: number }[], tags: ReturnType<typeof tagsByWeek>): DataTable {
  return {
    caption: i18n.t('insights.journal.caption'),
    columns: [i18n.t('insights.column.weekOf'), i18n.t('insights.column.reflections'), ...tags.map((t) => `#${t.tag}`)],
    rows: perWeek.map((w, i) => [w.week, w.count, ...tags.map((t) => t.byWeek[i] ?? 0)]),
  };
}

const MOMENTS = { before: 'insights.meetings.before', during: 'insights.meetings.during', after: 'insights.meetings.after' } as const;

export function meetingTable(m: ReturnType<typeof meetingReflections>): DataTable {
  return {
    caption: i18n.t('insights.meetings.caption'),
    columns: [i18n.t('insights.column.moment'), i18n.t('insights.column.reflections'), i18n.t('insights.column.share')],
    rows: [
      ...(['before', 'during', 'after'] as const).map((k) => [i18n.t(MOMENTS[k]), m[k], percent(shareOf(m[k], m.total))]),
      [i18n.t('insights.meetings.asked'), m.asked, ''],
      [i18n.t('insights.meetings.answered'), m.after, percent(m.shareAnswered)],
    ],
  };
}
