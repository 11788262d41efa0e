import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import PauseCard from '@/components/pause/PauseCard.svelte';
import { INTENTION_MAX } from '@/lib/pause/open-time';
import type { PauseQuery } from '@/lib/pause/query';
import { DEFAULT_SETTINGS, type TriggerSite } from '@/lib/settings/settings';
import { settingsItem } from '@/lib/settings/storage-registry';

// The background is reached only through typed messages: what the card sends is what the user chose.
const { sendMessage } = vi.hoisted(() => ({ sendMessage: vi.fn(async (..._args: unknown[]) => undefined) }));
vi.mock('@/lib/browser/messages', () => ({ messaging: { sendMessage } }));

const T0 = 1_700_000_000_000;
const query: PauseQuery = { siteId: 'reddit', pauseId: 'p1', reason: 'arrived', host: 'www.reddit.com', shownAt: T0, canGoBack: true };

function site(over: Partial<TriggerSite> = {}): TriggerSite {
  return { id: 'reddit', label: 'Reddit', patterns: ['reddit.com'], enabled: true, waitSeconds: 5, windowMinutes: 15, kind: 'feed', ...over };
}

/** The pause as it opens for `site` (stored in settings), with the user ready to act on it. */
async function openPause(over: Partial<TriggerSite> = {}) {
  await settingsItem.setValue({ ...DEFAULT_SETTINGS, sites: [site(over)] });
  const user = userEvent.setup({ advanceTimers: (ms) => vi.advanceTimersByTime(ms) });
  render(PauseCard, { query });
  // The card reads its site from storage before it says how long the wait is.
  await vi.advanceTimersByTimeAsync(0);
  return user;
}

const continueButton = () => screen.getByRole('button', { name: /^Continue/ });

/** Waits out the pause and opens the "For how long?" step. */
async function askHowLong(user: ReturnType<typeof userEvent.setup>, waitSeconds = 5): Promise<void> {
  await vi.advanceTimersByTimeAsync(waitSeconds * 1000);
  await user.click(continueButton());
}

/** The Continue message the card sent, if any. */
const continued = () => sendMessage.mock.calls.find(([type]) => type === 'pauseContinue')?.[1] as { minutes: number; intention?: string } | undefined;

