import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import PauseCard from '@/components/pause/PauseCard.svelte';
import { previewParams, readPauseQuery } from '@/lib/pause/query';

// The background is reached only through typed messages: a preview must send none.
const { sendMessage } = vi.hoisted(() => ({ sendMessage: vi.fn(async (..._args: unknown[]) => undefined) }));
vi.mock('@/lib/browser/messages', () => ({ messaging: { sendMessage } }));

const T0 = 1_700_000_000_000;

/** The pause as the welcome tour frames it. */
async function openPreview() {
  const user = userEvent.setup({ advanceTimers: (ms) => vi.advanceTimersByTime(ms) });
  render(PauseCard, { query: readPauseQuery(`?${previewParams({ host: 'a feed', shownAt: T0 })}`, T0) });
  await vi.advanceTimersByTimeAsync(0);
  return user;
}

beforeEach(() => {
  vi.useFakeTimers({ now: T0, toFake: ['Date', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] });
  sendMessage.mockClear();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('the pause as a preview', () => {
  it('is read from its query, and an ordinary pause is not a preview', () => {
    expect(readPauseQuery(`?${previewParams({ siteId: 'reddit', host: 'Reddit', shownAt: T0 })}`, T0)).toMatchObject({ preview: true, siteId: 'reddit', host: 'Reddit', shownAt: T0 });
    expect(readPauseQuery('?site=reddit&pause=p1', T0).preview).toBeUndefined();
  });

  it('asks the same question, and Leave only says what it would do: nothing is recorded or sent', async () => {
    const user = await openPreview();
    expect(screen.getByRole('heading', { name: 'Is this really my choice?' })).toBeInTheDocument();
    expect(screen.getByText('You are about to open a feed.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Leave' }));
    expect(screen.getByText('On a feed, Leave takes you away from the site.')).toBeInTheDocument();
    expect(sendMessage).not.toHaveBeenCalled();
  });

  it('keeps the honest wait, and Continue only says what it would do', async () => {
    const user = await openPreview();
    expect(screen.getByRole('button', { name: 'Continue' })).toBeDisabled();
    await vi.advanceTimersByTimeAsync(5000);
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    await user.click(screen.getByRole('radio', { name: '30 min' }));
    await user.click(screen.getByRole('button', { name: 'Continue for 30 min' }));
    expect(screen.getByText('On a feed, Continue would open the site for 30 min.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Continue for 30 min' })).toBeEnabled();
    expect(sendMessage).not.toHaveBeenCalled();
  });

  it('keeps a note out of the journal', async () => {
    const user = await openPreview();
    await user.type(screen.getByRole('textbox', { name: /What do I want right now/ }), 'just looking{Enter}');
    expect(screen.getByText('On a real pause, this goes to your journal.')).toBeInTheDocument();
    expect(sendMessage).not.toHaveBeenCalled();
  });

  it('does not hold the keyboard: Tab can leave it for the page around it', async () => {
    const user = await openPreview();
    const field = screen.getByRole('textbox', { name: /What do I want right now/ });
    field.focus();
    await user.tab();
    expect(document.activeElement).toBe(document.body);
  });
});
