import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import SnoozeControls from '@/components/popup/SnoozeControls.svelte';
import { handleSnoozeEnd, handleSnoozeStart } from '@/lib/pause/snooze-actions';
import { DEFAULT_SETTINGS, type TriggerSite } from '@/lib/settings/settings';
import { settingsItem, snoozeItem } from '@/lib/settings/storage-registry';

// The popup's messages reach the real background handlers, as from the popup page.
const { sendMessage } = vi.hoisted(() => ({ sendMessage: vi.fn() }));
vi.mock('@/lib/browser/messages', () => ({ messaging: { sendMessage } }));

const T0 = new Date(2026, 11, 2, 14, 0).getTime();
const MIN = 60_000;
const reddit: TriggerSite = { id: 'reddit', label: 'Reddit', patterns: ['reddit.com'], enabled: true, waitSeconds: 5, windowMinutes: 15, kind: 'feed' };

const line = () => screen.getByRole('status');
/** A time of day as the popup writes it, in the test's own locale. */
const clock = (t: number) => new Date(t).toLocaleTimeString(undefined, { hour: 'numeric', minute: '2-digit' });
const MORNING = new Date(2026, 11, 3, 8, 0).getTime();
/** Waits for what the user would see next: the background's writes (storage, history) settle on their own time. */
const until = (check: () => unknown) => vi.waitFor(check, { timeout: 2000 });
const choice = (name: string) => screen.getByRole('button', { name });

async function openPopup(props: { site?: TriggerSite } = {}, sites = [reddit]) {
  await settingsItem.setValue({ ...DEFAULT_SETTINGS, sites });
  const user = userEvent.setup({ advanceTimers: (ms) => vi.advanceTimersByTime(ms) });
  render(SnoozeControls, props);
  await vi.advanceTimersByTimeAsync(0);
  return user;
}

beforeEach(() => {
  vi.useFakeTimers({ now: T0, toFake: ['Date', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] });
  const popup = { url: browser.runtime.getURL('/popup.html') };
  sendMessage.mockReset().mockImplementation(async (type: string, data: never) =>
    type === 'snoozeStart' ? handleSnoozeStart(data, popup, Date.now()) : handleSnoozeEnd(popup, Date.now()),
  );
});
afterEach(() => {
  vi.useRealTimers();
});

describe('snoozing from the popup', () => {
  it('offers 15 minutes, an hour and until morning, as a labelled group of buttons', async () => {
    await openPopup();
    const group = screen.getByRole('group', { name: 'Snooze pauses' });
    expect([...group.querySelectorAll('button')].map((b) => b.textContent?.trim())).toEqual(['15 min', '1 hour', 'Until morning']);
    expect(choice('Until morning')).toHaveAccessibleDescription(`Until ${clock(MORNING)} tomorrow.`);
    expect(line()).toHaveTextContent('');
  });

  it('offers nothing to snooze before any site pauses', async () => {
    await openPopup({}, []);
    expect(screen.queryByRole('group', { name: 'Snooze pauses' })).toBeNull();
  });

  it('snoozes from the keyboard, says for how long, and puts "End now" under the keyboard', async () => {
    const user = await openPopup();
    choice('15 min').focus();
    await user.keyboard('{Enter}');
    await until(() => expect(line()).toHaveTextContent(`Pauses snoozed on all sites until ${clock(T0 + 15 * MIN)}, 15 min left.`));
    await until(() => expect(document.activeElement).toBe(choice('End now')));
    expect(await snoozeItem.getValue()).toMatchObject({ length: '15m', until: T0 + 15 * MIN });
  });

  it('changes the live line once a minute, not every second', async () => {
    const user = await openPopup();
    await user.click(choice('15 min'));
    await until(() => expect(line()).toHaveTextContent(/15 min left/));
    const heard = [line().textContent];
    for (let s = 0; s < 120; s++) {
      await vi.advanceTimersByTimeAsync(1000);
      if (line().textContent !== heard.at(-1)) heard.push(line().textContent);
    }
    expect(heard.map((t) => t?.match(/\d+ min left/)?.[0])).toEqual(['15 min left', '14 min left', '13 min left']);
  });

  it('ends by itself on the wall clock, and says pauses are back', async () => {
    const user = await openPopup();
    await user.click(choice('15 min'));
    await until(() => expect(line()).toHaveTextContent(/15 min left/));
    await vi.advanceTimersByTimeAsync(15 * MIN);
    expect(line()).toHaveTextContent('Pauses are back on.');
    expect(choice('15 min')).toBeInTheDocument();
  });

  it('"End now" ends it at once and gives the keyboard back to the choices', async () => {
    const user = await openPopup();
    await user.click(choice('1 hour'));
    await until(() => expect(document.activeElement).toBe(choice('End now')));
    await user.keyboard('{Enter}');
    await until(() => expect(line()).toHaveTextContent('Pauses are back on.'));
    expect(await snoozeItem.getValue()).toBeNull();
    await until(() => expect(document.activeElement).toBe(choice('15 min')));
  });

  it('snoozes only the site of the tab when asked', async () => {
    const user = await openPopup({ site: reddit });
    await user.click(screen.getByRole('checkbox', { name: 'Only on Reddit' }));
    await user.click(choice('Until morning'));
    await until(() => expect(line()).toHaveTextContent(`Pauses snoozed on Reddit until ${clock(MORNING)} tomorrow, 18 h left.`));
    expect(await snoozeItem.getValue()).toMatchObject({ site: { id: 'reddit', label: 'Reddit' } });
  });

  it('says so when the snooze could not start', async () => {
    sendMessage.mockRejectedValue(new Error('Could not establish connection.'));
    const user = await openPopup();
    await user.click(choice('15 min'));
    await until(() => expect(line()).toHaveTextContent('Could not snooze. Try again.'));
  });
});
