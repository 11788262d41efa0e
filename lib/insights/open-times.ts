import { i18n } from '#i18n';
import { splitKey, type DayRollup } from '../browser/rollups';
import { isIndexedWord } from '../journal/word-index';
import { fold } from '../journal/search-words';
import { shareOf, percent, type DataTable } from './table';

/**
 * Open times over a period: how many the user chose (each Continue), how
 * many ran out with the site still open (the pause came back), how many are
 * open now, and the rest, left before their end.
 */
export interface OpenTimesKept {
  opened: number;
  ranOut: number;
  stillOpen: number;
  leftEarly: number;
  shareRanOut: number | null;
}

export function openTimesKept(rollups: readonly DayRollup[], stillOpen = 0): OpenTimesKept {
  let opened = 0;
  let ranOut = 0;
  for (const r of rollups) {
    opened += r.counts.continued ?? 0;
    ranOut += r.counts.ended ?? 0;
  }
  // A window opened before the period can end inside it.
  ranOut = Math.min(ranOut, opened);
  const open = Math.min(stillOpen, opened - ranOut);
  const ended = opened - open;
  return { opened, ranOut, stillOpen: open, leftEarly: ended - ranOut, shareRanOut: shareOf(ranOut, ended) };
}

/** The intentions stated at Continue ("I'm here to…"), the most repeated first. */
export function intentions(rollups: readonly DayRollup[], limit = 10): { text: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const r of rollups)
    for (const [key, n] of Object.entries(r.counts)) {
      const [field, text] = splitKey(key);
      if (field === 'intention') counts.set(text, (counts.get(text) ?? 0) + n);
    }
  return [...counts].map(([text, count]) => ({ text, count })).sort((a, b) => b.count - a.count || a.text.localeCompare(b.text)).slice(0, limit);
}

/** The words that most often follow "I'm here to…", without the small words between them. */
export function intentionWords(rollups: readonly DayRollup[], limit = 10): { word: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const { text, count } of intentions(rollups, Infinity))
    for (const word of new Set(text.match(/[\p{L}\p{M}\p{N}'’-]+/gu) ?? [])) if (isIndexedWord(fold(word))) counts.set(word, (counts.get(word) ?? 0) + count);
  return [...counts].map(([word, count]) => ({ word, count })).sort((a, b) => b.count - a.count || a.word.localeCompare(b.word)).slice(0, limit);
}

/** What the user said they came for, as the pause asked it: "I'm here to reply to Sam". */
export function hereTo(intention: string): string {
  return i18n.t('insights.openTimes.hereTo', { intention });
}

export function openTimesTable(w: OpenTimesKept, said: readonly { text: string; count: number }[]): DataTable {
  return {
    caption: i18n.t('insights.openTimes.caption'),
    columns: [i18n.t('insights.column.what'), i18n.t('insights.column.count'), i18n.t('insights.column.share')],
    rows: [
      [i18n.t('insights.openTimes.chosen'), w.opened, ''],
      [i18n.t('insights.openTimes.ranOut'), w.ranOut, percent(w.shareRanOut)],
      [i18n.t('insights.openTimes.leftEarly'), w.leftEarly, percent(shareOf(w.leftEarly, w.opened - w.stillOpen))],
      [i18n.t('insights.openTimes.openNow'), w.stillOpen, ''],
      ...said.map(({ text, count }) => [hereTo(text), count, ''] as (string | number)[]),
    ],
  };
}
