import type { PauseStyle } from '../browser/messages';

/**
 * A feed site's own options beyond its wait and usual time: the paths it
 * leaves out, whether the pause asks what the user came for, and the question
 * it asks. Every field is optional and absent means the default, so settings
 * stored before these options existed read unchanged.
 */
export interface SiteOptions {
  /** Paths of the site that never pause, as `parseSite` reads them, e.g. "x.com/messages". */
  exceptions?: string[];
  /** Whether the pause asks what the user came for; absent means 'optional'. */
  intention?: IntentionMode;
  /** The user's own questions; one is asked per pause. Absent means the default question. */
  questions?: string[];
  /** Whether a check-in shows while scrolling inside an open time. Absent: on for a feed preset, off for a site the user typed. */
  checkIn?: boolean;
  /** Screens of scrolling between check-ins. Absent means `CHECK_IN.screens.default`. */
  checkInScreens?: number;
  /** Minutes on the page, while it is in view, between check-ins. Absent means `CHECK_IN.minutes.default`. */
  checkInMinutes?: number;
  /** The pause styles shown in turn (`pause/pause-style.ts`). Absent means the question and a breath alone. */
  pauseStyles?: PauseStyle[];
}

/** Every pause style, in the order they take turns. */
export const PAUSE_STYLES: readonly PauseStyle[] = ['question', 'intention-first', 'words', 'long-breath'];

/** The styles a site shows, in turn order: those stored, or the question alone. */
export function stylesOf(raw: unknown): PauseStyle[] {
  const styles = Array.isArray(raw) ? PAUSE_STYLES.filter((s) => raw.includes(s)) : [];
  return styles.length ? styles : ['question'];
}

/** Bounds and defaults of the check-in while scrolling: every so many screens, or every so many minutes in view. */
export const CHECK_IN = { screens: { min: 1, max: 200, default: 10 }, minutes: { min: 1, max: 240, default: 10 } } as const;

/** A whole number within `bounds` that differs from its default, or undefined (the default). */
function wholeOrDefault(raw: unknown, bounds: { min: number; max: number; default: number }): number | undefined {
  return Number.isInteger(raw) && (raw as number) >= bounds.min && (raw as number) <= bounds.max && raw !== bounds.default ? (raw as number) : undefined;
}

/** Off: the pause does not ask. Optional: it asks. Required: Continue waits for an answer. */
export type IntentionMode = 'off' | 'optional' | 'required';

export const INTENTION_MODES: readonly IntentionMode[] = ['off', 'optional', 'required'];


/** How many questions a site keeps, and how long each may be. */
export const QUESTIONS = { max: 5, length: 120 } as const;

/** How many exceptions a site keeps, and how long each may be (as long as a site). */
export const EXCEPTIONS = { max: 20, length: 2000 } as const;

/** Trimmed, non-empty, unique strings, each at most `length` long, at most `max` of them. */
function textList(raw: unknown, max: number, length: number): string[] {
  if (!Array.isArray(raw)) return [];
  const out: string[] = [];
  for (const item of raw) {
    if (typeof item !== 'string') continue;
    const text = item.replace(/\s+/g, ' ').trim().slice(0, length).trim();
    if (text && !out.includes(text) && out.push(text) >= max) break;
  }
  return out;
}

/** The questions a person typed, one per line, as they are kept. */
export function questionsFromLines(text: string): string[] {
  return textList(text.split('\n'), QUESTIONS.max, QUESTIONS.length);
}

/**
 * Reads a site's options from whatever storage holds, keeping only fields
 * that differ from the default. Exceptions are kept as text here: the sites
 * folder parses them, and one that cannot be read matches nothing.
 */
export function normaliseSiteOptions(raw: Partial<Record<keyof SiteOptions, unknown>>): SiteOptions {
  const exceptions = textList(raw.exceptions, EXCEPTIONS.max, EXCEPTIONS.length).filter((e) => !/\s/.test(e));
  const questions = textList(raw.questions, QUESTIONS.max, QUESTIONS.length);
  const intention = INTENTION_MODES.find((m) => m !== 'optional' && m === raw.intention);
  const checkInScreens = wholeOrDefault(raw.checkInScreens, CHECK_IN.screens);
  const checkInMinutes = wholeOrDefault(raw.checkInMinutes, CHECK_IN.minutes);
  const pauseStyles = stylesOf(raw.pauseStyles);
  return {
    ...(exceptions.length ? { exceptions } : {}),
    ...(intention ? { intention } : {}),
    ...(questions.length ? { questions } : {}),
    ...(typeof raw.checkIn === 'boolean' ? { checkIn: raw.checkIn } : {}),
    ...(checkInScreens ? { checkInScreens } : {}),
    ...(checkInMinutes ? { checkInMinutes } : {}),
    ...(pauseStyles.join() !== 'question' ? { pauseStyles } : {}),
  };
}
