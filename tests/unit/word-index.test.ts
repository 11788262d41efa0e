import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { reflectionWords } from '@/lib/journal/search-words';
import { blockOf, canLookUp, indexedWords, isIndexedWord } from '@/lib/journal/word-index';

describe('what the word index files', () => {
  it('leaves out short words and function words, never tags', () => {
    const words = indexedWords({ text: 'I went to the lighthouse with Anna über alles #to #the', tags: ['to', 'the'] });
    expect([...words].sort()).toEqual(['#the', '#to', 'alles', 'anna', 'lighthouse', 'went']);
  });

  it('files each reflection under a block that sorts like its id', () => {
    expect(blockOf('0mwwgzzkr-h2ihjxvh')).toBe('0mw');
    expect(blockOf('0mwwgzzkr-h2ihjxvh') < blockOf('0mxaaaaaa-aaaaaaaa')).toBe(true);
  });
});

describe('which query words are looked up', () => {
  it('not those that could begin a word left out', () => {
    expect(canLookUp('wit')).toBe(false); // "with"
    expect(canLookUp('abou')).toBe(false); // "about"
    expect(canLookUp('to')).toBe(false);
    expect(canLookUp('witness')).toBe(true);
    expect(canLookUp('lighthouse')).toBe(true);
    expect(canLookUp('#a')).toBe(true);
  });

  it('a word looked up finds every word it begins: none of those is left out of the index', () => {
    const stopWordish = fc.constantFrom('the', 'with', 'about', 'because', 'uber', 'fur', 'que', 'tambien', 'would', 'there');
    const word = fc.oneof(stopWordish, fc.string({ unit: fc.constantFrom(...'abcdehilnortuwü'), minLength: 1, maxLength: 9 }));
    fc.assert(
      fc.property(word, fc.integer({ min: 1, max: 9 }), (w, cut) => {
        const [folded] = [...reflectionWords({ text: w, tags: [] })];
        if (!folded) return;
        const q = folded.slice(0, cut);
        if (canLookUp(q)) expect(isIndexedWord(folded)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});
