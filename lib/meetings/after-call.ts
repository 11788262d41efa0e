/**
 * How often the line after a call ("Did I agree to anything I didn't
 * choose?") is asked. Active questions break a conversation's flow where
 * ambient cues do not, and a survey sent after every meeting tires people
 * (Microsoft Viva samples meetings for that reason), so by default only some
 * calls are asked about.
 */

import type { AfterCallAsk } from '../settings/settings';

/** Chance of asking after a call that was not asked about, under 'some'. */
const SOME_CHANCE = 0.5;

/**
 * Whether to ask after the call that has just started. Under 'some' a call
 * right after one that was asked is never asked, and any other call is asked
 * with a chance of one in two: a two-state chain whose long-run share is
 * 0.5 / (1 + 0.5) = one call in three, never two in a row.
 */
export function askAfterThisCall(setting: AfterCallAsk, lastCallAsked: boolean, random: () => number = Math.random): boolean {
  if (setting === 'every') return true;
  if (setting === 'never') return false;
  return !lastCallAsked && random() < SOME_CHANCE;
}


/** Days of asks kept: a year of Insights and a little more. */
const ASK_DAYS_KEPT = 400;

/** `asks` (calls asked about, by day key) with one more on `day`, and days older than a year and a bit dropped. */
export function countAsk(asks: Readonly<Record<string, number>>, day: string): Record<string, number> {
  const kept = Object.keys(asks)
    .filter((d) => /^\d{4}-\d{2}-\d{2}$/.test(d) && Number.isFinite(asks[d]) && asks[d]! > 0)
    .sort()
    .slice(-ASK_DAYS_KEPT);
  const next: Record<string, number> = Object.fromEntries(kept.map((d) => [d, Math.floor(asks[d]!)]));
  next[day] = (next[day] ?? 0) + 1;
  return next;
}
