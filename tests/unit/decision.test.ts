import { describe, expect, it } from 'vitest';
import { decidePause, SHOW_BACK_MS } from '@/lib/pause/decision';
import type { Settings } from '@/lib/settings/settings';
import { siteFromPreset } from '@/lib/sites/trigger-sites';
import { presetById } from './builders';

const T = Date.UTC(2026, 11, 2, 10, 0);
const reddit = siteFromPreset(presetById('reddit')!);
const settings: Settings = { sites: [reddit], meetings: { unmuteCard: false, afterCall: 'some' } };
const opened = (until: number) => ({ reddit: { openedAt: until - 15 * 60_000, until } });

describe('decidePause', () => {
  it('lets a page no chosen site covers be', () => {
    expect(decidePause({ settings, openTimes: {} }, 'https://example.org/', T)).toEqual({ kind: 'none' });
  });

  it('pauses a chosen site, with nothing to look at again on the clock', () => {
    expect(decidePause({ settings, openTimes: {} }, 'https://www.reddit.com/', T)).toEqual({ kind: 'pause', site: reddit, ended: false });
  });

  it('lets the user in during open time, and looks again the moment it ends', () => {
    expect(decidePause({ settings, openTimes: opened(T + 60_000) }, 'https://www.reddit.com/', T)).toEqual({
      kind: 'open',
      site: reddit,
      until: T + 60_000,
      recheckAt: T + 60_000,
    });
  });

  it.each([
    ['just ended', T, true],
    ['ended just under the show-back time ago', T - SHOW_BACK_MS + 1, true],
    ['ended long ago', T - SHOW_BACK_MS, false],
  ])('pauses once open time has %s, saying whether to show its intention back', (_, until, ended) => {
    expect(decidePause({ settings, openTimes: opened(until) }, 'https://www.reddit.com/', T)).toMatchObject({ kind: 'pause', ended });
  });
});
