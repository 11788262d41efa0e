import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import WelcomePage from '@/components/welcome/WelcomePage.svelte';
import { initialsOf } from '@/components/welcome/SiteBadge.svelte';
import { DEFAULT_SETTINGS } from '@/lib/settings/settings';
import { settingsItem } from '@/lib/settings/storage-registry';
import { getSettings } from '@/lib/settings/store';
import { siteFromPreset } from '@/lib/sites/trigger-sites';
import { presetById } from './builders';

// The browser's permission prompt is the fake browser's, answered per test; settings live in its storage.

function answer(granted: boolean) {
  return vi.spyOn(fakeBrowser.permissions, 'request').mockResolvedValue(granted);
}

/** Opens the welcome page as a fresh install does and goes to the choosing step. */
async function openChoose() {
  const user = userEvent.setup();
  const onfinish = vi.fn();
  render(WelcomePage, { onfinish });
  await user.click(screen.getByRole('button', { name: 'Choose my sites' }));
  // The step waits for the current settings before it takes a choice.
  await waitFor(() => expect(saveButton()).toBeEnabled());
  return { user, onfinish };
}

const ownField = () => screen.getByRole('textbox', { name: 'Your own site' });
const saveButton = () => screen.getByRole('button', { name: /^(Allow and save|Next)$/ });

afterEach(() => {
  vi.restoreAllMocks();
});

describe('the welcome page: first screen', () => {
  it('says in three lines what Pause Moment does, and that nothing leaves the device', () => {
    render(WelcomePage, { onfinish: vi.fn() });
    expect(screen.getByRole('heading', { level: 1, name: 'Welcome to Pause Moment' })).toBeInTheDocument();
    const lines = within(screen.getByRole('list')).getAllByRole('listitem').map((li) => li.textContent);
    expect(lines).toHaveLength(3);
    expect(lines.join(' ')).toMatch(/Nothing leaves your device/);
  });

  it('Skip ends the tour at once and changes no setting', async () => {
    const user = userEvent.setup();
    const onfinish = vi.fn();
    render(WelcomePage, { onfinish });
    await user.click(screen.getByRole('button', { name: 'Skip' }));
    expect(onfinish).toHaveBeenCalledTimes(1);
    expect(await settingsItem.getValue()).toEqual(DEFAULT_SETTINGS);
  });
});

