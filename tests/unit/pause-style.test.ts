import { describe, expect, it } from 'vitest';
import type { PauseStyle } from '@/lib/browser/messages';
import { breathSeconds, longBreathSeconds, nextStyle, normaliseStyleTurns, styleNote, type StyleTurns } from '@/lib/pause/pause-style';
import { normaliseSiteOptions, stylesOf } from '@/lib/settings/site-options';

/** The styles `count` pauses in a row show, from no turns yet, with whether each was new. */
function run(enabled: PauseStyle[] | undefined, count: number, wordsAvailable = true): Array<[PauseStyle, boolean]> {
  let turns: StyleTurns | undefined;
  const out: Array<[PauseStyle, boolean]> = [];
  for (let i = 0; i < count; i++) {
    const turn = nextStyle(enabled, turns, `pause-${i}`, wordsAvailable);
    out.push([turn.style, turn.isNew]);
    turns = turn.turns;
  }
  return out;
}

describe('pause styles in turn', () => {
  it('shows the question alone when nothing else is on, and never calls it new', () => {
    expect(run(undefined, 3)).toEqual([['question', false], ['question', false], ['question', false]]);
  });

  it('takes the styles on in turn, saying so the first time each shows', () => {
    expect(run(['question', 'long-breath'], 4)).toEqual([['question', false], ['long-breath', true], ['question', false], ['long-breath', false]]);
    expect(run(['intention-first', 'words', 'long-breath'], 4)).toEqual([
      ['intention-first', true],
      ['words', true],
      ['long-breath', true],
      ['intention-first', false],
    ]);
  });

  it('passes over "your own words" when there are none to show', () => {
    expect(run(['question', 'words'], 3, false)).toEqual([['question', false], ['question', false], ['question', false]]);
    expect(run(['words'], 1, false)).toEqual([['question', false]]);
  });

  it('carries on from where it stood when the styles change', () => {
    const turns: StyleTurns = { last: 'words', pauseId: 'p0', seen: ['words'] };
    expect(nextStyle(['question', 'intention-first'], turns, 'p1', true).style).toBe('question');
    expect(nextStyle(['question', 'long-breath'], turns, 'p1', true)).toMatchObject({ style: 'long-breath', isNew: true });
  });

  it('answers the same pause the same, when its page reloads', () => {
    const first = nextStyle(['question', 'long-breath'], { last: 'question', pauseId: 'p0', seen: [] }, 'p1', true);
    expect(first).toMatchObject({ style: 'long-breath', isNew: true });
    expect(nextStyle(['question', 'long-breath'], first.turns, 'p1', true)).toMatchObject({ style: 'long-breath', isNew: true });
  });

  it('reads stored turns defensively', () => {
    expect(normaliseStyleTurns(null)).toBeUndefined();
    expect(normaliseStyleTurns({ last: 'dance', pauseId: 'p' })).toBeUndefined();
    expect(normaliseStyleTurns({ last: 'words', pauseId: 'p', seen: ['words', 'x', 'long-breath'] })).toEqual({ last: 'words', pauseId: 'p', seen: ['words', 'long-breath'] });
  });

  it('breathes longer and slower in a long-breath pause', () => {
    expect(longBreathSeconds(5)).toBe(10);
    expect(longBreathSeconds(8)).toBe(16);
    expect(longBreathSeconds(50)).toBe(60);
    expect(breathSeconds('long-breath')).toBeGreaterThan(breathSeconds('question'));
  });

  it('says why a new style looks different', () => {
    expect(styleNote('long-breath')).toBe('A different pause today, so it stays fresh. A longer, slower breath.');
  });
});

describe('a site’s pause styles in its options', () => {
  it('keeps known styles in turn order, and leaves the default out', () => {
    expect(normaliseSiteOptions({ pauseStyles: ['long-breath', 'dance', 'question', 'long-breath'] })).toEqual({ pauseStyles: ['question', 'long-breath'] });
    expect(normaliseSiteOptions({ pauseStyles: ['question'] })).toEqual({});
    expect(normaliseSiteOptions({ pauseStyles: [] })).toEqual({});
    expect(normaliseSiteOptions({ pauseStyles: 'words' })).toEqual({});
    expect(stylesOf(undefined)).toEqual(['question']);
  });
});
