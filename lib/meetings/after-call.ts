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

