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
  /**
   * A preview of the pause (the welcome tour shows one): it records nothing
   * and sends nothing, and Leave and Continue only say what they would do.
   */
  preview?: boolean;
  /**
   * The page's address, when the pause page was loaded before the guard had
   * read storage (the site was expected to pause, lib/pause/expected-pause.ts):
   * `siteId` and `reason` are then still to be found (expected-pause-query.ts).
   */
  page?: string;
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
    ...(q.get('preview') === '1' ? { preview: true } : {}),
    ...(q.get('page') ? { page: q.get('page')! } : {}),
  };
}

/**
 * Query parameters for a preview of the pause on `host`: a pause that
 * records and sends nothing. `siteId`, when given, is a chosen site whose wait
 * the preview uses.
 */
export function previewParams(p: { siteId?: string; host: string; shownAt: number }): URLSearchParams {
  return new URLSearchParams({ site: p.siteId ?? '', pause: '', reason: 'arrived', host: p.host, shown: String(p.shownAt), back: '0', preview: '1' });
}
