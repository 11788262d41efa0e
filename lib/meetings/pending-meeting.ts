import { storage } from '@wxt-dev/storage';
import { isWithin } from '../browser/time';

/** A call the user joined and has not yet reflected on. */
export interface PendingMeeting {
  platform: string;
  /** The meeting's address without query or fragment, to link the reflection to it. */
  meetingId: string;
  joinedAt: number;
}

/**
 * Set when a call starts, cleared when the after-call reflection is saved or
 * skipped. If the tab closes first, the popup asks the next time it opens.
 */
export const pendingMeetingItem = storage.defineItem<PendingMeeting | null>('local:pendingMeeting', { fallback: null });

/** Reads a stored pending meeting defensively. */
export function normalisePendingMeeting(raw: unknown): PendingMeeting | null {
  if (!raw || typeof raw !== 'object') return null;
  const p = raw as Partial<PendingMeeting>;
  if (typeof p.platform !== 'string' || typeof p.meetingId !== 'string' || typeof p.joinedAt !== 'number') return null;
  return { platform: p.platform.slice(0, 40), meetingId: p.meetingId.slice(0, 300), joinedAt: p.joinedAt };
}

/** The meeting id for a page address: origin and path, nothing the page put in the query. */
export function meetingIdOf(url: string): string {
  try {
    const u = new URL(url);
    return `${u.origin}${u.pathname}`.slice(0, 300);
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
