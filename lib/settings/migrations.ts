import { normaliseSettings, type Settings } from './settings';

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

/** The settings' current version: the last migration's. */
export const SETTINGS_VERSION = Math.max(1, ...Object.keys(SETTINGS_MIGRATIONS).map(Number));
