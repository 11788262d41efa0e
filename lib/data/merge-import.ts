import type { Reflection } from '../journal/reflection';
import type { PauseLogEntry } from '../pause/log';
import { DEFAULT_SETTINGS, normaliseSettings, type Settings } from '../settings/settings';
import type { ExportFile } from './export';
import { isPlainObject } from './parse-import';

/**
 * What an import changes, worked out without reading or writing any store:
 * pure functions of the data here and the parsed file.
 */

export interface ImportSummary {
  /** Reflections new to this browser. */
  added: number;
  /** Reflections replaced by a later edit from the file. */
  updated: number;
  /** Reflections already here, as new or newer than the file's. */
  unchanged: number;
  pausesAdded: number;
  sitesAdded: number;
}

export interface MergeResult {
  /** Reflections to write: the new ones and the ones the file has a later edit of. */
  reflections: Reflection[];
  /** Pause records to write: only ids not already here. */
  pauses: PauseLogEntry[];
  /** The whole settings to keep. */
  settings: Settings;
  /** Whether `settings` differs from the settings here (a site added, a preference restored). */
  settingsChanged: boolean;
  summary: ImportSummary;
}

/**
 * The settings an import leaves. Sites are matched by id and the ones already
 * here win (the user's current choices stay); new sites go at the end as the
 * file had them, enabled flag included. An enabled site only pauses once its
 * access is granted, which the options page shows.
 *
 * Every other setting (e.g. `meetings.unmuteCard`) takes the file's value
 * only where the value here is still the default: importing a backup into a
 * fresh install restores its choices, but never undoes a choice made here.
 */
export function mergeSettings(current: Settings, incoming: Settings): { settings: Settings; added: number } {
  const ids = new Set(current.sites.map((s) => s.id));
  const added = incoming.sites.filter((s) => !ids.has(s.id));
  const preferences = mergePreferences(current, incoming, DEFAULT_SETTINGS) as Record<string, unknown>;
  // Fields a newer version wrote are kept: the ones here, else the file's.
  return { settings: normaliseSettings({ ...incoming, ...current, ...preferences, sites: [...current.sites, ...added] }), added: added.length };
}

/**
 * Walks the shape of the defaults (ours, so shallow and trusted; the keys
 * come only from it): a leaf still at its default takes the file's value.
 */
function mergePreferences(current: unknown, incoming: unknown, defaults: unknown): unknown {
  if (isPlainObject(defaults)) {
    const here = isPlainObject(current) ? current : {};
    const there = isPlainObject(incoming) ? incoming : {};
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(defaults)) {
      if (key !== 'sites') out[key] = mergePreferences(here[key], there[key], defaults[key]);
    }
    return out;
  }
  return JSON.stringify(current) === JSON.stringify(defaults) ? incoming : current;
}

/**
 * What an import changes, worked out without writing: reflections merged by
 * id, the later `updatedAt` winning (on a tie the one already here stays);
 * pause records by id, the one already here winning; settings as
 * `mergeSettings` says. Maps are keyed by id, never plain objects, so no id can
 * reach a prototype.
 */
export function mergeImport(
  existing: { reflections: readonly Reflection[]; pauses: readonly Pick<PauseLogEntry, 'id'>[]; settings: Settings },
  incoming: ExportFile,
): MergeResult {
  const current = new Map(existing.reflections.map((r) => [r.id, r]));
  const reflections: Reflection[] = [];
  let added = 0;
  let updated = 0;
  let unchanged = 0;
  for (const r of incoming.reflections) {
    const here = current.get(r.id);
    if (!here) added++;
    else if (r.updatedAt > here.updatedAt) updated++;
    else {
      unchanged++;
      continue;
    }
    reflections.push(r);
  }
  const pauseIds = new Set(existing.pauses.map((p) => p.id));
  const pauses = incoming.pauses.filter((p) => !pauseIds.has(p.id));
  const { settings, added: sitesAdded } = mergeSettings(existing.settings, incoming.settings);
  const settingsChanged = JSON.stringify(settings) !== JSON.stringify(normaliseSettings(existing.settings));
  return { reflections, pauses, settings, settingsChanged, summary: { added, updated, unchanged, pausesAdded: pauses.length, sitesAdded } };
}
