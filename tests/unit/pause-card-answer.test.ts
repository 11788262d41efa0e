import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import PauseCard from '@/components/pause/PauseCard.svelte';
import type { PauseShownAnswer } from '@/lib/browser/messages';
import type { PauseQuery } from '@/lib/pause/query';
import { DEFAULT_SETTINGS, type TriggerSite } from '@/lib/settings/settings';
import { openTimesItem, settingsItem } from '@/lib/settings/storage-registry';

// The background answers the pause page's `pauseShown` with what only it knows.
const { sendMessage, answer } = vi.hoisted(() => {
  const answer: { value?: PauseShownAnswer } = {};
  return { answer, sendMessage: vi.fn(async (type: string, ..._args: unknown[]) => (type === 'pauseShown' ? answer.value : undefined)) };
});
vi.mock('@/lib/browser/messages', () => ({ messaging: { sendMessage } }));

const T0 = Date.UTC(2026, 4, 10, 9);
const query: PauseQuery = { siteId: 'reddit', pauseId: 'p1', reason: 'arrived', host: 'www.reddit.com', shownAt: T0, canGoBack: true };
const site: TriggerSite = { id: 'reddit', label: 'Reddit', patterns: ['reddit.com'], enabled: true, waitSeconds: 5, windowMinutes: 15, kind: 'feed', intention: 'off' };

async function openPause(value: PauseShownAnswer) {
  answer.value = value;
  await settingsItem.setValue({ ...DEFAULT_SETTINGS, sites: [site] });
  const user = userEvent.setup({ advanceTimers: (ms) => vi.advanceTimersByTime(ms) });
  render(PauseCard, { query });
  await vi.advanceTimersByTimeAsync(0);
  return user;
}

const continueButton = () => screen.getByRole('button', { name: /^Continue/ });
const plain: PauseShownAnswer = { waitSeconds: 5, visit: 1, style: 'question', styleIsNew: false };

beforeEach(() => {
  vi.useFakeTimers({ now: T0, toFake: ['Date', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] });
  sendMessage.mockClear();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('the pause card, as the background answers', () => {
  it('waits as long as the background says, and says why', async () => {
    await openPause({ ...plain, waitSeconds: 15, visit: 3, waitReason: 'Third visit today, so a longer breath: 15 s.' });
    expect(screen.getByText('Third visit today, so a longer breath: 15 s.')).toBeInTheDocument();
    expect(screen.getByText('Take a breath: Continue opens in 15 s.')).toBeInTheDocument();
    expect(continueButton()).toHaveAccessibleDescription(/Third visit today/);
    await vi.advanceTimersByTimeAsync(14_000);
    expect(continueButton()).toBeDisabled();
    await vi.advanceTimersByTimeAsync(1000);
    expect(continueButton()).toBeEnabled();
  });

  it('shows the user’s own words, with the day they wrote them', async () => {
    await openPause({ ...plain, words: { text: 'Only the one thread.', at: Date.UTC(2026, 4, 3, 12) } });
    expect(screen.getByText('Only the one thread.')).toBeInTheDocument();
    expect(screen.getByText(/^You wrote on (3 May|May 3):$/)).toBeInTheDocument();
  });

  it('asks what the user came for first in that style, and says why the pause looks different the first time', async () => {
    const user = await openPause({ ...plain, style: 'intention-first', styleIsNew: true });
    expect(screen.getByText('A different pause today, so it stays fresh. First: what did you come for?')).toBeInTheDocument();
    const field = screen.getByRole('textbox', { name: /I'm here to/ });
    await user.type(field, 'reply to Sam');
    await vi.advanceTimersByTimeAsync(5000);
    await user.click(continueButton());
    expect(screen.queryByRole('textbox', { name: /I'm here to/ })).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: /^Continue for/ }));
    expect(sendMessage).toHaveBeenCalledWith('pauseContinue', expect.objectContaining({ intention: 'reply to Sam' }));
  });

  it('puts the user’s own words at the centre in that style', async () => {
    await openPause({ ...plain, style: 'words', words: { text: 'Only the one thread.', at: Date.UTC(2026, 4, 3, 12) } });
    expect(screen.getByText('Only the one thread.').closest('figure')).toHaveClass('centre');
  });

  it('says nothing of a style the user has seen before', async () => {
    await openPause({ ...plain, style: 'long-breath', waitSeconds: 10 });
    expect(screen.queryByText(/A different pause today/)).not.toBeInTheDocument();
    expect(screen.getByText('Take a breath: Continue opens in 10 s.')).toBeInTheDocument();
  });
});

describe('the pause card, loaded before the guard had read storage', () => {
  /** The query of a pause page the guard loaded with the cover, for a page expected to pause. */
  const expected: PauseQuery = { ...query, siteId: '', page: 'https://www.reddit.com/r/all' };

  it('finds its site from the page, and tells the background about that site', async () => {
    answer.value = plain;
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, sites: [site] });
    const { container } = render(PauseCard, { query: expected });
    await vi.advanceTimersByTimeAsync(0);
    expect(screen.getByText(/about to open Reddit/)).toBeInTheDocument();
    expect(container.querySelector('main')).toHaveClass('ready');
    expect(sendMessage).toHaveBeenCalledWith('pauseShown', { pauseId: 'p1', siteId: 'reddit', host: 'www.reddit.com', reason: 'arrived' });
  });

  it('shows and records nothing when, by storage, the page does not pause after all', async () => {
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, sites: [site] });
    await openTimesItem.setValue({ reddit: { openedAt: T0 - 60_000, until: T0 + 10 * 60_000 } });
    const { container } = render(PauseCard, { query: expected });
    await vi.advanceTimersByTimeAsync(0);
    expect(container.querySelector('main')).not.toHaveClass('ready');
    expect(sendMessage).not.toHaveBeenCalled();
    await openTimesItem.setValue({});
  });
});
