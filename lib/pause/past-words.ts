import { i18n } from '#i18n';
import type { Reflection } from '../journal/reflection';
import { turnOf } from './question';

/**
 * The user's own words at the pause: one line they wrote earlier, picked by
 * the background from the journal and shown by the pause page alone ("You
 * wrote on 3 May: …"). Pure: the background reads the journal and the last
 * shown line (`pause-plan.ts`).
 */

/** The line shown last on a site, and at which pause (a reloaded pause shows the same again). */
export interface WordsShown {
  id: string;
  pauseId: string;
}

/** Longest line shown, in characters. */
export const WORDS_LINE_MAX = 200;

/** Whether a reflection speaks of the site: a note from a pause on it, or a reflection with one of its #tags. */
export function isAboutSite(r: Pick<Reflection, 'source' | 'tags'>, siteId: string, tags: readonly string[]): boolean {
  if (r.source.kind === 'site-pause' && r.source.siteId === siteId) return true;
  return r.tags.some((t) => tags.includes(t));
}

/** The first line of a text, cut at a word near `WORDS_LINE_MAX` with an ellipsis. */
export function firstLine(text: string): string {
  const line = text.trim().split('\n')[0]!.trim();
  if (line.length <= WORDS_LINE_MAX) return line;
  const cut = line.slice(0, WORDS_LINE_MAX - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > WORDS_LINE_MAX / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/**
 * Which of `candidates` (any order, may repeat) the pause `pauseId` on site
 * `siteId` shows: at most one, about the site, written before this pause,
 * never the one shown last time (`last`), unless `last` was this very pause
 * shown again. Among the rest each pause picks by its id, so the lines take
 * turns. Undefined when there is none to show.
 */
export function chooseWords(
  candidates: readonly Reflection[],
  siteId: string,
  tags: readonly string[],
  pauseId: string,
  last?: WordsShown,
): Reflection | undefined {
  const about = new Map<string, Reflection>();
  for (const r of candidates) {
    const fromThisPause = r.source.kind === 'site-pause' && r.source.pauseId === pauseId;
    if (!fromThisPause && firstLine(r.text) && isAboutSite(r, siteId, tags)) about.set(r.id, r);
  }
  if (last?.pauseId === pauseId) return about.get(last.id);
  const choices = [...about.values()].filter((r) => r.id !== last?.id).sort((a, b) => (a.id < b.id ? -1 : 1));
  if (choices.length === 0) return undefined;
  return choices[turnOf(pauseId, choices.length)];
}

/** "You wrote on 3 May: …" in the browser's language (`locale`); the year only when it is not this year's. */
export function wordsIntro(at: number, now: number, locale?: string): string {
  const sameYear = new Date(at).getFullYear() === new Date(now).getFullYear();
  const date = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', ...(sameYear ? {} : { year: 'numeric' }) }).format(at);
  return i18n.t('pause.wordsIntro', { date });
}
