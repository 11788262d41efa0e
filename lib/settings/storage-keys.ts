/**
 * The names under which the extension keeps things in `browser.storage.local`.
 * `storage-registry.ts` defines one item for each, with what it holds and who
 * writes it; the feed pause's content script reads two of them through
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
} as const;

export type StorageKey = (typeof STORAGE_KEYS)[keyof typeof STORAGE_KEYS];
