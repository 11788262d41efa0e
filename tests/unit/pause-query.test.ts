import { describe, expect, it } from 'vitest';
import { pauseParams } from '@/lib/pause/guard';
import { readPauseQuery } from '@/lib/pause/query';

const NOW = 1_700_000_000_000;

describe('readPauseQuery', () => {
  it('reads back what the content script wrote', () => {
    const written = { siteId: 'site:youtube.com/shorts', pauseId: 'abc-123', reason: 'window-ended', host: 'www.youtube.com', shownAt: NOW - 4000, canGoBack: false } as const;
    expect(readPauseQuery(`?${pauseParams(written)}`, NOW)).toEqual(written);
  });

  it('falls back to safe values when the query is empty', () => {
    expect(readPauseQuery('', NOW)).toEqual({ siteId: '', pauseId: '', reason: 'arrived', host: '', shownAt: NOW, canGoBack: true });
  });

  it.each([
    ['shown in the future (would stretch the wait)', 'shown=' + (NOW + 60_000), { shownAt: NOW }],
    ['shown not a number', 'shown=soon', { shownAt: NOW }],
    ['shown zero', 'shown=0', { shownAt: NOW }],
    ['shown negative', 'shown=-5', { shownAt: NOW }],
    ['shown in the past', 'shown=' + (NOW - 3000), { shownAt: NOW - 3000 }],
    ['an unknown reason', 'reason=hacked', { reason: 'arrived' }],
    ['back=1', 'back=1', { canGoBack: true }],
    ['back=0', 'back=0', { canGoBack: false }],
    ['back=no', 'back=no', { canGoBack: true }],
  ])('reads %s', (_, search, expected) => {
    expect(readPauseQuery(search, NOW)).toMatchObject(expected);
  });
});
