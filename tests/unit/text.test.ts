import { describe, expect, it } from 'vitest';
import { clipWhole, clipWithEllipsis, oneLine } from '@/lib/browser/text';

describe('clipWithEllipsis', () => {
  it.each<[string, number, string]>([
    ['short', 10, 'short'],
    ['exactly10!', 10, 'exactly10!'],
    ['eleven char', 10, 'eleven ch…'],
    ['abc', 1, '…'],
    ['', 5, ''],
    ['x'.repeat(5000), 200, `${'x'.repeat(199)}…`],
  ])('%j cut to %i is %j', (text, max, clipped) => {
    expect(clipWithEllipsis(text, max)).toBe(clipped);
    expect(clipWithEllipsis(text, max).length).toBeLessThanOrEqual(max);
  });
});

describe('clipWhole', () => {
  it.each<[string, number, string]>([
    ['short', 10, 'short'],
    ['abcdef', 3, 'abc'],
    ['', 3, ''],
    // "😀" is two UTF-16 units: a cut between them drops the whole character.
    ['ab😀', 3, 'ab'],
    ['ab😀', 4, 'ab😀'],
    ['😀😀', 3, '😀'],
    ['é', 1, 'é'],
  ])('%j cut to %i is %j', (text, max, clipped) => {
    expect(clipWhole(text, max)).toBe(clipped);
  });
});

describe('oneLine', () => {
  it.each<[string, number | undefined, string]>([
    ['  plain  ', undefined, 'plain'],
    ['two\nlines', undefined, 'two lines'],
    ['tabs\t\tand\r\n\r\nbreaks', undefined, 'tabs and breaks'],
    ['\u00a0no-break\u00a0spaces\u2028too ', undefined, 'no-break spaces too'],
    ['   ', undefined, ''],
    ['  cut   after   folding  ', 9, 'cut after'],
    ['abcdef', 3, 'abc'],
    ['abc', 0, ''],
  ])('%j (max %s) is %j', (text, max, line) => {
    expect(oneLine(text, max)).toBe(line);
  });
});
