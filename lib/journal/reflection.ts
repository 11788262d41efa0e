import { seenValue, type RecordProblem } from '../browser/record-problem';
import { clipWhole, clipWithEllipsis } from '../browser/text';

/** The schema version written on every reflection. */
export const REFLECTION_VERSION = 1;
/** Longest reflection kept, in characters: a journal entry, not a document. */
export const REFLECTION_MAX = 10_000;
/** Most tags on one reflection. */
export const TAGS_MAX = 20;

/** How the writer felt, if they said. */
export const MOODS = ['calm', 'clear', 'unsure', 'tense', 'tired'] as const;
export type Mood = (typeof MOODS)[number];

/** Where a reflection was written. */
export type ReflectionSource =
  | { kind: 'popup' }
  | { kind: 'site-pause'; siteId: string; siteLabel: string; pauseId: string }
  /** A check-in while scrolling, inside the open time on the site that began at `openedAt`. */
  | { kind: 'check-in'; siteId: string; siteLabel: string; openedAt: number }
  | { kind: 'meeting'; platform: string; moment: 'before' | 'during' | 'after'; meetingId?: string };

/** One journal entry, as stored in the extension's own IndexedDB. */
export interface Reflection {
  v: typeof REFLECTION_VERSION;
  /** Time-sortable, made by the writer, so a retried write never duplicates. */
  id: string;
  createdAt: number;
  updatedAt: number;
  text: string;
  /** Lowercase, without '#', unique, e.g. ["boundary", "mychoice"]. */
  tags: string[];
  mood?: Mood;
  /** The prompt it answered, if any. */
  prompt?: string;
  source: ReflectionSource;
}

/** Letters with their marks (Hindi, Thai, accents), digits, _ and -. */
const TAG_CHARS = '[\\p{L}\\p{M}\\p{N}_-]';
/** A #tag stands after a space or the start, not inside a word or a URL (x.com/#top), and is at most 40 characters. */
const TAG_PATTERN = new RegExp(`(^|[^\\p{L}\\p{M}\\p{N}_&/])#(${TAG_CHARS}{1,40})(?!${TAG_CHARS})`, 'gu');
const VALID_TAG = new RegExp(`^${TAG_CHARS}{1,40}$`, 'u');

/** Tags written in the text as #words, lowercased and unique, in order of first use. */
export function tagsInText(text: string): string[] {
  const tags: string[] = [];
  for (const match of text.normalize('NFC').matchAll(TAG_PATTERN)) {
    // Lowercasing can add marks (Turkish İ becomes i + dot); compose them back.
    const tag = match[2]!.toLowerCase().normalize('NFC');
    if (!VALID_TAG.test(tag)) continue;
    if (!tags.includes(tag)) tags.push(tag);
    if (tags.length >= TAGS_MAX) break;
  }
  return tags;
}

/** A piece of a reflection's text: words as written, or one of its #tags as written with `tag` its stored form. */
export interface TextPiece {
  text: string;
  tag?: string;
}

/**
 * The text in pieces, each of its #tags listed in `tags` a piece of its own,
 * so a list can show a tag once, where it was written, and let it be
 * clicked. Joined, the pieces give back the text unchanged.
 */
export function textWithTags(text: string, tags: readonly string[]): TextPiece[] {
  const pieces: TextPiece[] = [];
  let from = 0;
  for (const match of text.matchAll(TAG_PATTERN)) {
    const tag = match[2]!.toLowerCase().normalize('NFC');
    if (!tags.includes(tag)) continue;
    const at = match.index + match[1]!.length;
    if (at > from) pieces.push({ text: text.slice(from, at) });
    from = at + 1 + match[2]!.length;
    pieces.push({ text: text.slice(at, from), tag });
  }
  if (from < text.length) pieces.push({ text: text.slice(from) });
  return pieces;
}

/** The stored value as a reflection, or undefined when it is not a valid one stored under its own id (`key`). */
export function storedReflection(key: IDBValidKey, value: unknown): Reflection | undefined {
  if (reflectionProblem(value) !== undefined) return undefined;
  const r = value as Reflection;
  return r.id === key ? r : undefined;
}

