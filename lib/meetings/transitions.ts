/**
 * What changed between two reads of a meeting page, as the events a content
 * script acts on. Pure, so the rules are tested without a page.
 */

import type { MeetingState } from './types';

export type MeetingEvent = 'joined' | 'left' | 'unmuted' | 'pre-join';

/**
 * The events between two consecutive reads, phase event first:
 * - 'pre-join' when the lobby or preview appears (once: pre-join → pre-join is nothing);
 * - 'joined' when the call appears after anything else (unknown, pre-join, or left for a rejoin);
 * - 'left' only from in-call to the end screen (in-call → unknown is a page
 *   re-rendering as often as a real exit, so it says nothing);
 * - 'unmuted' only from a mic we saw muted to one we see unmuted: unknown →
 *   unmuted says nothing, since we could not tell before.
 * Callers that see a brief 'unknown' in the middle of a call (a re-render)
 * and do not want a second 'joined' can keep the last known phase as `prev`.
 */
export function meetingEvents(prev: MeetingState, next: MeetingState): MeetingEvent[] {
  const events: MeetingEvent[] = [];
  if (next.phase !== prev.phase) {
    if (next.phase === 'pre-join') events.push('pre-join');
    else if (next.phase === 'in-call') events.push('joined');
    else if (next.phase === 'left' && prev.phase === 'in-call') events.push('left');
  }
  if (prev.mic === 'muted' && next.mic === 'unmuted') events.push('unmuted');
  return events;
}
