import type { Settings, TriggerSite } from './settings';

/**
 * When each part of the settings was last changed, so settings changed on two
 * devices can be merged field by field, the newer edit winning
 * (`settings-merge.ts`). Kept beside the settings (in this browser and in the
 * sync copy), never inside them. Small by design: only edits made since the
 * settings began to follow the user are noted, a new site is one time for all
 * its fields, and a field has its own time only once edited after that. A
 * part with no time counts as edited at 0, before any noted edit.
 */
export interface SettingsEdits {
  /** Preferences (everything but the sites) by path, e.g. "meetings.unmuteCard": epoch ms. */
  prefs?: Record<string, number>;
  /** Sites by id: when each was added (`at`), and fields edited after that (`f`). */
  sites?: Record<string, SiteEdits>;
  /** Sites removed, by id: when. Kept for the `REMOVED_KEPT` latest. */
  removed?: Record<string, number>;
}

export interface SiteEdits {
  at?: number;
  f?: Record<string, number>;
}

/** Settings with their edit times: what is merged and what the sync copy holds. */
export interface SyncedSettings {
  settings: Settings;
  edits: SettingsEdits;
}

/** Removals remembered, newest first; an older one is forgotten (its site could come back from a device that missed it). */
export const REMOVED_KEPT = 200;

const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  !!value && typeof value === 'object' && !Array.isArray(value);

/** Own value of `key`, never one from a prototype. */
export function own<T>(record: Record<string, T> | undefined, key: string): T | undefined {
  return record && Object.hasOwn(record, key) ? record[key] : undefined;
}

/** JSON with object keys sorted: equal for equal values whatever order their keys were written in. '' for undefined. */
export function canonical(value: unknown): string {
  if (value === undefined) return '';
  return JSON.stringify(value, (_, v: unknown) =>
    isPlainObject(v) ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, v[k]])) : v,
  );
}

const isTime = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v > 0;

function times(raw: unknown): Record<string, number> | undefined {
  if (!isPlainObject(raw)) return undefined;
  const entries = Object.entries(raw).filter((e): e is [string, number] => !UNSAFE_KEYS.has(e[0]) && isTime(e[1]));
  return entries.length ? Object.fromEntries(entries) : undefined;
}

/** Reads edit times from anywhere (another device's copy may hold anything): only positive times are kept. */
export function normaliseEdits(raw: unknown): SettingsEdits {
  if (!isPlainObject(raw)) return {};
  const sites: [string, SiteEdits][] = [];
  if (isPlainObject(raw.sites)) {
    for (const [id, value] of Object.entries(raw.sites)) {
      if (UNSAFE_KEYS.has(id) || !isPlainObject(value)) continue;
      const at = isTime(value.at) ? value.at : undefined;
      const f = times(value.f);
      if (at || f) sites.push([id, { ...(at ? { at } : {}), ...(f ? { f } : {}) }]);
    }
  }
  const prefs = times(raw.prefs);
  const removed = times(raw.removed);
  return {
    ...(prefs ? { prefs } : {}),
    ...(sites.length ? { sites: Object.fromEntries(sites) } : {}),
    ...(removed ? { removed } : {}),
  };
}

/** The edits, with empty parts left out. */
export function compactEdits(edits: SettingsEdits): SettingsEdits {
  const removed = Object.entries(edits.removed ?? {})
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, REMOVED_KEPT);
  const sites = Object.entries(edits.sites ?? {}).filter(([, e]) => e.at || (e.f && Object.keys(e.f).length));
  return {
    ...(edits.prefs && Object.keys(edits.prefs).length ? { prefs: edits.prefs } : {}),
    ...(sites.length ? { sites: Object.fromEntries(sites) } : {}),
    ...(removed.length ? { removed: Object.fromEntries(removed) } : {}),
  };
}

/**
 * Whether a preference key may be split into a path: a key holding a dot
 * would make paths ambiguous, so an object with one is one value.
 */
