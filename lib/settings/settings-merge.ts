import { DEFAULT_SETTINGS, normaliseSettings, OPEN_MINUTES, WAIT_SECONDS, type TriggerSite } from './settings';
import {
  canonical,
  compactEdits,
  fieldTime,
  isPlainObject,
  own,
  prefTime,
  prefsOf,
  siteTime,
  unionKeys,
  type SettingsEdits,
  type SiteEdits,
  type SyncedSettings,
} from './settings-edits';

/**
 * Merges the settings of this device with another's (through the browser's
 * sync storage). Pure. The rules:
 * - Sites are matched by id, and a conflict never drops one: a site either
 *   side has is kept, unless the other side removed it after its last edit
 *   there (a removal made knowing the site as it is). A site both have is
 *   merged field by field.
 * - Of two values of one field (a preference path or a site's field), the one
 *   edited later wins. On equal times (both never edited since the settings
 *   began to follow the user) a value the user chose beats a default, and
 *   otherwise the larger JSON wins, so both devices pick the same.
 * - Fields this version does not know are merged the same way, and kept.
 * Merging is idempotent and, sites' order aside, commutative: every device
 * ends with the same settings whatever order copies arrive in. Sites keep this
 * device's order, with the other's new ones after.
 */

/** A site's fields as they read when absent, for the tie rule. */
const SITE_DEFAULTS: Record<string, unknown> = {
  enabled: true,
  waitSeconds: WAIT_SECONDS.default,
  windowMinutes: OPEN_MINUTES.default,
  kind: 'feed',
};

/** Of two values with the same edit time: a chosen value over a default, then the larger JSON. */
function tieBreak(a: unknown, b: unknown, fallback: unknown): unknown {
  const [ja, jb, jd] = [canonical(a), canonical(b), canonical(fallback)];
  if ((ja === jd) !== (jb === jd)) return ja === jd ? b : a;
  return ja >= jb ? a : b;
}

/** The later of two values by their edit times, or `tieBreak` on equal times. */
function later(a: unknown, ta: number, b: unknown, tb: number, fallback: unknown): unknown {
  if (ta !== tb) return ta > tb ? a : b;
  return tieBreak(a, b, fallback);
}

/** Merges two preference trees path by path, descending where both sides hold objects. */
function mergePrefs(a: unknown, b: unknown, path: string, ea: SettingsEdits, eb: SettingsEdits, fallback: unknown): unknown {
  if (isPlainObject(a) && isPlainObject(b) && unionKeys(a, b).every((k) => !k.includes('.'))) {
    const out: [string, unknown][] = [];
    for (const key of unionKeys(a, b)) {
      const sub = path ? `${path}.${key}` : key;
      const value = mergePrefs(own(a, key), own(b, key), sub, ea, eb, isPlainObject(fallback) ? own(fallback, key) : undefined);
      if (value !== undefined) out.push([key, value]);
    }
    return Object.fromEntries(out);
  }
  return later(a, prefTime(ea, path), b, prefTime(eb, path), fallback);
}

/** A site both sides have, merged field by field, with its merged edit times. */
function mergeSite(a: TriggerSite, b: TriggerSite, ea: SettingsEdits, eb: SettingsEdits): { site: TriggerSite; edits: SiteEdits } {
  const ra = a as unknown as Record<string, unknown>;
  const rb = b as unknown as Record<string, unknown>;
  const at = Math.max(own(ea.sites, a.id)?.at ?? 0, own(eb.sites, a.id)?.at ?? 0);
  const fields: [string, unknown][] = [];
  const f: [string, number][] = [];
  // Fields either side has, and fields edited away (an option turned off leaves no field, only its time).
  const editedAway = { ...own(ea.sites, a.id)?.f, ...own(eb.sites, a.id)?.f };
  for (const key of unionKeys(ra, { ...rb, ...editedAway })) {
    if (key === 'id') {
      fields.push([key, a.id]);
      continue;
    }
    const [ta, tb] = [fieldTime(ea, a.id, key), fieldTime(eb, a.id, key)];
    const value = later(own(ra, key), ta, own(rb, key), tb, own(SITE_DEFAULTS, key));
    if (value !== undefined) fields.push([key, value]);
    const t = Math.max(ta, tb);
    if (t > at) f.push([key, t]);
  }
  return {
    site: Object.fromEntries(fields) as unknown as TriggerSite,
    edits: { ...(at ? { at } : {}), ...(f.length ? { f: Object.fromEntries(f) } : {}) },
  };
}

/** Later of two times per key. */
function maxTimes(a: Record<string, number> | undefined, b: Record<string, number> | undefined): Map<string, number> {
  const out = new Map(Object.entries(a ?? {}));
  for (const [k, t] of Object.entries(b ?? {})) out.set(k, Math.max(out.get(k) ?? 0, t));
  return out;
}

/** This device's settings (`here`) merged with another's (`there`). See the rules above. */
export function mergeSynced(here: SyncedSettings, there: SyncedSettings): SyncedSettings {
  const [ea, eb] = [here.edits, there.edits];
  const prefs = mergePrefs(prefsOf(here.settings), prefsOf(there.settings), '', ea, eb, prefsOf(DEFAULT_SETTINGS)) as Record<string, unknown>;

  const theirs = new Map(there.settings.sites.map((s) => [s.id, s]));
  const ours = new Set(here.settings.sites.map((s) => s.id));
  const removedThere = (id: string): number => own(eb.removed, id) ?? 0;
  const removedHere = (id: string): number => own(ea.removed, id) ?? 0;
  const sites: TriggerSite[] = [];
  const siteEdits = new Map<string, SiteEdits>();
  for (const site of here.settings.sites) {
    const other = theirs.get(site.id);
    if (other) {
      const merged = mergeSite(site, other, ea, eb);
      sites.push(merged.site);
      siteEdits.set(site.id, merged.edits);
    } else if (removedThere(site.id) <= siteTime(ea, site.id)) {
      sites.push(site);
      siteEdits.set(site.id, own(ea.sites, site.id) ?? {});
    }
  }
  for (const site of there.settings.sites) {
    if (ours.has(site.id) || removedHere(site.id) > siteTime(eb, site.id)) continue;
    sites.push(site);
    siteEdits.set(site.id, own(eb.sites, site.id) ?? {});
  }

  const kept = new Set(sites.map((s) => s.id));
  const removed = [...maxTimes(ea.removed, eb.removed)].filter(([id]) => !kept.has(id));
  const edits = compactEdits({
    prefs: Object.fromEntries(maxTimes(ea.prefs, eb.prefs)),
    sites: Object.fromEntries(siteEdits),
    removed: Object.fromEntries(removed),
  });
  return { settings: normaliseSettings({ ...prefs, sites }), edits };
}
