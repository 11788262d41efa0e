/**
 * The names, versions and roll-up stores of the extension's two IndexedDB
 * databases, apart from the stores' code: the pages that read a roll-up
 * directly (Insights' first view) need these and nothing else. What each
 * version holds is written beside its store (`journal/database.ts`,
 * `pause/log.ts`).
 */

export const JOURNAL_DB = 'pause-moment-journal';
export const REFLECTIONS_STORE = 'reflections';
export const JOURNAL_DAYS_STORE = 'days';
/** The journal's database version: 2 added the word index, 3 the day roll-ups. */
export const JOURNAL_DB_VERSION = 3;

export const PAUSE_LOG_DB = 'pause-moment-log';
export const PAUSES_STORE = 'pauses';
export const PAUSE_DAYS_STORE = 'days';
/** The history's database version: 2 added the day roll-ups. */
export const PAUSE_LOG_VERSION = 2;
