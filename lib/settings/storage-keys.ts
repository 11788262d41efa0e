/**
 * The names under which the extension keeps things in `browser.storage.local`.
 * `storage-registry.ts` defines one item for each, with what it holds and who
 * writes it; the feed pause's content script reads a few of them (`pause/state.ts`) through
 * `local-reader.ts` instead, to stay small. No other module names a key.
 */
export const STORAGE_KEYS = {
  settings: 'settings',
  /** Open times; the key keeps its first name so earlier installs read unchanged. */
  openTimes: 'windows',
  draft: 'journalDraft',
  pendingMeeting: 'pendingMeeting',
  meetingChip: 'meetingChip',
  meetingUnread: 'meetingUnread',
  lastCallAsked: 'meetingLastCallAsked',
  /** How many calls were asked about afterwards, by day. */
  meetingAsks: 'meetingAsks',
  whatsNew: 'whatsNew',
  snooze: 'snooze',
  /** What the settings looked like when last seen, and when each part was edited (for following the user). */
  settingsSync: 'settingsSync',
  /** The user's own words shown last at each site's pause. */
  pastWordsShown: 'pastWordsShown',
  /** Which pause style each site showed last, and which it has shown. */
  pauseStyles: 'pauseStyles',
} as const;

export type StorageKey = (typeof STORAGE_KEYS)[keyof typeof STORAGE_KEYS];

/**
 * The names in `browser.storage.sync`, which holds only the settings' copy
 * that follows the user (`sync-chunks.ts`): a head naming how many chunks
 * follow, and the chunks, `settings.0`, `settings.1`, …
 */
export const SYNC_KEYS = {
  settingsHead: 'settings',
  settingsChunk: (i: number): string => `settings.${i}`,
} as const;
