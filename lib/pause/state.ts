import { readLocal, watchLocal } from '../settings/local-reader';
import { normaliseSettings, type Settings } from '../settings/settings';
import { STORAGE_KEYS } from '../settings/storage-keys';
import { normaliseOpenTimes, type OpenTimes } from './open-time';

/** What decides whether a page pauses: the settings and the open times. */
export interface PauseState {
  settings: Settings;
  openTimes: OpenTimes;
}

const KEYS = [STORAGE_KEYS.settings, STORAGE_KEYS.openTimes];

/** The settings and open times, read together in one storage call and normalised. */
export async function readPauseState(): Promise<PauseState> {
  const stored = await readLocal(KEYS);
  return { settings: normaliseSettings(stored[STORAGE_KEYS.settings]), openTimes: normaliseOpenTimes(stored[STORAGE_KEYS.openTimes]) };
}

/** Calls back whenever the settings or open times change, in any tab, until `signal` aborts. */
export function watchPauseState(callback: () => void, signal: AbortSignal): void {
  watchLocal(KEYS, callback, signal);
}
