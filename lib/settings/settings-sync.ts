import { storage } from '@wxt-dev/storage';
import { DEFAULT_SETTINGS, normaliseSettings, type Settings } from './settings';
import { canonical, isPlainObject, normaliseEdits, stampEdits, type SyncedSettings } from './settings-edits';
import { mergeSynced } from './settings-merge';
import { SYNC_KEYS } from './storage-keys';
import { settingsItem, settingsSyncStateItem, syncedSettings, type SettingsSyncState } from './storage-registry';
import { chunkText, joinChunks, readHead, staleChunkKeys, SYNC_WRITE_GAP_MS } from './sync-chunks';

/**
 * Settings that follow the user. The local `settings` item stays
 * what every part reads and writes; the background keeps a copy of it in the
 * browser's sync storage, and merges in the copy another device wrote. One
 * pass does both, and runs whenever either changes:
 * 1. note, with the time, what changed here since the settings were last seen
 *    (`stampEdits`),
 * 2. merge in the sync copy, if there is a whole one (`mergeSynced`),
 * 3. save the result here if it differs, then
 * 4. write it to sync (chunked, `sync-chunks.ts`) if the copy there differs.
 * Without sync storage, or with settings too large for it, the settings stay
 * here only. The journal is never synced.
 *
 * Known limit: a change saved on a page between this pass reading the
 * settings and writing the merge is caught by reading again first, not by a
 * lock; in the few milliseconds left it could be overwritten.
 */

/** What the pass reads and writes; the real one is the registry's items, tests pass their own. */
export interface SettingsSyncPort {
  /** The stored settings (null when none) and the sync state. */
  readLocal(): Promise<{ settings: unknown; state: SettingsSyncState | null }>;
  /** Saves the settings (unless undefined), then the state. */
  writeLocal(settings: Settings | undefined, state: SettingsSyncState): Promise<void>;
  sync: Pick<typeof syncedSettings, 'available' | 'read' | 'write'>;
}

export const browserSettingsSync: SettingsSyncPort = {
  async readLocal() {
    const [settings, state] = await storage.getItems([settingsItem.key, settingsSyncStateItem.key]);
    return { settings: settings?.value ?? null, state: (state?.value as SettingsSyncState | null) ?? null };
  },
  async writeLocal(settings, state) {
    // The settings first: if the worker stops in between, the next pass sees them as an edit made
    // here, with the same values, which changes nothing anywhere.
    if (settings) await settingsItem.setValue(settings);
    await settingsSyncStateItem.setValue(state);
  },
  sync: syncedSettings,
};

/** What one pass did. */
export interface SyncPass {
  /** Whether the settings here changed (merged from the sync copy). */
  local: boolean;
  /** What became of the copy in sync storage. */
  sync: 'written' | 'same' | 'unavailable' | 'nothing' | 'busy' | 'too-large';
}

const head = SYNC_KEYS.settingsHead;
const chunk = SYNC_KEYS.settingsChunk;

/** The whole copy the sync items hold, read defensively, or undefined while there is none (or only part of one). */
export function readSyncedCopy(items: Record<string, unknown>): SyncedSettings | undefined {
  const joined = joinChunks(items, head, chunk);
  if (!joined) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(joined.text);
  } catch {
    return undefined;
  }
  if (!isPlainObject(parsed) || parsed.gen !== joined.gen || !isPlainObject(parsed.settings) || !Array.isArray(parsed.settings.sites)) return undefined;
  return { settings: normaliseSettings(parsed.settings), edits: normaliseEdits(parsed.edits) };
}

/** The items that hold `copy` in sync storage, written as `gen`. */
export function syncedItems(copy: SyncedSettings, gen: string): ReturnType<typeof chunkText> {
  return chunkText(JSON.stringify({ gen, settings: copy.settings, edits: copy.edits }), gen, head, chunk);
}

/** A copy's content, sites' order aside: two devices that list the same sites differently hold the same settings. */
function contentOf(copy: SyncedSettings): string {
  const sites = [...copy.settings.sites].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return canonical({ settings: { ...copy.settings, sites }, edits: copy.edits });
}

const newGen = (now: number): string => `${now.toString(36)}-${Math.random().toString(36).slice(2, 8)}`;

