import { beforeEach, describe, expect, it, vi } from 'vitest';
import { PAUSE_FIRST_READ_SLOT, startPauseFirstRead, takePauseFirstRead } from '@/lib/pause/first-read';
import { PAUSE_STATE_KEYS, pauseStateFrom } from '@/lib/pause/state';

describe('the pause page’s first read', () => {
  // Each test is a page of its own.
  beforeEach(() => {
    delete (globalThis as Record<string, unknown>)[PAUSE_FIRST_READ_SLOT];
  });

  it('reads the pause state’s keys at once and hands the normalised state over once', async () => {
    const stored = { settings: { sites: [] }, windows: { reddit: { openedAt: 1, until: 2 } } };
    const read = vi.fn(async () => stored);
    startPauseFirstRead(read);
    expect(read).toHaveBeenCalledWith(PAUSE_STATE_KEYS);
    await expect(takePauseFirstRead()).resolves.toEqual(pauseStateFrom(stored));
    expect(takePauseFirstRead()).toBeUndefined();
  });

  it('is nothing to take when it never started, so the page reads for itself, and then it never reads', () => {
    expect(takePauseFirstRead()).toBeUndefined();
    const late = vi.fn(async () => ({}));
    startPauseFirstRead(late);
    expect(late).not.toHaveBeenCalled();
  });

  it('hands a failed read over as a failure, never as an unhandled rejection meanwhile', async () => {
    startPauseFirstRead(() => Promise.reject(new Error('Extension context invalidated.')));
    await new Promise((r) => setTimeout(r, 0));
    await expect(takePauseFirstRead()).rejects.toThrow('Extension context invalidated.');
  });
});
