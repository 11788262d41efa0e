import type { Reflection } from './reflection';

/**
 * The words a journal search works with. A reflection's words are those of
 * its text and prompt, plus each tag twice: as words ("self", "care" for
 * #self-care) and whole with its "#" ("#self-care"). A query's words are
 * found the same way, except that a term written "#tag" stays whole. A
 * reflection matches a query when every query word begins one of its words:
 * "bound" finds "boundary", "#bound" finds the tag #boundary.
 *
 * Every word is folded (lowercased, accents removed), so "Límites" and
 * "LIMITES" are the same word.
 */

/** Anything that is not a letter or a digit separates words. */
const SEPARATOR = /[^\p{L}\p{N}]+/u;

/** Lowercased, decomposed, combining marks stripped: "Límites" and "LIMITES" fold alike. */
export function fold(text: string): string {
  return text.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '');
}

function splitWords(folded: string, into: Set<string>): void {
  for (const word of folded.split(SEPARATOR)) if (word) into.add(word);
}

/** The folded words of a reflection: its text, its prompt, and its tags (as words and as "#tag"). */
export function reflectionWords(r: Pick<Reflection, 'text' | 'prompt' | 'tags'>): Set<string> {
  const words = new Set<string>();
  splitWords(fold(r.text), words);
  if (r.prompt) splitWords(fold(r.prompt), words);
  for (const tag of r.tags) {
    const folded = fold(tag);
    words.add(`#${folded}`);
    splitWords(folded, words);
  }
  return words;
}

/**
 * The folded words of a query, without repeats. A term starting with "#"
 * stays one word with its "#" (a tag, or the start of one); any other term is
 * split like a reflection's text, so "don't" looks for "don" and "t".
 */
export function queryWords(query: string): string[] {
  const words = new Set<string>();
  for (const term of fold(query).split(/\s+/)) {
    const tag = /^#+(.+)$/u.exec(term);
    if (tag) {
      const rest = tag[1]!.replace(/^[^\p{L}\p{N}_-]+|[^\p{L}\p{N}_-]+$/gu, '');
      if (rest) words.add(`#${rest}`);
    } else splitWords(term, words);
  }
  return [...words];
}

/** Whether every query word begins one of `words`. */
export function hasEveryWord(words: ReadonlySet<string>, wanted: readonly string[]): boolean {
  return wanted.every((q) => {
    if (words.has(q)) return true;
    for (const w of words) if (w.startsWith(q)) return true;
    return false;
  });
}