describe('the welcome page: choosing sites', () => {
  it('shows each feed and meeting platform as a toggle with its initials', async () => {
    await openChoose();
    const feeds = screen.getByRole('group', { name: 'Feeds' });
    const meetings = screen.getByRole('group', { name: 'Web meetings' });
    expect(within(feeds).getAllByRole('checkbox')).toHaveLength(10);
    const names = ['Google Meet', 'Zoom', 'Microsoft Teams', 'Webex', 'Jitsi Meet', 'Whereby'];
    expect(within(meetings).getAllByRole('checkbox')).toHaveLength(names.length);
    const badged = names.map((name) => [within(meetings).getByRole('checkbox', { name }).closest('label')!.querySelector('[aria-hidden="true"]')!.textContent, name]);
    expect(badged).toEqual([
      ['GM', 'Google Meet'],
      ['Z', 'Zoom'],
      ['MT', 'Microsoft Teams'],
      ['W', 'Webex'],
      ['JM', 'Jitsi Meet'],
      ['W', 'Whereby'],
    ]);
    // No picture is fetched for a site: the badge is text.
    expect(document.querySelector('img')).toBeNull();
  });

  it('asks for every chosen site in one prompt inside the click, then saves them all', async () => {
    const request = answer(true);
    const { user } = await openChoose();
    await user.click(screen.getByRole('checkbox', { name: 'Reddit' }));
    await user.click(screen.getByRole('checkbox', { name: 'Jitsi Meet' }));
    await user.type(ownField(), '127.0.0.1');
    await user.click(screen.getByRole('button', { name: 'Add' }));
    expect(within(screen.getByRole('list', { name: 'Your own sites' })).getByText('127.0.0.1')).toBeInTheDocument();

    // A plain DOM click runs its handler synchronously: the prompt must already be asked for when it returns.
    saveButton().click();
    expect(request).toHaveBeenCalledTimes(1);
    expect(request.mock.calls[0]![0]).toEqual({ origins: ['*://*.reddit.com/*', '*://*.meet.jit.si/*', '*://127.0.0.1/*'] });

    expect(await screen.findByRole('heading', { level: 1, name: 'This is the pause' })).toHaveFocus();
    expect((await getSettings()).sites.map((s) => [s.id, s.kind])).toEqual([
      ['reddit', 'feed'],
      ['jitsi', 'meeting'],
      ['site:127.0.0.1', 'feed'],
    ]);
  });

  it('counts a site still in the field when saving, as if Add had been pressed', async () => {
    answer(true);
    const { user } = await openChoose();
    await user.type(ownField(), 'news.example.com');
    await user.click(saveButton());
    await screen.findByRole('heading', { name: 'This is the pause' });
    expect((await getSettings()).sites.map((s) => s.id)).toEqual(['site:news.example.com']);
  });

  it('refuses a shared ending and a site already chosen, as the options page does', async () => {
    const { user } = await openChoose();
    await user.type(ownField(), 'co.uk');
    await user.click(screen.getByRole('button', { name: 'Add' }));
    expect(screen.getByRole('alert')).toHaveTextContent(/co\.uk/);
    expect(ownField()).toHaveAttribute('aria-invalid', 'true');

    await user.clear(ownField());
    await user.click(screen.getByRole('checkbox', { name: 'Reddit' }));
    await user.type(ownField(), 'reddit.com');
    await user.click(screen.getByRole('button', { name: 'Add' }));
    expect(screen.getByRole('alert')).toHaveTextContent('reddit.com is already in your list (as Reddit).');
    expect(screen.queryByRole('list', { name: 'Your own sites' })).not.toBeInTheDocument();
  });

  it('saves nothing and says so when the browser refuses access', async () => {
    answer(false);
    const { user } = await openChoose();
    await user.click(screen.getByRole('checkbox', { name: 'Reddit' }));
    await user.click(saveButton());
    expect(await screen.findByText(/Your browser did not give access, so nothing was saved/)).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1, name: 'Where would you like a pause?' })).toBeInTheDocument();
    expect((await getSettings()).sites).toEqual([]);
  });

  it('moves on without a prompt when nothing is chosen', async () => {
    const request = answer(true);
    const { user } = await openChoose();
    await user.click(screen.getByRole('button', { name: 'Next' }));
    expect(await screen.findByRole('heading', { name: 'This is the pause' })).toBeInTheDocument();
    expect(request).not.toHaveBeenCalled();
  });

  it('shows a site already on as on, and does not add it again', async () => {
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, sites: [{ ...siteFromPreset(presetById('reddit')!), waitSeconds: 30 }] });
    await openChoose();
    const reddit = screen.getByRole('checkbox', { name: 'Reddit (already on)' });
    expect(reddit).toBeChecked();
    expect(reddit).toBeDisabled();
  });

  it('Skip after choosing saves nothing', async () => {
    const request = answer(true);
    const { user, onfinish } = await openChoose();
    await user.click(screen.getByRole('checkbox', { name: 'Reddit' }));
    await user.type(ownField(), '127.0.0.1{Enter}');
    await user.click(screen.getByRole('button', { name: 'Skip' }));
    expect(onfinish).toHaveBeenCalledTimes(1);
    expect(request).not.toHaveBeenCalled();
    expect(await settingsItem.getValue()).toEqual(DEFAULT_SETTINGS);
  });
});

describe('the welcome page: the preview', () => {
  it('frames the real pause page as a preview of the feed just chosen, and Done ends the tour', async () => {
    answer(true);
    const { user, onfinish } = await openChoose();
    await user.click(screen.getByRole('checkbox', { name: 'Reddit' }));
    await user.click(saveButton());
    const frame = (await screen.findByTitle('A preview of the pause')) as HTMLIFrameElement;
    const url = new URL(frame.src);
    expect(url.pathname).toBe('/pause.html');
    expect(Object.fromEntries(url.searchParams)).toMatchObject({ preview: '1', site: 'reddit', host: 'Reddit' });
    expect(screen.getByText(/toolbar/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Done' }));
    expect(onfinish).toHaveBeenCalledTimes(1);
  });
});

describe('initialsOf', () => {
  it.each([
    ['Reddit', 'R'],
    ['YouTube Shorts', 'YS'],
    ['Google Meet', 'GM'],
    ['www.news.example.com', 'N'],
    ['127.0.0.1', '1'],
    ['*.example.org', 'E'],
  ])('%s → %s', (label, initials) => {
    expect(initialsOf(label)).toBe(initials);
  });
});
