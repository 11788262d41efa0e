import { oneLine } from '../browser/text';

/**
 * A time the user chose to spend on a site after a pause. It covers the whole
 * site in every tab and is measured in wall-clock time, so it ends on time
 * even if the background slept or the laptop was closed in between.
 */
export interface SiteWindow {
  /** Epoch ms when the user chose Continue. */
  openedAt: number;
  /** Epoch ms when the window ends. */
  until: number;
  /** What the user said they came for, shown back when the window ends. */
  intention?: string;
  /** Set by the background's alarm when the window ended, so every open tab hears of it. */
  endedAt?: number;
}

/** Windows by trigger site id. An ended window is kept so its intention can be shown back. */
export type SiteWindows = Record<string, SiteWindow>;

/** Longest intention kept, in characters: it is one line. */
export const INTENTION_MAX = 200;

/** Whether `w` lets the user in at `now`. */
export function isWindowOpen(w: SiteWindow | undefined, now: number): boolean {
  return !!w && typeof w.until === 'number' && now < w.until;
}

/** Milliseconds left in `w` at `now` (0 when closed). */
export function windowRemaining(w: SiteWindow | undefined, now: number): number {
  return w && isWindowOpen(w, now) ? w.until - now : 0;
}

/** A one-line intention: trimmed, newlines folded, bounded. Empty means none. */
export function cleanIntention(text: unknown): string | undefined {
  if (typeof text !== 'string') return undefined;
  const line = oneLine(text, INTENTION_MAX);
  return line || undefined;
}

/** The window a Continue of `minutes` at `now` opens. */
export function newWindow(minutes: number, now: number, intention?: string): SiteWindow {
  const clean = cleanIntention(intention);
  return { openedAt: now, until: now + Math.round(minutes * 60_000), ...(clean ? { intention: clean } : {}) };
}

/** Reads windows from storage defensively: a malformed entry reads as no window. */
export function normaliseWindows(raw: unknown): SiteWindows {
  const out: SiteWindows = {};
  if (!raw || typeof raw !== 'object') return out;
  for (const [id, w] of Object.entries(raw as Record<string, unknown>)) {
    // Keys become properties of a plain object: never let one name its prototype.
    if (!w || typeof w !== 'object' || id === '__proto__' || id === 'constructor' || id === 'prototype') continue;
    const { openedAt, until, intention, endedAt } = w as SiteWindow;
    if (typeof openedAt !== 'number' || typeof until !== 'number') continue;
    const clean = cleanIntention(intention);
    out[id] = { openedAt, until, ...(clean ? { intention: clean } : {}), ...(typeof endedAt === 'number' ? { endedAt } : {}) };
  }
  return out;
}

/** Alarm name for the end of a site's window. */
export function windowAlarmName(siteId: string): string {
  return `window-end:${siteId}`;
}

/** The site id an alarm name refers to, if it is a window alarm. */
export function siteIdOfAlarm(name: string): string | undefined {
  return name.startsWith('window-end:') ? name.slice('window-end:'.length) : undefined;
}

/** Human text for what is left, e.g. "12 min left" or "40 s left". */
export function formatRemaining(ms: number): string {
  if (ms <= 0) return 'ended';
  if (ms < 60_000) return `${Math.ceil(ms / 1000)} s left`;
  return `${Math.ceil(ms / 60_000)} min left`;
}
