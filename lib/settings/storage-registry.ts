import { storage } from '@wxt-dev/storage';
import { DEFAULT_SETTINGS, type Settings } from './settings';
import { SETTINGS_MIGRATIONS, SETTINGS_VERSION } from './migrations';
import { STORAGE_KEYS, SYNC_KEYS } from './storage-keys';
import { browser } from 'wxt/browser';
import { SYNC_CHUNKS_MAX, type SyncHead } from './sync-chunks';
import type { SettingsEdits } from './settings-edits';
import type { PauseStyle, SnoozeLength } from '../browser/messages';

/**
 * Everything the extension keeps in `browser.storage.local`, one item each,
 * under the keys in `storage-keys.ts`. Every page, the meeting content script
 * and the background reach storage through these items; the feed pause's
 * content script reads its few (`pause/state.ts`) through `local-reader.ts`. A unit test holds
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

/**
 * How many calls ended with the line after a call ("Did I agree to anything
 * I didn't choose?") asked, by local day ("YYYY-MM-DD"): Insights sets the
 * notes written after calls against it. Written by meeting pages as a call
 * that will be asked about starts; counts, never what was said.
 */
export const meetingAsksItem = storage.defineItem<Record<string, number>>(`local:${STORAGE_KEYS.meetingAsks}`, { fallback: {} });

/** The version whose news the popup tells of in one line, until the user dismisses it. */
export interface WhatsNew {
  version: string;
}

/** Set by the background when the extension updates; cleared when the user dismisses the popup's line. */
export const whatsNewItem = storage.defineItem<WhatsNew | null>(`local:${STORAGE_KEYS.whatsNew}`, { fallback: null });

/**
 * Pauses the user snoozed from the popup: for a while, every chosen site (or
 * one) lets pages in without a pause. Measured in wall-clock time: every
 * reader treats a snooze past `until` as over, whether or not the background
 * was awake to clear it.
 */
export interface Snooze {
  /** Time-sortable, made when it started; also the id of its record in the pause history. */
  id: string;
  /** Epoch ms when the user chose it. */
  startedAt: number;
  /** Epoch ms when it ends by itself. */
  until: number;
  /** The length the user chose. */
  length: SnoozeLength;
  /** One site only (the site of the tab the popup was opened on); absent: every site. */
  site?: { id: string; label: string };
}

/** The snooze that is on, or none. Written by the background (start, "End now", its alarm); read by feed pages, the popup and the options page. */
export const snoozeItem = storage.defineItem<Snooze | null>(`local:${STORAGE_KEYS.snooze}`, { fallback: null });

/** The settings as this browser last saw them, and when each part was edited: see `settings-sync.ts`. */
export interface SettingsSyncState {
  seen: Settings;
  edits: SettingsEdits;
}

/** Written by the background only, beside each change of the settings. */
export const settingsSyncStateItem = storage.defineItem<SettingsSyncState | null>(`local:${STORAGE_KEYS.settingsSync}`, { fallback: null });

/**
 * The line of the user's own words each site's pause showed last (a
 * reflection's id, never its text), and at which pause, so the next pause
 * shows another. Written and read by the background only.
 */
export const pastWordsShownItem = storage.defineItem<Record<string, { id: string; pauseId: string }>>(`local:${STORAGE_KEYS.pastWordsShown}`, { fallback: {} });

/**
 * Pause styles in turn, by site id: the style the last pause showed (and at
 * which pause), and the styles shown so far, so a new one says why it looks
 * different. Written and read by the background only.
 */
export const pauseStylesItem = storage.defineItem<Record<string, { last: PauseStyle; pauseId: string; seen: PauseStyle[]; lastWasNew?: boolean }>>(`local:${STORAGE_KEYS.pauseStyles}`, {
  fallback: {},
});

/** Every item above: what "Delete everything" removes. */
export const STORED_ITEMS = [
  settingsItem,
  openTimesItem,
  draftItem,
  pendingMeetingItem,
  meetingChipItem,
  meetingUnreadItem,
  lastCallAskedItem,
  meetingAsksItem,
  whatsNewItem,
  snoozeItem,
  settingsSyncStateItem,
  pastWordsShownItem,
  pauseStylesItem,
] as const;

/**
 * The settings' copy in `browser.storage.sync`, which follows the user to
 * their other browsers: a head and up to `SYNC_CHUNKS_MAX` chunks of text
 * (`sync-chunks.ts`). Written and read by the background only
 * (`settings-sync.ts`), through `syncedSettings` below; "Delete everything"
 * removes it too. The journal is never kept there.
 */
export const settingsSyncHeadItem = storage.defineItem<SyncHead | null>(`sync:${SYNC_KEYS.settingsHead}`, { fallback: null });
export const settingsSyncChunkItems = Array.from({ length: SYNC_CHUNKS_MAX }, (_, i) =>
  storage.defineItem<string | null>(`sync:${SYNC_KEYS.settingsChunk(i)}`, { fallback: null }),
);

/** Every item kept in sync storage. */
export const SYNCED_ITEMS = [settingsSyncHeadItem, ...settingsSyncChunkItems] as const;

/** A synced item's key without its area, as `sync-chunks.ts` names them. */
const syncName = (key: string): string => key.slice('sync:'.length);
const syncedByName = new Map<string, (typeof SYNCED_ITEMS)[number]>(SYNCED_ITEMS.map((item) => [syncName(item.key), item]));
const syncedItem = (name: string): (typeof SYNCED_ITEMS)[number] => {
  const item = syncedByName.get(name);
  if (!item) throw new Error(`No synced item is named ${name}`);
  return item;
};

/**
 * The settings' copy in sync storage as a port, by the names in `SYNC_KEYS`.
 * A browser without sync storage (or with it turned off by policy) keeps
 * settings in local storage only: `available` says which.
 */
export const syncedSettings = {
  available(): boolean {
    return !!browser.storage?.sync;
  },
  /** Every synced item's value (null where none), by name. */
  async read(): Promise<Record<string, unknown>> {
    const values = await storage.getItems([...SYNCED_ITEMS]);
    return Object.fromEntries(values.map(({ key, value }) => [syncName(key), value]));
  },
  /** Writes `items` in one call (one write against the quota), then removes `stale` in one more, if any. */
  async write(items: Record<string, unknown>, stale: readonly string[] = []): Promise<void> {
    await storage.setItems(Object.entries(items).map(([name, value]) => ({ key: syncedItem(name).key, value })));
    if (stale.length) await storage.removeItems(stale.map(syncedItem));
  },
  /** Removes the copy: nothing to do where there is no sync storage. */
  async clear(): Promise<void> {
    if (this.available()) await storage.removeItems([...SYNCED_ITEMS]);
  },
  /** Calls back when any synced item changes (here or from another device); returns the unwatch. */
  watch(callback: () => void): () => void {
    if (!this.available()) return () => undefined;
    const unwatch = SYNCED_ITEMS.map((item) => item.watch(callback));
    return () => unwatch.forEach((u) => u());
  },
};
