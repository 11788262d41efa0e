import { isTimeSortableId } from '../browser/ids';
import type { RecordProblem } from '../browser/record-problem';
import type { PauseReason } from '../browser/messages';
import { isSnoozeRecord, type PauseChoice, type PauseLogEntry, type PauseRecord, type SnoozeRecord } from './log';
import { isSnoozeLength } from './snooze';
import { INTENTION_MAX } from './open-time';

const REASONS: readonly PauseReason[] = ['arrived', 'window-ended'];
const CHOICES: readonly PauseChoice[] = ['leave', 'continue', 'none'];
/** Bounds generous enough for any record the extension writes, tight enough that a hostile file cannot store megabytes in one field. */
const NAME_MAX = 4000;
const HOST_MAX = 300;
const WAIT_MAX_SECONDS = 3600;
const OPEN_MAX_MINUTES = 7 * 24 * 60;

function isTime(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 && value < 8.64e15;
}

const isBoundedString = (value: unknown, max: number): value is string => typeof value === 'string' && value.length <= max;
const isNumberIn = (value: unknown, min: number, max: number): value is number =>
  typeof value === 'number' && Number.isFinite(value) && value >= min && value <= max;

/**
 * Why a value is not a pause record, or undefined when it is one. Used on
 * import and export. It never recurses into the value and never quotes it,
 * so a deeply nested or huge value costs nothing to reject.
 */
export function pauseRecordProblem(value: unknown): RecordProblem | undefined {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return { code: 'notObject' };
  const p = value as Record<string, unknown>;
  if (p.v !== 1 && p.v !== 2) return { code: 'version', expected: [1, 2] };
  if (!isTimeSortableId(p.id)) return { code: 'noValid', field: 'id' };
  if (!isBoundedString(p.siteId, NAME_MAX) || p.siteId === '') return { code: 'noValid', field: 'siteId' };
  if (!isBoundedString(p.siteLabel, NAME_MAX)) return { code: 'noValid', field: 'siteLabel' };
  if (!isBoundedString(p.host, HOST_MAX)) return { code: 'noValid', field: 'host' };
  if (!isTime(p.shownAt)) return { code: 'noValid', field: 'shownAt', time: true };
  if (!REASONS.includes(p.reason as PauseReason)) return { code: 'unknown', field: 'reason' };
  if (!isNumberIn(p.waitSeconds, 0, WAIT_MAX_SECONDS)) return { code: 'noValid', field: 'waitSeconds' };
  // A version 2 record is a page a snooze let in; version 1, a pause that showed.
  if (p.v === 2 ? p.choice !== 'skipped' : !CHOICES.includes(p.choice as PauseChoice)) return { code: 'unknown', field: 'choice' };
  if (p.v === 2 ? !isBoundedString(p.snoozeId, NAME_MAX) || p.snoozeId === '' : p.snoozeId !== undefined) return { code: 'invalid', field: 'snoozeId' };
  if (p.decidedAt !== undefined && !isTime(p.decidedAt)) return { code: 'invalid', field: 'decidedAt', time: true };
  if (p.windowMinutes !== undefined && !isNumberIn(p.windowMinutes, 0, OPEN_MAX_MINUTES)) return { code: 'invalid', field: 'windowMinutes' };
  if (p.intention !== undefined && !isBoundedString(p.intention, INTENTION_MAX)) return { code: 'invalid', field: 'intention' };
  if (p.noted !== undefined && p.noted !== true) return { code: 'invalid', field: 'noted' };
  return undefined;
}

/**
 * A fresh copy of a valid record holding only the known fields, in one fixed
 * key order, with absent optional fields left out: what export writes and
 * import keeps (so unknown keys, `__proto__` included, never travel on).
 */
export function canonicalPauseRecord(p: PauseRecord): PauseRecord {
  return {
    v: p.v === 2 ? 2 : 1,
    id: p.id,
    siteId: p.siteId,
    siteLabel: p.siteLabel,
    host: p.host,
    shownAt: p.shownAt,
    reason: p.reason,
    waitSeconds: p.waitSeconds,
    choice: p.choice,
    ...(p.decidedAt !== undefined ? { decidedAt: p.decidedAt } : {}),
    ...(p.windowMinutes !== undefined ? { windowMinutes: p.windowMinutes } : {}),
    ...(p.intention !== undefined ? { intention: p.intention } : {}),
    ...(p.snoozeId !== undefined ? { snoozeId: p.snoozeId } : {}),
    ...(p.noted ? { noted: true } : {}),
  };
}

/** Why a value is not a snooze of the pause history, or undefined when it is one; as `pauseRecordProblem`. */
export function snoozeRecordProblem(value: unknown): RecordProblem | undefined {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return { code: 'notObject' };
  const p = value as Record<string, unknown>;
  if (p.v !== 2 || p.kind !== 'snooze') return { code: 'notSnooze' };
  if (!isTimeSortableId(p.id)) return { code: 'noValid', field: 'id' };
  if (!isTime(p.startedAt)) return { code: 'noValid', field: 'startedAt', time: true };
  if (!isTime(p.until) || p.until < p.startedAt) return { code: 'noValid', field: 'until', time: true };
  if (typeof p.length !== 'string' || !isSnoozeLength(p.length)) return { code: 'unknown', field: 'length' };
  if (p.siteId !== undefined && (!isBoundedString(p.siteId, NAME_MAX) || p.siteId === '')) return { code: 'invalid', field: 'siteId' };
  if ((p.siteLabel === undefined) !== (p.siteId === undefined) || (p.siteLabel !== undefined && !isBoundedString(p.siteLabel, NAME_MAX))) return { code: 'invalid', field: 'siteLabel' };
  if (p.endedEarlyAt !== undefined && !isTime(p.endedEarlyAt)) return { code: 'invalid', field: 'endedEarlyAt', time: true };
  return undefined;
}

/** A fresh copy of a valid snooze holding only the known fields, in one fixed key order; as `canonicalPauseRecord`. */
export function canonicalSnoozeRecord(p: SnoozeRecord): SnoozeRecord {
  return {
    v: 2,
    kind: 'snooze',
    id: p.id,
    startedAt: p.startedAt,
    until: p.until,
    length: p.length,
    ...(p.siteId !== undefined ? { siteId: p.siteId, siteLabel: p.siteLabel } : {}),
    ...(p.endedEarlyAt !== undefined ? { endedEarlyAt: p.endedEarlyAt } : {}),
  };
}

/** Why a value is not an entry of the pause history (a pause, or a snooze when it says so), or undefined. */
export function pauseLogEntryProblem(value: unknown): RecordProblem | undefined {
  const isSnooze = !!value && typeof value === 'object' && (value as { kind?: unknown }).kind === 'snooze';
  return isSnooze ? snoozeRecordProblem(value) : pauseRecordProblem(value);
}

/** The canonical copy of a valid entry of the pause history. */
export function canonicalPauseLogEntry(entry: PauseLogEntry): PauseLogEntry {
  return isSnoozeRecord(entry) ? canonicalSnoozeRecord(entry) : canonicalPauseRecord(entry);
}

/** When an entry of the history happened: a pause when it showed (or would have), a snooze when it began. */
export function entryTime(entry: PauseLogEntry): number {
  return isSnoozeRecord(entry) ? entry.startedAt : entry.shownAt;
}
