import { storage } from '@wxt-dev/storage';
import { createWriteQueue } from '../browser/write-queue';
import { DEFAULT_SETTINGS, normaliseSettings, type Settings } from './settings';

/**
 * Version 2 (2026-11) brought meeting sites: every site from before is a feed,
 * and the unmute card starts off. Can go once no version-1 install is left.
 */
function addSiteKinds(old: unknown): Settings {
  const v1 = (old ?? {}) as { sites?: Array<Record<string, unknown>> };
  const sites = Array.isArray(v1.sites) ? v1.sites.map((s) => ({ kind: 'feed', ...s })) : [];
  return normaliseSettings({ ...v1, sites, meetings: { unmuteCard: false } });
}

/**
 * Ordered settings migrations, keyed by the version they produce: small named
 * steps, each with a note on when it can go.
 */
export const SETTINGS_MIGRATIONS: Record<number, (old: unknown) => Settings> = {
  2: addSiteKinds,
};

/** The user's settings. Read it through `getSettings` to get a normalised value. */
export const settingsItem = storage.defineItem<Settings>('local:settings', {
  fallback: DEFAULT_SETTINGS,
  version: 2,
  migrations: SETTINGS_MIGRATIONS,
});

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
