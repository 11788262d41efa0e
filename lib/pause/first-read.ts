import { PAUSE_STATE_KEYS, pauseStateFrom, type PauseState } from './state';
import type { StorageKey } from '../settings/storage-keys';

/**
 * The pause page's storage read, begun by a small script at the top of
 * pause.html (entrypoints/pause-first-read.ts) while the page's own script
 * is still loading, and handed to that script once, when it starts.
 */
type RawRead = Promise<Partial<Record<StorageKey, unknown>>>;

const SLOT = '__pauseMomentPauseFirstRead';
type Slot = { [SLOT]?: RawRead };

/** Starts reading the pause state now, and keeps the read for `takePauseFirstRead`. */
export function startPauseFirstRead(readStored: (keys: readonly StorageKey[]) => RawRead): void {
  const read = readStored(PAUSE_STATE_KEYS);
  // Handled by whoever takes it; never an unhandled rejection meanwhile.
  read.catch(() => {});
  (globalThis as Slot)[SLOT] = read;
}

/** The pause state from the read `startPauseFirstRead` began, once; undefined if it never ran. */
export function takePauseFirstRead(): Promise<PauseState> | undefined {
  const slot = globalThis as Slot;
  const read = slot[SLOT];
  delete slot[SLOT];
  return read?.then(pauseStateFrom);
}