beforeEach(() => {
  vi.useFakeTimers({ now: T0, toFake: ['Date', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] });
  sendMessage.mockClear();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('the pause card: the wait', () => {
  it('keeps Continue shut for the site’s wait, counting down, while Leave works at once', async () => {
    const user = await openPause({ waitSeconds: 5 });
    expect(screen.getByRole('heading', { name: 'Is this really my choice?' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Leave' })).toBeEnabled();
    expect(continueButton()).toBeDisabled();
    expect(screen.getByText('Take a breath: Continue opens in 5 s.')).toBeInTheDocument();

    await vi.advanceTimersByTimeAsync(4000);
    expect(continueButton()).toBeDisabled();
    expect(screen.getByText('Take a breath: Continue opens in 1 s.')).toBeInTheDocument();
    await user.click(continueButton());
    expect(screen.queryByRole('group', { name: 'For how long?' })).not.toBeInTheDocument();

    await vi.advanceTimersByTimeAsync(1000);
    expect(continueButton()).toBeEnabled();
    expect(screen.queryByText(/Continue opens in/)).not.toBeInTheDocument();
    expect(screen.getByText('Continue is open.')).toBeInTheDocument();
    await user.click(continueButton());
    expect(screen.getByRole('group', { name: 'For how long?' })).toBeInTheDocument();
  });

  it('waits as long as the user set for the site', async () => {
    await openPause({ waitSeconds: 20 });
    expect(screen.getByText('Take a breath: Continue opens in 20 s.')).toBeInTheDocument();
    await vi.advanceTimersByTimeAsync(19_000);
    expect(continueButton()).toBeDisabled();
    await vi.advanceTimersByTimeAsync(1000);
    expect(continueButton()).toBeEnabled();
  });

  it('opens Continue at once when the site has no wait', async () => {
    await openPause({ waitSeconds: 0 });
    expect(continueButton()).toBeEnabled();
    expect(screen.queryByText(/Continue opens in/)).not.toBeInTheDocument();
  });

  it('sends Leave without waiting', async () => {
    const user = await openPause();
    await user.click(screen.getByRole('button', { name: 'Leave' }));
    expect(sendMessage).toHaveBeenCalledWith('pauseLeave', { pauseId: 'p1', siteId: 'reddit', canGoBack: true });
    expect(continued()).toBeUndefined();
  });
});

describe('the pause card: how long', () => {
  it('offers 5, 15 and 30 minutes and Other, with the site’s own length chosen', async () => {
    const user = await openPause({ windowMinutes: 30 });
    await askHowLong(user);
    const lengths = within(screen.getByRole('group', { name: 'For how long?' })).getAllByRole('radio');
    expect(lengths.map((r) => r.parentElement!.textContent!.trim())).toEqual(['5 min', '15 min', '30 min', 'Other']);
    expect(screen.getByRole('radio', { name: '30 min' })).toBeChecked();
    expect(screen.getByRole('button', { name: 'Continue for 30 min' })).toBeEnabled();
  });

  it('chooses Other, with the minutes shown, when the site’s length is not one of the three', async () => {
    const user = await openPause({ windowMinutes: 45 });
    await askHowLong(user);
    expect(screen.getByRole('radio', { name: 'Other' })).toBeChecked();
    expect(screen.getByRole('spinbutton')).toHaveValue(45);
    expect(screen.getByRole('button', { name: 'Continue for 45 min' })).toBeEnabled();
  });

  it('continues for the length chosen', async () => {
    const user = await openPause({ windowMinutes: 15 });
    await askHowLong(user);
    await user.click(screen.getByRole('radio', { name: '5 min' }));
    await user.click(screen.getByRole('button', { name: 'Continue for 5 min' }));
    expect(continued()).toEqual({ pauseId: 'p1', siteId: 'reddit', minutes: 5, intention: '' });
  });

  it('continues for a length the user types, and refuses one out of bounds', async () => {
    const user = await openPause();
    await askHowLong(user);
    await user.click(screen.getByRole('radio', { name: 'Other' }));
    const minutes = screen.getByRole('spinbutton');
    await user.clear(minutes);
    await user.type(minutes, '0');
    expect(screen.getByRole('alert')).toHaveTextContent('Choose a whole number of minutes from 1 to 240.');
    expect(screen.getByRole('button', { name: 'Continue for … min' })).toBeDisabled();
    await user.clear(minutes);
    await user.type(minutes, '42');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Continue for 42 min' }));
    expect(continued()?.minutes).toBe(42);
  });

  it('goes Back to the question, where Continue needs no second wait', async () => {
    const user = await openPause();
    await askHowLong(user);
    await user.click(screen.getByRole('button', { name: 'Back' }));
    expect(screen.queryByRole('group', { name: 'For how long?' })).not.toBeInTheDocument();
    expect(continueButton()).toBeEnabled();
    expect(continued()).toBeUndefined();
  });
});

describe('the pause card: what I came for', () => {
  const field = () => screen.getByRole('textbox', { name: /I'm here to…/ });

  it('is one line: a pasted second line joins the first, and Enter continues', async () => {
    const user = await openPause();
    await askHowLong(user);
    expect(field()).toHaveAttribute('type', 'text');
    await user.click(field());
    await user.paste('reply to Sam\nthen close the tab');
    expect(field()).toHaveValue('reply to Samthen close the tab');
    await user.keyboard('{Enter}');
    expect(continued()).toEqual({ pauseId: 'p1', siteId: 'reddit', minutes: 15, intention: 'reply to Samthen close the tab' });
  });

  it(`keeps at most ${INTENTION_MAX} characters, and sends it trimmed`, async () => {
    const user = await openPause();
    await askHowLong(user);
    await user.click(field());
    await user.paste(`  ${'a'.repeat(INTENTION_MAX + 50)}`);
    expect((field() as HTMLInputElement).value).toHaveLength(INTENTION_MAX);
    await user.click(screen.getByRole('button', { name: 'Continue for 15 min' }));
    expect(continued()?.intention).toBe('a'.repeat(INTENTION_MAX - 2));
  });

  it('is optional', async () => {
    const user = await openPause();
    await askHowLong(user);
    await user.click(screen.getByRole('button', { name: 'Continue for 15 min' }));
    expect(continued()?.intention).toBe('');
  });
});

describe('the pause card: the site’s own question and intention', () => {
  const field = () => screen.queryByRole('textbox', { name: /I'm here to…/ });
  const goOn = () => screen.getByRole('button', { name: 'Continue for 15 min' });

  it('asks the site’s own question instead of the default', async () => {
    await openPause({ questions: ['What am I looking for here?'] });
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('What am I looking for here?');
    expect(screen.queryByText('Is this really my choice?')).not.toBeInTheDocument();
  });

  it('asks one of several questions, the same one for the same pause', async () => {
    const questions = ['What am I looking for here?', 'Who chose this?', 'Would I miss it?'];
    await openPause({ questions });
    const asked = screen.getByRole('heading', { level: 1 }).textContent!.trim();
    expect(questions).toContain(asked);
  });

  it('holds Continue until a required intention is written, saying why, and sends it', async () => {
    const user = await openPause({ intention: 'required' });
    await askHowLong(user);
    expect(field()).toHaveAccessibleName(/required/);
    expect(goOn()).toBeDisabled();
    expect(goOn()).toHaveAccessibleDescription('Write what you came for (3 characters or more) to continue.');
    await user.click(field()!);
    await user.keyboard('ab{Enter}');
    expect(continued()).toBeUndefined();
    expect(goOn()).toBeDisabled();
    await user.keyboard('c');
    expect(goOn()).toBeEnabled();
    expect(screen.queryByText(/Write what you came for/)).not.toBeInTheDocument();
    await user.click(goOn());
    expect(continued()).toEqual({ pauseId: 'p1', siteId: 'reddit', minutes: 15, intention: 'abc' });
  });

  it('does not count spaces toward a required intention', async () => {
    const user = await openPause({ intention: 'required' });
    await askHowLong(user);
    await user.click(field()!);
    await user.keyboard('  a   ');
    expect(goOn()).toBeDisabled();
  });

  it('asks nothing when the site turned the question off, and continues at once', async () => {
    const user = await openPause({ intention: 'off' });
    await askHowLong(user);
    expect(field()).not.toBeInTheDocument();
    await user.click(goOn());
    expect(continued()).toEqual({ pauseId: 'p1', siteId: 'reddit', minutes: 15, intention: '' });
  });

  it('chooses the site’s default length at the pause', async () => {
    const user = await openPause({ windowMinutes: 5 });
    await askHowLong(user);
    expect(screen.getByRole('radio', { name: '5 min' })).toBeChecked();
    expect(screen.getByRole('button', { name: 'Continue for 5 min' })).toBeEnabled();
  });
});

describe('the pause card over the cover', () => {
  it('stays transparent until it has read its site and asks the site’s own question, then shows', async () => {
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, sites: [site({ questions: ['What am I looking for?'] })] });
    render(PauseCard, { query });
    const card = screen.getByRole('main');
    // The cover paints the site's own question underneath; the card must not show the default one over it.
    expect(card).not.toHaveClass('ready');
    await vi.advanceTimersByTimeAsync(0);
    expect(card).toHaveClass('ready');
    expect(screen.getByRole('heading', { name: 'What am I looking for?' })).toBeInTheDocument();
  });
});
