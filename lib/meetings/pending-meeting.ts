import { clipWhole } from '../browser/text';
import type { PendingMeeting } from '../settings/storage-registry';

export type { PendingMeeting } from '../settings/storage-registry';
import { isWithin } from '../browser/time';

/** Reads a stored pending meeting defensively. */
export function normalisePendingMeeting(raw: unknown): PendingMeeting | null {
  if (!raw || typeof raw !== 'object') return null;
  const p = raw as Partial<PendingMeeting>;
  if (typeof p.platform !== 'string' || typeof p.meetingId !== 'string' || typeof p.joinedAt !== 'number') return null;
  return { platform: clipWhole(p.platform, 40), meetingId: clipWhole(p.meetingId, 300), joinedAt: p.joinedAt };
}

/** The call a meeting page at `url` starts on `platformLabel` at `now`, to be asked about afterwards. */
export function pendingMeetingFor(platformLabel: string, url: string, now: number): PendingMeeting {
  return { platform: platformLabel, meetingId: meetingIdOf(url), joinedAt: now };
}

/** The meeting id for a page address: origin and path, nothing the page put in the query. */
export function meetingIdOf(url: string): string {
  try {
    const u = new URL(url);
    return clipWhole(`${u.origin}${u.pathname}`, 300);
  } catch {
    return '';
  }
}

/** How long after joining a call a page reached by leaving it still asks for its line. */
export const PENDING_FOR_MS = 12 * 60 * 60_000;

/** Whether `pending` is a call on this platform (by its label) that is still waiting for its line at `now`. */
export function isPendingFor(pending: PendingMeeting | null, platformLabel: string, now: number): boolean {
  return !!pending && pending.platform === platformLabel && isWithin(pending.joinedAt, now, PENDING_FOR_MS);
}
