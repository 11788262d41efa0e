import type { UseStore } from 'idb-keyval';
import { createWriteQueue } from '../browser/write-queue';
import { journalStore } from '../journal/store';
import { pauseLogStore } from '../pause/log';
import type { Settings } from '../settings/settings';
import { getSettings, updateSettings } from '../settings/store';
import { giveBackAccess } from '../sites/access';

/**
 * What import (`apply-import.ts`) and reset (`reset.ts`) share: the stores
 * they work on, and the one queue they take turns in.
 */

/** How import and delete reach the settings; the real one is `settings/store.ts`. */
export interface SettingsPort {
  get(): Promise<Settings>;
  /** Applies `change` to the current settings and saves the result (as `updateSettings`). */
  update(change: (current: Settings) => Settings): Promise<unknown>;
}

/** The stores import, describe and delete work on; tests pass their own. */
export interface DataDeps {
  journal?: UseStore;
  pauses?: UseStore;
  settings?: SettingsPort;
  /** Gives back the browser's access to origins (the real one is `sites/access.ts`). */
  giveBackAccess?: (origins: readonly string[]) => Promise<void>;
}

const defaultSettingsPort: SettingsPort = { get: getSettings, update: updateSettings };

/** The stores `deps` names, the extension's own for any left out. */
export function resolveStores(deps: DataDeps): Required<DataDeps> {
  return {
    journal: deps.journal ?? journalStore(),
    pauses: deps.pauses ?? pauseLogStore(),
    settings: deps.settings ?? defaultSettingsPort,
    giveBackAccess: deps.giveBackAccess ?? giveBackAccess,
  };
}

/** Imports and deletes run one at a time, so two never interleave their reads and writes. */
export const dataWrites = createWriteQueue();
