import { storage } from '@wxt-dev/storage';
import { clear, getMany, keys, promisifyRequest, setMany, type UseStore } from 'idb-keyval';
import { canonicalReflection, EXPORT_FORMAT, EXPORT_VERSION, type ExportFile } from './export';
import { allReflections, clearJournal, countReflections, journalStore, putReflectionsAtomically, writeRecords } from '../journal/store';
import { canonicalPauseRecord, pauseRecordProblem } from '../pause/record';
import { pauseLogStore, type PauseRecord } from '../pause/log';
import { reflectionProblem, type Reflection } from '../journal/reflection';
import { DEFAULT_SETTINGS, normaliseSettings, type Settings } from '../settings/settings';
import { getSettings, settingsItem, updateSettings } from '../settings/store';
import { windowsItem } from '../pause/open-time-store';

/**
 * Largest file read, counted in UTF-16 code units (`text.length`), which for
 * an export (mostly ASCII) is about its size in bytes. The options page can
 * also check `File.size` before reading the file at all. Our own export of
 * 100,000 everyday reflections is about 50 MB, so the limit leaves room for
 * several times that: a journal must always be able to come back.
 */
export const IMPORT_MAX_BYTES = 256 * 1024 * 1024;
/** Most records (reflections, pauses and sites together) in one import. */
export const IMPORT_MAX_RECORDS = 500_000;
/** Most trigger sites in imported settings: each one may become a content script match. */
export const IMPORT_MAX_SITES = 1000;
/** Problems named in a refusal; more are counted in one last line. */
export const PROBLEMS_SHOWN = 5;

const SITE_TEXT_MAX = 4000;
const SITE_PATTERNS_MAX = 100;
const SITE_PATTERN_MAX = 2000;
/** Ids that would change an object's prototype if ever used as a plain object's key (windows are keyed by site id). */
const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export type ParseResult = { ok: true; file: ExportFile } | { ok: false; problems: string[] };

/** Keeps quoted problems short: a problem about a 10 MB field must not be 10 MB. */
const clip = (s: string, max = 200): string => (s.length > max ? `${s.slice(0, max - 1)}…` : s);

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  !!value && typeof value === 'object' && !Array.isArray(value);

/** Collects problems, keeping the first few and counting the rest. */
class Problems {
  private readonly shown: string[] = [];
  private count = 0;
  add(problem: string): void {
    this.count++;
    if (this.shown.length < PROBLEMS_SHOWN) this.shown.push(clip(problem));
  }
  get any(): boolean {
    return this.count > 0;
  }
  list(): string[] {
    const more = this.count - this.shown.length;
    return more > 0 ? [...this.shown, `…and ${more} more ${more === 1 ? 'problem' : 'problems'}.`] : [...this.shown];
  }
}

const refuse = (...problems: string[]): { ok: false; problems: string[] } => ({ ok: false, problems: problems.map((p) => clip(p)) });

/**
 * A validator's verdict, without letting it throw: `reflectionProblem`
 * quotes a bad field with JSON.stringify, which throws on a deeply nested
 * value.
 */
function safely(check: (value: unknown) => string | undefined, value: unknown): string | undefined {
  try {
    return check(value);
  } catch {
    return 'could not be read';
  }
}

/**
 * Reads an export file without writing anything: the whole file is checked
 * before any of it is accepted, so the answer is either a file that can be
 * imported as is, or the first problems found, each saying where (e.g.
 * "reflections[12] has no valid id"). Pure; never throws.
 *
 * The returned file holds fresh objects with only the known fields in a
 * fixed key order: unknown keys, `__proto__` and `constructor` included, are
 * never copied anywhere.
 */
