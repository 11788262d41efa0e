import { createWriteQueue } from '../browser/write-queue';
import { settingsItem } from './storage-registry';
import { normaliseSettings, type Settings } from './settings';

/** The current settings, normalised. */
export async function getSettings(): Promise<Settings> {
  return normaliseSettings(await settingsItem.getValue());
}

/** Settings writes from this page, one at a time. */
const settingsWrites = createWriteQueue();

/**
 * Applies `change` to the current settings and saves the result. Writes are
 * queued so two quick edits from one page never overwrite each other.
 */
export function updateSettings(change: (current: Settings) => Settings): Promise<Settings> {
  return settingsWrites(async () => {
    const next = normaliseSettings(change(await getSettings()));
    await settingsItem.setValue(next);
    return next;
  });
}
