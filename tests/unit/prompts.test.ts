import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { JOURNAL_PROMPTS, pickPrompt } from '@/lib/journal/prompts';

const texts = JOURNAL_PROMPTS.map((p) => p.text);

describe('JOURNAL_PROMPTS', () => {
  it.each(texts)('%j is one short question', (text) => {
    expect(text.length).toBeLessThan(90);
    expect(text.endsWith('?')).toBe(true);
    expect(text).toBe(text.trim());
  });

  it('has six prompts for each practice, none repeated', () => {
    const counts: Record<string, number> = {};
    for (const p of JOURNAL_PROMPTS) counts[p.practice] = (counts[p.practice] ?? 0) + 1;
    expect(counts).toEqual({ 'self-reflection': 6, 'clear communication': 6, boundaries: 6, 'taking responsibility': 6 });
    expect(new Set(texts).size).toBe(texts.length);
  });
});

describe('pickPrompt', () => {
  it('never returns the prompt to exclude, and always returns a known prompt', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1, noNaN: true }), fc.oneof(fc.constantFrom(...texts), fc.string(), fc.constant(undefined)), (r, exclude) => {
        const picked = pickPrompt(() => r, exclude);
        expect(picked).not.toBe(exclude);
        expect(texts).toContain(picked);
      }),
    );
  });

  it('reaches every prompt', () => {
    const seen = new Set(texts.map((_, i) => pickPrompt(() => (i + 0.5) / texts.length)));
    expect(seen.size).toBe(texts.length);
  });

  it('copes with a random source that misbehaves (1, negative, NaN)', () => {
    for (const r of [1, -0.5, NaN, Infinity]) expect(texts).toContain(pickPrompt(() => r, texts[0]));
  });

  it('uses Math.random by default', () => {
    expect(texts).toContain(pickPrompt());
  });
});