export function parseImport(text: string): ParseResult {
  try {
    return parseChecked(text);
  } catch (error) {
    // Nothing above should throw; this is the promise that parsing never does.
    return refuse(`This file could not be read: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function parseChecked(text: string): ParseResult {
  if (typeof text !== 'string') return refuse('This file could not be read as text.');
  if (text.length > IMPORT_MAX_BYTES) {
    return refuse(`This file is too large to import: the limit is ${IMPORT_MAX_BYTES / (1024 * 1024)} MB.`);
  }
  let root: unknown;
  try {
    // A byte order mark, as some editors add, is not part of the JSON.
    root = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    return refuse(`This file is not valid JSON (it may be cut short): ${error instanceof Error ? error.message : String(error)}`);
  }
  if (!isPlainObject(root) || root.format !== EXPORT_FORMAT) return refuse('This is not a Pause Moment export.');
  if (typeof root.version === 'number' && root.version > EXPORT_VERSION) {
    return refuse('This file comes from a newer version of Pause Moment; update the extension first.');
  }
  if (root.version !== EXPORT_VERSION) return refuse(`This file has no version this extension can read (expected ${EXPORT_VERSION}).`);

  const problems = new Problems();
  const { exportedAt, reflections, pauses, settings } = root;
  if (typeof exportedAt !== 'string' || exportedAt.length > 40 || !Number.isFinite(Date.parse(exportedAt))) {
    problems.add('exportedAt is not a valid date');
  }
  if (!Array.isArray(reflections)) problems.add('reflections is not a list');
  if (!Array.isArray(pauses)) problems.add('pauses is not a list');
  const sites = isPlainObject(settings) && Array.isArray(settings.sites) ? (settings.sites as unknown[]) : undefined;
  if (!sites) problems.add('settings has no list of sites');
  if (problems.any) return { ok: false, problems: problems.list() };
  const rs = reflections as unknown[];
  const ps = pauses as unknown[];
  const ss = sites!;

  // Counted before anything is looked at, so a file of millions of tiny entries costs nothing more.
  const total = rs.length + ps.length + ss.length;
  if (total > IMPORT_MAX_RECORDS) {
    return refuse(`This file holds ${total} records, more than the ${IMPORT_MAX_RECORDS} that can be imported at once.`);
  }
  if (ss.length > IMPORT_MAX_SITES) return refuse(`settings has ${ss.length} sites, more than the ${IMPORT_MAX_SITES} allowed.`);

  checkList('reflections', rs, (v) => safely(reflectionProblem, v), problems);
  checkList('pauses', ps, (v) => safely(pauseRecordProblem, v), problems);
  checkSites(ss, problems);
  if (problems.any) return { ok: false, problems: problems.list() };

  const normalised = normaliseSettings(settings);
  if (normalised.sites.length !== ss.length) {
    // checkSites reports everything normaliseSettings drops; this only guards against the two drifting apart.
    return refuse('settings.sites holds entries that cannot be read.');
  }
  return {
    ok: true,
    file: {
      format: EXPORT_FORMAT,
      version: EXPORT_VERSION,
      exportedAt: exportedAt as string,
      reflections: (rs as Reflection[]).map(canonicalReflection),
      pauses: (ps as PauseRecord[]).map(canonicalPauseRecord),
      settings: normalised,
    },
  };
}

/** Checks every entry of a list of records and that no id appears twice. */
function checkList(name: string, list: readonly unknown[], problemOf: (value: unknown) => string | undefined, problems: Problems): void {
  const firstIndex = new Map<string, number>();
  list.forEach((value, i) => {
    const problem = problemOf(value);
    if (problem !== undefined) return problems.add(`${name}[${i}] ${problem}`);
    const id = (value as { id: string }).id;
    const first = firstIndex.get(id);
    if (first !== undefined) return problems.add(`${name}[${i}] has the same id as ${name}[${first}]`);
    firstIndex.set(id, i);
  });
}

/**
 * Reports, as problems, every site entry `normaliseSettings` would drop (and
 * anything it would keep only in part), instead of letting them vanish.
 * Out-of-range numbers are not problems: they are clamped, as for any stored
 * settings.
 */
function checkSites(sites: readonly unknown[], problems: Problems): void {
  const firstIndex = new Map<string, number>();
  sites.forEach((entry, i) => {
    const where = `settings.sites[${i}]`;
    if (!isPlainObject(entry)) return problems.add(`${where} is not an object`);
    const { id, label, patterns } = entry;
    if (typeof id !== 'string' || id === '' || id.length > SITE_TEXT_MAX) return problems.add(`${where} has no valid id`);
    if (UNSAFE_KEYS.has(id)) return problems.add(`${where} has an id that cannot be used: ${JSON.stringify(id)}`);
    const first = firstIndex.get(id);
    if (first !== undefined) return problems.add(`${where} has the same id as settings.sites[${first}]`);
    firstIndex.set(id, i);
    if (!Array.isArray(patterns) || patterns.length === 0) return problems.add(`${where} has no site patterns`);
    if (patterns.length > SITE_PATTERNS_MAX) return problems.add(`${where} has more than ${SITE_PATTERNS_MAX} site patterns`);
    if (!patterns.every((p) => typeof p === 'string')) return problems.add(`${where} has a site pattern that is not text`);
    if (patterns.some((p: string) => p.length > SITE_PATTERN_MAX)) return problems.add(`${where} has a site pattern that is too long`);
    if (label !== undefined && (typeof label !== 'string' || label.length > SITE_TEXT_MAX)) return problems.add(`${where} has an invalid label`);
  });
}

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
  pauses: PauseRecord[];
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
  return { settings: normaliseSettings({ ...preferences, sites: [...current.sites, ...added] }), added: added.length };
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
  existing: { reflections: readonly Reflection[]; pauses: readonly Pick<PauseRecord, 'id'>[]; settings: Settings },
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

/** How import and delete reach the settings; the real one is `settings-store`. */
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
}

const defaultSettingsPort: SettingsPort = { get: getSettings, update: updateSettings };

function resolve(deps: DataDeps): Required<DataDeps> {
  return {
    journal: deps.journal ?? journalStore(),
    pauses: deps.pauses ?? pauseLogStore(),
    settings: deps.settings ?? defaultSettingsPort,
  };
}

/** Imports and deletes run one at a time, so two never interleave their reads and writes. */
let dataQueue: Promise<unknown> = Promise.resolve();
function queued<T>(run: () => Promise<T>): Promise<T> {
  const next = dataQueue.then(run, run);
  dataQueue = next.catch(() => undefined);
  return next;
}

/** The stored values under `ids` (undefined where none), read in one transaction. */
function snapshot(ids: string[], store: UseStore): Promise<unknown[]> {
  return ids.length ? getMany(ids, store) : Promise.resolve([]);
}

/**
 * What the journal holds under `ids` (undefined where nothing), as `snapshot`
 * but reusing the valid reflections already read (`here`): only ids stored
 * as something else (records no read shows) are read again.
 */
async function snapshotJournal(ids: string[], here: readonly Reflection[], store: UseStore): Promise<unknown[]> {
  if (ids.length === 0) return [];
  const valid = new Map(here.map((r) => [r.id, r]));
  const stored = new Set(await keys<string>(store));
  const unread = ids.filter((id) => !valid.has(id) && stored.has(id));
  const values = await snapshot(unread, store);
  const raw = new Map(unread.map((id, i) => [id, values[i]]));
  return ids.map((id) => valid.get(id) ?? raw.get(id));
}

/** Puts back what `snapshot` read, in one transaction: old values restored, ids that were new deleted. */
function restore(ids: string[], before: unknown[], store: UseStore): Promise<void> {
  return store('readwrite', (s) => {
    ids.forEach((id, i) => {
      if (before[i] === undefined) s.delete(id);
      else s.put(before[i], id);
    });
    return promisifyRequest(s.transaction);
  });
}

const reason = (error: unknown): string => clip(error instanceof Error ? error.message : String(error), 160);

export type ImportResult = { ok: true; summary: ImportSummary } | { ok: false; problems: string[] };

/**
 * Imports an export file, all or nothing. The file is parsed and checked
 * whole first; only a valid file is merged with what is here (see
 * `mergeImport`) and written: reflections in one transaction, then pause
 * records in one transaction, then settings. If a later write fails, the
 * earlier ones are undone by putting back the values those ids held before
 * (or deleting ids that were new), so a failed import leaves the data as it
 * was. Never throws: every failure is a problem to show.
 *
 * Known limit: an entry edited in another page while an import runs may be
 * overwritten by the file's version if the file's is newer than the one read
 * at the start.
 */
export function applyImport(text: string, deps: DataDeps = {}): Promise<ImportResult> {
  const parsed = parseImport(text);
  if (!parsed.ok) return Promise.resolve(parsed);
  const { journal, pauses, settings } = resolve(deps);
  return queued(async (): Promise<ImportResult> => {
    let merged: MergeResult;
    let journalBefore: unknown[];
    let pausesBefore: unknown[];
    try {
      const [reflectionsHere, pauseIdsHere, settingsHere] = await Promise.all([
        allReflections(journal),
        keys<string>(pauses),
        settings.get(),
      ]);
      merged = mergeImport({ reflections: reflectionsHere, pauses: pauseIdsHere.map((id) => ({ id })), settings: settingsHere }, parsed.file);
      journalBefore = await snapshotJournal(
        merged.reflections.map((r) => r.id),
        reflectionsHere,
        journal,
      );
      pausesBefore = await snapshot(merged.pauses.map((p) => p.id), pauses);
    } catch (error) {
      return refuse(`Your current data could not be read (${reason(error)}), so nothing was imported.`);
    }

    const undo: (() => Promise<void>)[] = [];
    try {
      if (merged.reflections.length) {
        await putReflectionsAtomically(merged.reflections, journal);
        undo.push(() =>
          writeRecords(
            merged.reflections.map((r, i) => [r.id, journalBefore[i]] as const),
            journal,
          ),
        );
      }
      if (merged.pauses.length) {
        await setMany(
          merged.pauses.map((p) => [p.id, p]),
          pauses,
        );
        undo.push(() => restore(merged.pauses.map((p) => p.id), pausesBefore, pauses));
      }
      if (merged.settingsChanged) {
        await settings.update((current) => mergeSettings(current, parsed.file.settings).settings);
      }
    } catch (error) {
      const failed: string[] = [];
      for (const step of undo.reverse()) {
        try {
          await step();
        } catch (undoError) {
          failed.push(reason(undoError));
        }
      }
      return failed.length
        ? refuse(`The import failed while saving (${reason(error)}) and could not be fully undone (${failed.join('; ')}). Export your data and check it.`)
        : refuse(`The import failed while saving (${reason(error)}). Nothing was changed.`);
    }
    return { ok: true, summary: merged.summary };
  });
}

/** What `deleteEverything` would delete, for the confirmation shown before it. */
export async function describeEverything(deps: DataDeps = {}): Promise<{ reflections: number; pauses: number; sites: number }> {
  const { journal, pauses, settings } = resolve(deps);
  const [reflections, pauseCount, current] = await Promise.all([
    countReflections(journal),
    pauses('readonly', (s) => promisifyRequest(s.count())),
    settings.get(),
  ]);
  return { reflections, pauses: pauseCount, sites: current.sites.length };
}

/**
 * Deletes everything the extension keeps in this browser: the journal, the
 * pause history, the settings, the open windows and the popup's unsaved
 * draft. Every part is attempted even if one fails; then it throws naming
 * what could not be deleted. Returns the counts deleted.
 */
export function deleteEverything(deps: DataDeps = {}): Promise<{ reflections: number; pauses: number; sites: number }> {
  const { journal, pauses } = resolve(deps);
  return queued(async () => {
    const counts = await describeEverything(deps);
    const parts: [string, Promise<void>][] = [
      ['the journal', clearJournal(journal)],
      ['the pause history', clear(pauses)],
      [
        'the settings, windows and draft',
        // The settings' version meta stays: without it, the next start would run every
        // settings migration again over whatever the user saves from now on.
        storage.removeItems([settingsItem, windowsItem, 'local:journalDraft']),
      ],
    ];
    const results = await Promise.allSettled(parts.map(([, p]) => p));
    const failed = parts.filter((_, i) => results[i]!.status === 'rejected').map(([name]) => name);
    if (failed.length) throw new Error(`Could not delete ${failed.join(', ')}. Try again.`);
    return counts;
  });
}
