import { storage } from '@wxt-dev/storage';
import { DEFAULT_SETTINGS, normaliseSettings, type Settings } from './settings';

/**
 * Ordered settings migrations, keyed by the version they produce. Each is a
 * small named step; version 1 is the first shipped shape, so there is nothing
 * to migrate yet, but the item is versioned from day one so the next change
 * of shape only has to add a step here.
 */
export const SETTINGS_MIGRATIONS: Record<number, (old: unknown) => Settings> = {};

/** The user's settings. Read it through `getSettings` to get a normalised value. */
export const settingsItem = storage.defineItem<Settings>('local:settings', {
  fallback: DEFAULT_SETTINGS,
  version: 1,
  migrations: SETTINGS_MIGRATIONS,
});

/** The current settings, normalised. */
export async function getSettings(): Promise<Settings> {
  return normaliseSettings(await settingsItem.getValue());
}

/**
 * Applies `change` to the current settings and saves the result. Writes are
 * chained so two quick edits from one page never overwrite each other.
 */
let pendingWrite: Promise<unknown> = Promise.resolve();
export function updateSettings(change: (current: Settings) => Settings): Promise<Settings> {
  const run = pendingWrite.then(async () => {
    const next = normaliseSettings(change(await getSettings()));
    await settingsItem.setValue(next);
    return next;
  });
  pendingWrite = run.catch(() => undefined);
  return run;
}
