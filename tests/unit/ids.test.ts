import { describe, expect, it } from 'vitest';
import { idTimePrefix, timeSortableId } from '@/lib/browser/ids';

describe('timeSortableId', () => {
  it.each([
    [0, 1],
    [35, 36], // base 36 gains a digit: padding must keep the order
    [1_700_000_000_000, 1_700_000_000_001],
    [1_000_000_000_000, 10_000_000_000_000],
  ])('an id made at %i sorts before one made at %i', (earlier, later) => {
    // Worst case for the random part: the earlier id gets the largest, the later the smallest.
    expect(timeSortableId(earlier, () => 0.999) < timeSortableId(later, () => 0)).toBe(true);
  });

  it.each([0, 1, 1_700_000_000_123, 8_000_000_000_000])('carries its creation time %i', (now) => {
    expect(parseInt(timeSortableId(now).slice(0, 9), 36)).toBe(now);
  });

  it('gives two ids made in the same millisecond different random parts', () => {
    const a = timeSortableId(1000, () => 0.1);
    const b = timeSortableId(1000, () => 0.7);
    expect(a).not.toBe(b);
    expect(a.slice(0, 9)).toBe(b.slice(0, 9));
  });
});

describe('idTimePrefix', () => {
  it.each([1, 36, 1_700_000_000_000])('is a "since %i" bound: ids made then or later are ≥ it, earlier ones are <', (t) => {
    expect(timeSortableId(t, () => 0) >= idTimePrefix(t)).toBe(true);
    expect(timeSortableId(t + 1, () => 0) >= idTimePrefix(t)).toBe(true);
    expect(timeSortableId(t - 1, () => 0.999) < idTimePrefix(t)).toBe(true);
  });

  it.each([
    [-5, '000000000'],
    [12.9, '00000000c'],
  ])('reads %s as a whole non-negative time', (t, prefix) => {
    expect(idTimePrefix(t)).toBe(prefix);
  });
});
