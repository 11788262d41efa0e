import type { Tally } from '../browser/rollups';
import { dayKey, hourOf } from '../browser/day';
import { isSnoozeRecord, type PauseLogEntry } from './log';
import { pauseLogEntryProblem } from './record';

/**
 * What one entry of the pause history adds to its day's roll-up
 * (`browser/rollups.ts`). Keys: `shown`, then one of `left` / `continued` /
 * `undecided`, or `skipped` for a page a snooze let in; `ended` for a pause
 * because an open time ran out with the site still open; `minutes`, the open
 * time chosen at Continue; `hour|H`, the local hour a pause showed; the same
 * per site as `site.shown|ID`, `site.left|ID` and so on; and
 * `intention|TEXT`, what the user said they came for (`intentionKey`).
 * Snoozes and invalid records add nothing.
 */
export function pauseTally(value: unknown): Tally | undefined {
  if (value === undefined || pauseLogEntryProblem(value) !== undefined) return undefined;
  const entry = value as PauseLogEntry;
  if (isSnoozeRecord(entry)) return undefined;
  const counts: Record<string, number> = {};
  const add = (key: string, n = 1) => {
    if (n > 0) counts[key] = (counts[key] ?? 0) + n;
  };
  const site = entry.siteId;
  if (entry.choice === 'skipped') {
    add('skipped');
    add(`site.skipped|${site}`);
  } else {
    const outcome = entry.choice === 'leave' ? 'left' : entry.choice === 'continue' ? 'continued' : 'undecided';
    add('shown');
    add(outcome);
    add(`hour|${hourOf(entry.shownAt)}`);
    add(`site.shown|${site}`);
    add(`site.${outcome}|${site}`);
    if (entry.reason === 'window-ended') add('ended');
    if (entry.choice === 'continue') {
      const minutes = Math.round(entry.windowMinutes ?? 0);
      add('minutes', minutes);
      add(`site.minutes|${site}`, minutes);
      const intention = entry.intention ? intentionKey(entry.intention) : '';
      if (intention) add(`intention|${intention}`);
    }
  }
  return { day: dayKey(entry.shownAt), counts, labels: { [site]: entry.siteLabel } };
}

/** An intention as the roll-ups count it: trimmed, spaces collapsed, lowercased, so "Reply to Sam" and "reply to sam " are one. */
export function intentionKey(text: string): string {
  return text.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();
}
