import type { PauseReason } from '../browser/messages';

/** What the content script tells the pause page through its URL. */
export interface PauseQuery {
  siteId: string;
  pauseId: string;
  reason: PauseReason;
  host: string;
  /** Epoch ms the pause first showed: the wait counts from here, so reloading the frame does not restart it. */
  shownAt: number;
  canGoBack: boolean;
}

/** Reads the pause page's query string; missing or odd values fall back to safe ones. */
export function readPauseQuery(search: string, now = Date.now()): PauseQuery {
  const q = new URLSearchParams(search);
  const shown = Number(q.get('shown'));
  return {
    siteId: q.get('site') ?? '',
    pauseId: q.get('pause') ?? '',
    reason: q.get('reason') === 'window-ended' ? 'window-ended' : 'arrived',
    host: q.get('host') ?? '',
    // A start time in the future would stretch the wait; clamp it to now.
    shownAt: Number.isFinite(shown) && shown > 0 ? Math.min(shown, now) : now,
    canGoBack: q.get('back') !== '0',
  };
}
