import { readLocal, watchLocal } from '../settings/local-reader';
import { normaliseSettings, type Settings } from '../settings/settings';
import { STORAGE_KEYS } from '../settings/storage-keys';
import { normaliseOpenTimes, type OpenTimes } from './open-time';
import { normaliseSnooze, type Snooze } from './snooze';

/** What decides whether a page pauses: the settings, the open times and the snooze. */
export interface PauseState {
  settings: Settings;
  openTimes: OpenTimes;
  /** The snooze the user chose in the popup, if any (it may be past its end: readers check the clock). */
  snooze?: Snooze;
}

/** The keys the pause state is read from. */
export const PAUSE_STATE_KEYS = [STORAGE_KEYS.settings, STORAGE_KEYS.openTimes, STORAGE_KEYS.snooze];

/** The settings, open times and snooze, read together in one storage call and normalised. */
export async function readPauseState(): Promise<PauseState> {
  return pauseStateFrom(await readLocal(PAUSE_STATE_KEYS));
}

/** The pause state in `stored`, values as local storage holds them under their keys, normalised. */
export function pauseStateFrom(stored: Partial<Record<string, unknown>>): PauseState {
  const snooze = normaliseSnooze(stored[STORAGE_KEYS.snooze]);
  return {
    settings: normaliseSettings(stored[STORAGE_KEYS.settings]),
    openTimes: normaliseOpenTimes(stored[STORAGE_KEYS.openTimes]),
    ...(snooze ? { snooze } : {}),
  };
}

/** Calls back whenever the settings, open times or snooze change, in any tab, until `signal` aborts. */
export function watchPauseState(callback: () => void, signal: AbortSignal): void {
  watchLocal(PAUSE_STATE_KEYS, callback, signal);
}
