import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fold, hasEveryWord, queryWords, reflectionWords } from '@/lib/journal/search-words';

describe('fold', () => {
  it('lowercases and drops accents', () => {
    expect(fold('Límites ZOË Ça')).toBe('limites zoe ca');
  });
});

describe('reflectionWords', () => {
  it('holds the words of the text and the prompt, folded, without punctuation', () => {
    const words = reflectionWords({ text: "I said YES, then: didn't.", prompt: 'Whose plan is this — really?', tags: [] });
    expect([...words].sort()).toEqual(['didn', 'i', 'is', 'plan', 'really', 'said', 't', 'then', 'this', 'whose', 'yes']);
  });

  it('holds each tag whole with its "#", and as words', () => {
    const words = reflectionWords({ text: 'Kept it short #self-care', tags: ['self-care', 'límites'] });
    expect(words).toContain('#self-care');
    expect(words).toContain('#limites');
    expect(words).toContain('self');
    expect(words).toContain('care');
    expect(words).toContain('limites');
  });

  it('keeps words in any script', () => {
    expect([...reflectionWords({ text: 'Тишина 今日は 123', tags: [] })]).toEqual(['тишина', '今日は', '123']);
  });
});

describe('queryWords', () => {
  it('splits terms like text, folds them and drops repeats', () => {
    expect(queryWords("  Don't  DON LÍMITES ")).toEqual(['don', 't', 'limites']);
  });

  it('keeps a "#" term whole, without trailing punctuation', () => {
    expect(queryWords('#Self-Care, #boundary!')).toEqual(['#self-care', '#boundary']);
  });

  it('has nothing for punctuation alone or a bare "#"', () => {
    expect(queryWords(' ... # !! ')).toEqual([]);
  });
});

describe('hasEveryWord', () => {
  const words = reflectionWords({ text: 'Said no to the late meeting #boundary', tags: ['boundary'] });

  it('needs every query word to begin one of the words', () => {
    expect(hasEveryWord(words, queryWords('meet late'))).toBe(true);
    expect(hasEveryWord(words, queryWords('#bound'))).toBe(true);
    expect(hasEveryWord(words, queryWords('bound'))).toBe(true);
    expect(hasEveryWord(words, queryWords('eeting'))).toBe(false);
    expect(hasEveryWord(words, queryWords('meet holiday'))).toBe(false);
    expect(hasEveryWord(words, queryWords('#late'))).toBe(false);
  });

  it('finds every reflection by any of its own words, in any case', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (text) => {
        const words = reflectionWords({ text, tags: [] });
        for (const w of words) expect(hasEveryWord(words, queryWords(w.toUpperCase()))).toBe(true);
      }),
    );
  });
});