const splittable = (a: Record<string, unknown>, b: Record<string, unknown>): boolean =>
  [...Object.keys(a), ...Object.keys(b)].every((k) => !k.includes('.'));

const join = (path: string, key: string): string => (path ? `${path}.${key}` : key);

/** The union of two objects' keys, `a`'s first, in order. */
export function unionKeys(a: Record<string, unknown>, b: Record<string, unknown>): string[] {
  return [...new Set([...Object.keys(a), ...Object.keys(b)])];
}

/** Paths under `path` whose values differ between `a` and `b`, descending into objects on both sides. */
export function changedPaths(a: unknown, b: unknown, path = ''): string[] {
  if (isPlainObject(a) && isPlainObject(b) && (path === '' || splittable(a, b))) {
    return unionKeys(a, b).flatMap((key) => changedPaths(own(a, key), own(b, key), join(path, key)));
  }
  return canonical(a) === canonical(b) ? [] : [path];
}

/** The preferences: the settings without their sites. */
export function prefsOf(settings: Settings): Record<string, unknown> {
  const { sites: _sites, ...prefs } = settings;
  return prefs;
}

/** When the preference at `path` was last edited: its own time, a parent's (set as a whole) or a child's. */
export function prefTime(edits: SettingsEdits, path: string): number {
  let latest = 0;
  for (const [key, time] of Object.entries(edits.prefs ?? {})) {
    if (key === path || key.startsWith(`${path}.`) || path.startsWith(`${key}.`)) latest = Math.max(latest, time);
  }
  return latest;
}

/** When a site's field was last edited: its own time, or when the site was added. */
export function fieldTime(edits: SettingsEdits, id: string, field: string): number {
  const site = own(edits.sites, id);
  return Math.max(site?.at ?? 0, own(site?.f, field) ?? 0);
}

/** The latest edit of a site, any field. */
export function siteTime(edits: SettingsEdits, id: string): number {
  const site = own(edits.sites, id);
  return Math.max(site?.at ?? 0, ...Object.values(site?.f ?? {}));
}

/**
 * Notes the edits that turned `before` into `after`, made at `time`: each
 * changed preference path and site field, each site added or removed. A new
 * time is always later than the one it replaces, so a later edit here always
 * wins over an earlier one here.
 */
export function stampEdits(before: Settings, after: Settings, edits: SettingsEdits, time: number): SettingsEdits {
  const prefs = { ...edits.prefs };
  for (const path of changedPaths(prefsOf(before), prefsOf(after))) {
    const at = Math.max(time, prefTime(edits, path) + 1);
    for (const key of Object.keys(prefs)) if (key.startsWith(`${path}.`)) delete prefs[key];
    prefs[path] = at;
  }
  const sites = new Map(Object.entries(edits.sites ?? {}));
  const removed = new Map(Object.entries(edits.removed ?? {}));
  const old = new Map<string, TriggerSite>(before.sites.map((s) => [s.id, s]));
  const now = new Set(after.sites.map((s) => s.id));
  for (const site of after.sites) {
    const was = old.get(site.id);
    if (!was) {
      sites.set(site.id, { at: Math.max(time, (removed.get(site.id) ?? 0) + 1) });
      removed.delete(site.id);
      continue;
    }
    const fields = changedPaths(was, site).map((p) => p.split('.')[0]!);
    if (fields.length === 0) continue;
    const e = sites.get(site.id) ?? {};
    const f = { ...e.f };
    for (const field of new Set(fields)) f[field] = Math.max(time, fieldTime(edits, site.id, field) + 1);
    sites.set(site.id, { ...e, f });
  }
  for (const id of old.keys()) {
    if (now.has(id)) continue;
    removed.set(id, Math.max(time, siteTime(edits, id) + 1));
    sites.delete(id);
  }
  return compactEdits({ prefs, sites: Object.fromEntries(sites), removed: Object.fromEntries(removed) });
}
