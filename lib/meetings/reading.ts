/**
 * What the extension reads on a meeting page, said to the user: the popup's
 * one quiet line, and the options page's note when a platform could not be
 * read for a whole call. Nothing here leaves the device.
 */

import { i18n } from '#i18n';
import type { MeetingReading } from '../browser/messages';
import { uiLanguage } from '../browser/language';
import type { CallPhase, MicState, PlatformId } from './types';
import { meetingUnreadItem, type UnreadNote, type UnreadPart } from '../settings/storage-registry';

export type { UnreadNote, UnreadPart } from '../settings/storage-registry';

const PHASE_WORDS = {
  'pre-join': 'meetings.phase.preJoin',
  'in-call': 'meetings.phase.inCall',
  left: 'meetings.phase.left',
} as const satisfies Record<Exclude<CallPhase, 'unknown'>, string>;

const MIC_WORDS = {
  muted: 'meetings.mic.muted',
  unmuted: 'meetings.mic.unmuted',
} as const satisfies Record<Exclude<MicState, 'unknown'>, string>;

/** Said when a page answers nothing, or cannot tell the call's phase. */
export function cannotTell(): string {
  return i18n.t('meetings.cannotTell');
}

/**
 * The popup's line for a meeting tab: "Google Meet · in call · microphone
 * on". The microphone is left out when it cannot be read; a page whose phase
 * cannot be read (or that did not answer) gets `cannotTell()`.
 */
export function describeReading(reading: MeetingReading | undefined): string {
  if (!reading) return cannotTell();
  if (reading.phase === 'unknown') return i18n.t('meetings.cannotTellOn', { platform: reading.label });
  const parts = [reading.label, i18n.t(PHASE_WORDS[reading.phase])];
  if (reading.mic !== 'unknown' && reading.phase !== 'left') parts.push(i18n.t(MIC_WORDS[reading.mic]));
  return parts.join(' · ');
}

/** How long a page or a call must go unread before it counts as unread: longer than any re-render, shorter than a meeting. */
export const UNREAD_AFTER_MS = 2 * 60_000;


/** What a meeting page has been able to read since it opened. */
export interface ReadHistory {
  /** How long the page has been open. */
  openMs: number;
  /** Whether any read gave a phase. */
  phaseKnown: boolean;
  /** How long the call has been on (0 when it never was). */
  inCallMs: number;
  /** Whether any read during the call gave the microphone. */
  micKnown: boolean;
}

/**
 * What went unread: the phase, when nothing on a page open this long told
 * where the user was; else the microphone, when a call this long never
 * showed it. Undefined while everything reads, or not long enough to say.
 */
export function unreadPart(h: ReadHistory): UnreadPart | undefined {
  if (!h.phaseKnown && h.openMs >= UNREAD_AFTER_MS) return 'phase';
  if (h.phaseKnown && !h.micKnown && h.inCallMs >= UNREAD_AFTER_MS) return 'mic';
  return undefined;
}


/** The options page's words for a platform that went unread, its day in `locale` (the extension's language unless given). */
export function describeUnread(label: string, note: UnreadNote, locale = uiLanguage()): string {
  const day = new Date(note.at).toLocaleDateString(locale, { day: 'numeric', month: 'long' });
  return i18n.t(note.part === 'phase' ? 'meetings.unreadPhase' : 'meetings.unreadMic', { day, platform: label });
}


/** Stored unread notes, read defensively: anything malformed is dropped. */
export function normaliseUnread(raw: unknown): Partial<Record<PlatformId, UnreadNote>> {
  const out: Partial<Record<PlatformId, UnreadNote>> = {};
  if (!raw || typeof raw !== 'object') return out;
  for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
    const note = value as Partial<UnreadNote> | null;
    if (!isPlatformKey(key) || !note || (note.part !== 'phase' && note.part !== 'mic') || typeof note.at !== 'number') continue;
    out[key] = { part: note.part, at: note.at };
  }
  return out;
}

const PLATFORM_KEYS: readonly PlatformId[] = ['meet', 'zoom', 'teams', 'webex', 'jitsi', 'whereby'];
const isPlatformKey = (key: string): key is PlatformId => (PLATFORM_KEYS as readonly string[]).includes(key);

/** The stored notes with one platform's note set. */
export function withUnread(raw: unknown, platform: PlatformId, note: UnreadNote): Partial<Record<PlatformId, UnreadNote>> {
  return { ...normaliseUnread(raw), [platform]: note };
}

/** The stored notes without one platform's, or undefined when it had none (nothing to write). */
export function withoutUnread(raw: unknown, platform: PlatformId): Partial<Record<PlatformId, UnreadNote>> | undefined {
  const notes = normaliseUnread(raw);
  if (!notes[platform]) return undefined;
  delete notes[platform];
  return notes;
}

/** The stored unread notes, normalised. */
export async function readUnread(): Promise<Partial<Record<PlatformId, UnreadNote>>> {
  return normaliseUnread(await meetingUnreadItem.getValue());
}

/** Keeps a note that `platform` went unread. */
export async function noteUnread(platform: PlatformId, note: UnreadNote): Promise<void> {
  await meetingUnreadItem.setValue(withUnread(await meetingUnreadItem.getValue(), platform, note));
}

/** Drops `platform`'s unread note, if it has one. */
export async function dropUnread(platform: PlatformId): Promise<void> {
  const next = withoutUnread(await meetingUnreadItem.getValue(), platform);
  if (next) await meetingUnreadItem.setValue(next);
}