/** Why a value is not a reflection, or undefined when it is one. Used on every import and every read of old data. */
export function reflectionProblem(value: unknown): RecordProblem | undefined {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return { code: 'notObject' };
  const r = value as Partial<Reflection>;
  if (r.v !== REFLECTION_VERSION) return { code: 'version', expected: [REFLECTION_VERSION], found: seen(r.v) };
  if (typeof r.id !== 'string' || !/^[0-9a-z]{9}-[0-9a-z]{8}$/.test(r.id)) return { code: 'noValid', field: 'id' };
  if (!isTime(r.createdAt)) return { code: 'noValid', field: 'createdAt', time: true };
  if (!isTime(r.updatedAt)) return { code: 'noValid', field: 'updatedAt', time: true };
  if (typeof r.text !== 'string') return { code: 'missing', field: 'text' };
  if (r.text.length > REFLECTION_MAX) return { code: 'tooLong', field: 'text', max: REFLECTION_MAX };
  if (
    !Array.isArray(r.tags) ||
    r.tags.length > TAGS_MAX ||
    new Set(r.tags).size !== r.tags.length ||
    !r.tags.every((t) => typeof t === 'string' && VALID_TAG.test(t) && t === t.toLowerCase())
  ) {
    return { code: 'invalid', field: 'tags' };
  }
  if (r.mood !== undefined && !MOODS.includes(r.mood)) return { code: 'unknown', field: 'mood', found: seen(r.mood) };
  if (r.prompt !== undefined && (typeof r.prompt !== 'string' || r.prompt.length > 500)) return { code: 'invalid', field: 'prompt' };
  if (!sourceIsValid(r.source)) return { code: 'invalid', field: 'source' };
  return undefined;
}

const seen = (value: unknown) => seenValue(value, (text) => clipWithEllipsis(text, 21));

function isTime(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 && value < 8.64e15;
}

function sourceIsValid(source: unknown): source is ReflectionSource {
  if (!source || typeof source !== 'object') return false;
  const s = source as Record<string, unknown>;
  const shortString = (v: unknown): boolean => typeof v === 'string' && v.length <= 300;
  switch (s.kind) {
    case 'popup':
      return true;
    case 'site-pause':
      return shortString(s.siteId) && shortString(s.siteLabel) && shortString(s.pauseId);
    case 'check-in':
      return shortString(s.siteId) && shortString(s.siteLabel) && isTime(s.openedAt);
    case 'meeting':
      return shortString(s.platform) && ['before', 'during', 'after'].includes(s.moment as string) && (s.meetingId === undefined || shortString(s.meetingId));
    default:
      return false;
  }
}

/**
 * A fresh copy of a valid reflection holding only the known fields in one
 * fixed key order, absent optional fields left out. Export writes it, import
 * keeps it: unknown keys (`__proto__` included) never travel on, and the same
 * data always serialises to the same bytes.
 */
export function canonicalReflection(r: Reflection): Reflection {
  return {
    v: r.v,
    id: r.id,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    text: r.text,
    tags: [...r.tags],
    ...(r.mood !== undefined ? { mood: r.mood } : {}),
    ...(r.prompt !== undefined ? { prompt: r.prompt } : {}),
    source: canonicalSource(r.source),
  };
}

function canonicalSource(s: ReflectionSource): ReflectionSource {
  switch (s.kind) {
    case 'popup':
      return { kind: 'popup' };
    case 'site-pause':
      return { kind: 'site-pause', siteId: s.siteId, siteLabel: s.siteLabel, pauseId: s.pauseId };
    case 'check-in':
      return { kind: 'check-in', siteId: s.siteId, siteLabel: s.siteLabel, openedAt: s.openedAt };
    case 'meeting':
      return {
        kind: 'meeting',
        platform: s.platform,
        moment: s.moment,
        ...(s.meetingId !== undefined ? { meetingId: s.meetingId } : {}),
      };
  }
}

/** A new reflection, with tags taken from the text. */
export function newReflection(
  id: string,
  now: number,
  text: string,
  source: ReflectionSource,
  extra: { prompt?: string; mood?: Mood } = {},
): Reflection {
  const clean = clipWhole(text.trim(), REFLECTION_MAX);
  return {
    v: REFLECTION_VERSION,
    id,
    createdAt: now,
    updatedAt: now,
    text: clean,
    tags: tagsInText(clean),
    source,
    ...(extra.prompt ? { prompt: clipWhole(extra.prompt, 500) } : {}),
    ...(extra.mood ? { mood: extra.mood } : {}),
  };
}

/** The same reflection with new text (tags follow the text). */
export function editedReflection(r: Reflection, text: string, now: number): Reflection {
  const clean = clipWhole(text.trim(), REFLECTION_MAX);
  return { ...r, text: clean, tags: tagsInText(clean), updatedAt: Math.max(now, r.updatedAt) };
}
