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
}

/** Off: the pause does not ask. Optional: it asks. Required: Continue waits for an answer. */
export type IntentionMode = 'off' | 'optional' | 'required';

export const INTENTION_MODES: readonly IntentionMode[] = ['off', 'optional', 'required'];

/** The question a pause asks unless the user wrote their own. */
export const DEFAULT_QUESTION = 'Is this really my choice?';

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
  return {
    ...(exceptions.length ? { exceptions } : {}),
    ...(intention ? { intention } : {}),
    ...(questions.length ? { questions } : {}),
  };
}
