import { i18n } from '#i18n';
import { oneLine } from '../browser/text';
import type { OpenTime, OpenTimes } from '../settings/storage-registry';

export type { OpenTime, OpenTimes } from '../settings/storage-registry';

/** Longest intention kept, in characters: it is one line. */
export const INTENTION_MAX = 200;

/** Whether `w` lets the user in at `now`. */
export function isOpenNow(w: OpenTime | undefined, now: number): boolean {
  return !!w && typeof w.until === 'number' && now < w.until;
}

/** Milliseconds left in `w` at `now` (0 when closed). */
export function openTimeLeft(w: OpenTime | undefined, now: number): number {
  return w && isOpenNow(w, now) ? w.until - now : 0;
}

/** A one-line intention: trimmed, newlines folded, bounded. Empty means none. */
export function cleanIntention(text: unknown): string | undefined {
  if (typeof text !== 'string') return undefined;
  const line = oneLine(text, INTENTION_MAX);
  return line || undefined;
}

/** The open time a Continue of `minutes` at `now` opens. */
export function newOpenTime(minutes: number, now: number, intention?: string): OpenTime {
  const clean = cleanIntention(intention);
  return { openedAt: now, until: now + Math.round(minutes * 60_000), ...(clean ? { intention: clean } : {}) };
}

/** Reads open times from storage defensively: a malformed entry reads as no open time. */
export function normaliseOpenTimes(raw: unknown): OpenTimes {
  const out: OpenTimes = {};
  if (!raw || typeof raw !== 'object') return out;
  for (const [id, w] of Object.entries(raw as Record<string, unknown>)) {
    // Keys become properties of a plain object: never let one name its prototype.
    if (!w || typeof w !== 'object' || id === '__proto__' || id === 'constructor' || id === 'prototype') continue;
    const { openedAt, until, intention, endedAt } = w as OpenTime;
    if (typeof openedAt !== 'number' || typeof until !== 'number') continue;
    const clean = cleanIntention(intention);
    out[id] = { openedAt, until, ...(clean ? { intention: clean } : {}), ...(typeof endedAt === 'number' ? { endedAt } : {}) };
  }
  return out;
}

/** Alarm name for the end of a site's open time. */
export function openTimeAlarmName(siteId: string): string {
  return `window-end:${siteId}`;
}

/** The site id an alarm name refers to, if it is an open time alarm. */
export function siteIdOfAlarm(name: string): string | undefined {
  return name.startsWith('window-end:') ? name.slice('window-end:'.length) : undefined;
}

/** Human text for what is left, e.g. "12 min left" or "40 s left". */
export function formatRemaining(ms: number): string {
  if (ms <= 0) return i18n.t('popup.ended');
  if (ms < 60_000) return i18n.t('popup.secondsLeft', { seconds: Math.ceil(ms / 1000) });
  return i18n.t('popup.minutesLeft', { minutes: Math.ceil(ms / 60_000) });
}