/** One pass (see above). Never writes unless something differs. */
export async function syncSettingsOnce(port: SettingsSyncPort = browserSettingsSync, now = Date.now()): Promise<SyncPass> {
  // Settings saved on a page while a pass runs: read again, at most a few times; their own change runs a pass anyway.
  for (let attempt = 0; attempt < 3; attempt++) {
    const { settings: raw, state } = await port.readLocal();
    const stored = raw !== null && raw !== undefined;
    const current = normaliseSettings(raw);
    // Nothing stored (a fresh install, or just after "Delete everything"): nothing was edited here. Settings
    // never seen before (the first pass after an update, or after "Delete everything") are noted as edited now,
    // where they differ from a fresh install's.
    const before = normaliseEdits(state?.edits);
    const seen = state ? normaliseSettings(state.seen) : DEFAULT_SETTINGS;
    const edits = stored ? stampEdits(seen, current, before, now) : before;
    const editedHere = canonical(edits) !== canonical(before);
    const here: SyncedSettings = { settings: current, edits };
    const available = port.sync.available();
    const items = available ? await port.sync.read() : {};
    const there = readSyncedCopy(items);
    if (!stored && !there) return { local: false, sync: available ? 'nothing' : 'unavailable' };

    const merged = there ? mergeSynced(here, there) : here;
    const settingsChanged = !stored || JSON.stringify(merged.settings) !== JSON.stringify(current);
    const nextState: SettingsSyncState = { seen: merged.settings, edits: merged.edits };
    if (settingsChanged || canonical(state) !== canonical(nextState)) {
      if (canonical((await port.readLocal()).settings) !== canonical(raw)) continue;
      await port.writeLocal(settingsChanged ? merged.settings : undefined, nextState);
    }

    if (!available) return { local: settingsChanged, sync: 'unavailable' };
    if (there && contentOf(there) === contentOf(merged)) return { local: settingsChanged, sync: 'same' };
    // A copy that went ("Delete everything" here or on another device) is written again only for an edit made
    // here, or by a browser that never synced: never brought back as it was.
    if (!there && state && !editedHere) return { local: settingsChanged, sync: 'nothing' };
    const gen = newGen(now);
    const chunked = syncedItems(merged, gen);
    if (!chunked.ok) return { local: settingsChanged, sync: 'too-large' };
    // The settings may have gone ("Delete everything") or changed while this pass ran: then its copy is not theirs.
    const latest = (await port.readLocal()).settings;
    if (latest === null || latest === undefined || canonical(normaliseSettings(latest)) !== canonical(merged.settings)) continue;
    const had = readHead(items[head])?.chunks ?? 0;
    const has = readHead(chunked.items[head])!.chunks;
    await port.sync.write(chunked.items, staleChunkKeys(has, chunk).slice(0, Math.max(0, had - has)));
    return { local: settingsChanged, sync: 'written' };
  }
  return { local: false, sync: 'busy' };
}

/**
 * Runs `pass` now, and once more after it for any number of calls made while
 * it ran; keeps `gapMs` between passes that wrote to sync storage, within its
 * write limits.
 */
export function coalesced(pass: () => Promise<SyncPass>, gapMs = SYNC_WRITE_GAP_MS): () => void {
  let running = false;
  let again = false;
  let lastWrite = Number.NEGATIVE_INFINITY;
  let warned = false;
  const loop = async (): Promise<void> => {
    running = true;
    try {
      do {
        again = false;
        const wait = lastWrite + gapMs - Date.now();
        if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
        try {
          const result = await pass();
          if (result.sync === 'written') lastWrite = Date.now();
          if (result.sync === 'too-large' && !warned) {
            warned = true;
            console.warn('Pause Moment: the settings are too large for sync storage; they are kept in this browser only.');
          }
        } catch (error) {
          console.warn('Pause Moment: the settings could not be synced; they are kept in this browser.', error);
        }
      } while (again);
    } finally {
      running = false;
    }
  };
  return () => {
    if (running) again = true;
    else void loop();
  };
}

/**
 * For the background: a pass now, and on every change of the settings here or
 * of the copy in sync storage. Registers its listeners synchronously, so a
 * sleeping worker wakes for them.
 */
export function startSettingsSync(): void {
  const run = coalesced(() => syncSettingsOnce());
  settingsItem.watch(run);
  syncedSettings.watch(run);
  run();
}

/** Removes the copy in sync storage ("Delete everything"); nothing to do where there is none. */
export function clearSyncedSettings(): Promise<void> {
  return syncedSettings.clear();
}
