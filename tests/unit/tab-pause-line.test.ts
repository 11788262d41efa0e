import { render, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import TabPauseLine from '@/components/popup/TabPauseLine.svelte';
import type { PauseDecision } from '@/lib/pause/decision';
import type { TriggerSite } from '@/lib/settings/settings';

const T = Date.UTC(2026, 11, 2, 14, 0);
const reddit: TriggerSite = { id: 'reddit', label: 'Reddit', patterns: ['reddit.com'], enabled: true, waitSeconds: 5, windowMinutes: 15, kind: 'feed' };

describe("the popup's line about the tab", () => {
  it.each<[string, Exclude<PauseDecision, { kind: 'none' }>, RegExp]>([
    ['a page that pauses', { kind: 'pause', site: reddit, ended: false }, /^Pausing on Reddit\. The next page asks first\.$/],
    ['open time', { kind: 'open', site: reddit, until: T + 12 * 60_000, recheckAt: T + 12 * 60_000 }, /^Pausing on Reddit\. Your time here: 12 min left\.$/],
    ['a snooze', { kind: 'snoozed', site: reddit, until: T + 60_000, snoozeId: 's', recheckAt: T + 60_000 }, /^Pausing on Reddit\. Snoozed: pages open without asking for now\.$/],
    ['outside its hours', { kind: 'off-schedule', site: reddit, recheckAt: T + 60_000 }, /^Pausing on Reddit\. Outside its hours: pages open without asking for now\.$/],
    ['an exception', { kind: 'excepted', site: reddit, exception: 'reddit.com/r/help' }, /^This page is an exception you made for Reddit: it never pauses\.$/],
  ])('says what %s means for the next page', (_, decision, text) => {
    const { container } = render(TabPauseLine, { decision, now: T });
    expect(container.textContent!.replace(/\s+/g, ' ').trim()).toMatch(text);
    expect(screen.getByText('Reddit').tagName).toBe('STRONG');
  });
});
