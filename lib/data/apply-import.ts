import { i18n } from '#i18n';
import { keys, getMany, promisifyRequest, setMany, type UseStore } from 'idb-keyval';
import { clipWithEllipsis } from '../browser/text';
import { allReflections, putReflectionsAtomically, writeRecords } from '../journal/store';
import type { Reflection } from '../journal/reflection';
import { mergeImport, mergeSettings, type ImportSummary, type MergeResult } from './merge-import';
import { parseImport, refuse } from './parse-import';
import { dataWrites, resolveStores, type DataDeps } from './stores';

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

/** Longest error message quoted in a problem. */
const REASON_MAX = 160;
const reason = (error: unknown): string => clipWithEllipsis(error instanceof Error ? error.message : String(error), REASON_MAX);

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
  const { journal, pauses, settings } = resolveStores(deps);
  return dataWrites(async (): Promise<ImportResult> => {
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
      return refuse(i18n.t('options.data.currentUnreadable', { reason: reason(error) }));
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
        ? refuse(i18n.t('options.data.saveFailedNotUndone', { reason: reason(error), failed: failed.join('; ') }))
        : refuse(i18n.t('options.data.saveFailed', { reason: reason(error) }));
    }
    return { ok: true, summary: merged.summary };
  });
}
