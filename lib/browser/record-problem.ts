/**
 * Why a stored or imported record is not valid, as data: the validators
 * (`reflectionProblem`, `pauseRecordProblem`, …) say what is wrong, and the
 * options page words it in the user's language (`lib/data/parse-import.ts`).
 * `problemText` gives the plain English for errors and scripts.
 */

/** A value seen where it does not belong: quoted when short and plain, else only its kind. */
export type SeenValue = string | { kind: 'list' | 'object' | 'other' };

export type RecordProblem =
  | { code: 'notObject' }
  /** A validator threw on the value (nested too deeply). */
  | { code: 'unreadable' }
  /** `found` is absent when the version is only known to be wrong. */
  | { code: 'version'; expected: readonly number[]; found?: SeenValue }
  | { code: 'notSnooze' }
  | { code: 'missing'; field: string }
  | { code: 'noValid'; field: string; time?: true }
  | { code: 'invalid'; field: string; time?: true }
  | { code: 'unknown'; field: string; found?: SeenValue }
  | { code: 'tooLong'; field: string; max: number };

/** Fields named in the plural (or as a mark) rather than with "an". */
export const PLURAL_FIELDS: readonly string[] = ['tags', 'windowMinutes'];
export const MARK_FIELDS: readonly string[] = ['noted'];

/** A short, safe description of any value for a problem: never the whole value, never a throw. */
export function seenValue(value: unknown, clip: (text: string) => string): SeenValue {
  if (typeof value === 'string') return JSON.stringify(clip(value));
  if (typeof value === 'number' || typeof value === 'boolean' || value == null) return String(value);
  if (Array.isArray(value)) return { kind: 'list' };
  return { kind: typeof value === 'object' ? 'object' : 'other' };
}

const seenText = (seen: SeenValue): string =>
  typeof seen === 'string' ? seen : seen.kind === 'list' ? '(a list)' : seen.kind === 'object' ? '(an object)' : '(a value)';

/** The problem in plain English, after the record's name: "has no valid createdAt time". */
export function problemText(p: RecordProblem): string {
  switch (p.code) {
    case 'notObject':
      return 'is not an object';
    case 'unreadable':
      return 'could not be read';
    case 'version':
      return p.found === undefined
        ? `has an unknown schema version, expected ${p.expected.join(' or ')}`
        : `has schema version ${seenText(p.found)}, expected ${p.expected.join(' or ')}`;
    case 'notSnooze':
      return 'is not a snooze of schema version 2';
    case 'missing':
      return `has no ${p.field}`;
    case 'noValid':
      return `has no valid ${p.field}${p.time ? ' time' : ''}`;
    case 'invalid':
      if (PLURAL_FIELDS.includes(p.field)) return `has invalid ${p.field}`;
      return `has an invalid ${p.field}${p.time ? ' time' : MARK_FIELDS.includes(p.field) ? ' mark' : ''}`;
    case 'unknown':
      return `has an unknown ${p.field}${p.found === undefined ? '' : ` ${seenText(p.found)}`}`;
    case 'tooLong':
      return `has ${p.field} longer than ${p.max} characters`;
  }
}
