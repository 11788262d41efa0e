import { storage } from '@wxt-dev/storage';
import { DEFAULT_SETTINGS, type Settings } from './settings';
import { SETTINGS_MIGRATIONS, SETTINGS_VERSION } from './migrations';
import { STORAGE_KEYS } from './storage-keys';

/**
 * Everything the extension keeps in `browser.storage.local`, one item each,
 * under the keys in `storage-keys.ts`. Every page, the meeting content script
 * and the background reach storage through these items; the feed pause's
 * content script reads its two through `local-reader.ts`. A unit test holds
 * that no other module names a key or reaches storage.
 * The journal and the pause history are IndexedDB databases, opened in
 * `journal/database.ts` and `pause/log.ts`.
 *
 * The shapes below are what is stored. Each is read through its capability's
 * normaliser (`normaliseSettings`, `normaliseOpenTimes`, …), since storage may
 * hold anything an older version or a broken write left.
 */

/** The user's settings. Written by the options page and import; read by every part. */
export const settingsItem = storage.defineItem<Settings>(`local:${STORAGE_KEYS.settings}`, {
  fallback: DEFAULT_SETTINGS,
  version: SETTINGS_VERSION,
  migrations: SETTINGS_MIGRATIONS,
});

/**
 * A time the user chose to spend on a site after a pause. It covers the whole
 * site in every tab and is measured in wall-clock time, so it ends on time
 * even if the background slept or the laptop was closed in between.
 */
export interface OpenTime {
  /** Epoch ms when the user chose Continue. */
  openedAt: number;
  /** Epoch ms when the open time ends. */
  until: number;
  /** What the user said they came for, shown back when the open time ends. */
  intention?: string;
  /** Set by the background's alarm when the open time ended, so every open tab hears of it. */
  endedAt?: number;
}

/** Open times by trigger site id. An ended one is kept so its intention can be shown back. */
export type OpenTimes = Record<string, OpenTime>;

/**
 * Open and recently ended open times. Written by the background (Continue, the
 * end alarm); read by feed pages, the pause and the popup.
 */
export const openTimesItem = storage.defineItem<OpenTimes>(`local:${STORAGE_KEYS.openTimes}`, { fallback: {} });

/** What the user is typing in the popup's journal box, kept on every keystroke. */
export interface JournalDraft {
  /** The id the reflection will get: saving twice (a retry, a popup closed mid-save) writes one entry. */
  id: string;
  text: string;
  /**
   * The prompt the user chose to answer ("Answer this"), recorded with the
   * reflection. Absent while they write freely, even when a prompt is offered
   * above the box: a prompt merely shown is never recorded.
   */
  prompt?: string;
  updatedAt: number;
}

/**
 * The popup's unsaved entry. A popup closes the moment it loses focus, so the
 * draft lives here, not in the page. Written and cleared by the popup.
 */
export const draftItem = storage.defineItem<JournalDraft | null>(`local:${STORAGE_KEYS.draft}`, { fallback: null });

/** A call the user joined and has not yet reflected on. */
export interface PendingMeeting {
  platform: string;
  /** The meeting's address without query or fragment, to link the reflection to it. */
  meetingId: string;
  joinedAt: number;
}

/**
 * Set by a meeting page when a call starts that will be asked about; cleared
 * when the after-call line is saved or skipped (card or popup). If the tab
 * closes first, the popup asks the next time it opens.
 */
export const pendingMeetingItem = storage.defineItem<PendingMeeting | null>(`local:${STORAGE_KEYS.pendingMeeting}`, { fallback: null });

/** Where the meeting chip sits, as fractions of the window, so it stays put when the window is resized. */
export interface ChipPosition {
  x: number;
  y: number;
}

/** Where the user dragged the meeting chip. Written and read by meeting pages. */
export const meetingChipItem = storage.defineItem<ChipPosition | null>(`local:${STORAGE_KEYS.meetingChip}`, { fallback: null });

/** What part of a call a meeting page could not read. */
export type UnreadPart = 'phase' | 'mic';

/** A platform that went unread, kept for the options page. */
export interface UnreadNote {
  part: UnreadPart;
  at: number;
}

/** Unread notes by platform id. Written by meeting pages; read and dismissed on the options page. */
export const meetingUnreadItem = storage.defineItem<Record<string, UnreadNote>>(`local:${STORAGE_KEYS.meetingUnread}`, { fallback: {} });

/** Whether the last call was asked about, for "some calls" (never two in a row). Written by meeting pages. */
export const lastCallAskedItem = storage.defineItem<boolean>(`local:${STORAGE_KEYS.lastCallAsked}`, { fallback: false });

/** Every item above: what "Delete everything" removes. */
export const STORED_ITEMS = [
  settingsItem,
  openTimesItem,
  draftItem,
  pendingMeetingItem,
  meetingChipItem,
  meetingUnreadItem,
  lastCallAskedItem,
] as const;
