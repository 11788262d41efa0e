import { PAUSE_STATE_KEYS, pauseStateFrom, type PauseState } from './state';
import type { StorageKey } from '../settings/storage-keys';
import { handover } from '../browser/handover';

/**
 * The pause page's storage read, begun by a small script at the top of
 * pause.html (entrypoints/pause-first-read.ts) while the page's own script
 * is still loading, and handed to that script once, when it starts.
 */
type RawRead = Promise<Partial<Record<StorageKey, unknown>>>;

/** The slot on the page's global object the read is handed over in. */
export const PAUSE_FIRST_READ_SLOT = '__pauseMomentPauseFirstRead';
const slot = handover<RawRead>(PAUSE_FIRST_READ_SLOT);

/** Starts reading the pause state now, and keeps the read for `takePauseFirstRead` (unless the page has read for itself already). */
export function startPauseFirstRead(readStored: (keys: readonly StorageKey[]) => RawRead): void {
  slot.give(() => {
    const read = readStored(PAUSE_STATE_KEYS);
    // Handled by whoever takes it; never an unhandled rejection meanwhile.
    read.catch(() => {});
    return read;
  });
}

/** The pause state from the read `startPauseFirstRead` began, once; undefined if it had not run, and then it never reads. */
export function takePauseFirstRead(): Promise<PauseState> | undefined {
  return slot.take()?.then(pauseStateFrom);
}
