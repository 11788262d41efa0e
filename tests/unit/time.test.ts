import { describe, expect, it } from 'vitest';
import { isWithin } from '@/lib/browser/time';

describe('isWithin', () => {
  const T = 1_700_000_000_000;
  it.each<[string, number, number, number, boolean]>([
    ['at the start', T, T, 1000, true],
    ['just before the end', T, T + 999, 1000, true],
    ['at the end', T, T + 1000, 1000, false],
    ['long after', T, T + 60_000, 1000, false],
    ['before the start (a clock set back)', T, T - 1, 1000, false],
    ['a window of no length', T, T, 0, false],
    ['a window from the epoch', 0, 5, 10, true],
  ])('%s', (_name, since, now, ms, within) => {
    expect(isWithin(since, now, ms)).toBe(within);
  });
});
