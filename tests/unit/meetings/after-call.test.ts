import { describe, expect, it } from 'vitest';
import { askAfterThisCall } from '@/lib/meetings/after-call';
import { AFTER_CALL_DEFAULT, normaliseAfterCallAsk, type AfterCallAsk } from '@/lib/settings/settings';

/** A seeded generator (mulberry32), so a long run is the same every time. */
function seeded(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('askAfterThisCall', () => {
  it.each<[AfterCallAsk, boolean, number, boolean]>([
    ['every', true, 0.99, true],
    ['every', false, 0.99, true],
    ['never', false, 0, false],
    ['never', true, 0, false],
    ['some', true, 0, false],
    ['some', false, 0.49, true],
    ['some', false, 0.5, false],
  ])('%s, last asked %s, draw %s → %s', (setting, lastAsked, draw, ask) => {
    expect(askAfterThisCall(setting, lastAsked, () => draw)).toBe(ask);
  });

  it('"some" asks about one call in three, and never two in a row', () => {
    const random = seeded(42);
    let last = false;
    let asked = 0;
    const calls = 30_000;
    for (let i = 0; i < calls; i += 1) {
      const ask = askAfterThisCall('some', last, random);
      expect(ask && last).toBe(false);
      if (ask) asked += 1;
      last = ask;
    }
    expect(asked / calls).toBeGreaterThan(0.31);
    expect(asked / calls).toBeLessThan(0.36);
  });
});

describe('normaliseAfterCallAsk', () => {
  it.each([['every', 'every'], ['never', 'never'], ['some', 'some'], [undefined, AFTER_CALL_DEFAULT], ['always', AFTER_CALL_DEFAULT], [3, AFTER_CALL_DEFAULT]])(
    '%o → %o',
    (raw, value) => {
      expect(normaliseAfterCallAsk(raw)).toBe(value);
    },
  );
  it('defaults to some calls', () => expect(AFTER_CALL_DEFAULT).toBe('some'));
});
