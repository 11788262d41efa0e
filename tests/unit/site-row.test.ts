import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import SiteRow from '@/components/options/SiteRow.svelte';
import type { TriggerSite } from '@/lib/settings/settings';
import { siteFromPreset } from '@/lib/sites/trigger-sites';
import { presetById } from './builders';

/** X's row on the options page, its "More for X" opened, with what it saves recorded. */
async function openRow(over: Partial<TriggerSite> = {}) {
  const onchange = vi.fn();
  const site = { ...siteFromPreset(presetById('x')!), ...over };
  const view = render(SiteRow, { site, granted: true, onchange, onremove: vi.fn(), ongrant: vi.fn() });
  const user = userEvent.setup();
  const more = screen.getByRole('button', { name: 'More for X' });
  expect(more).toHaveAttribute('aria-expanded', 'false');
  expect(screen.queryByRole('textbox', { name: /Don't pause on a part of X/ })).not.toBeInTheDocument();
  await user.click(more);
  expect(more).toHaveAttribute('aria-expanded', 'true');
  return { user, onchange, site, view };
}

describe('a feed site’s row: exceptions', () => {
  const field = () => screen.getByRole('textbox', { name: "Don't pause on a part of X" });

  it('checks an exception as it is typed, and refuses a part of another site', async () => {
    const { user, onchange } = await openRow();
    await user.type(field(), 'reddit.com/r/x');
    expect(field()).toHaveAccessibleDescription("reddit.com/r/x is not part of X, so it can't be an exception there.");
    expect(field()).toHaveAttribute('aria-invalid', 'true');
    await user.keyboard('{Enter}');
    expect(onchange).not.toHaveBeenCalled();
  });

  it('says nothing of a half-typed address until the field is left', async () => {
    const { user } = await openRow();
    await user.type(field(), 'x');
    expect(field()).toHaveAccessibleDescription('');
    await user.tab();
    expect(field()).toHaveAccessibleDescription('Add the ending, like x.com.');
  });

  it('adds an exception inside the site, as it is kept, and empties the field', async () => {
    const { user, onchange } = await openRow({ exceptions: ['x.com/i/bookmarks'] });
    await user.type(field(), 'X.com/messages/{Enter}');
    expect(onchange).toHaveBeenCalledWith({ exceptions: ['x.com/i/bookmarks', 'x.com/messages'] });
    expect(field()).toHaveValue('');
    expect(screen.getByText("x.com/messages won't pause.")).toBeInTheDocument();
  });

  it('lists the exceptions, each with a way to remove it', async () => {
    const { user, onchange } = await openRow({ exceptions: ['x.com/messages', 'x.com/i/bookmarks'] });
    await user.click(screen.getByRole('button', { name: 'Remove the exception x.com/messages' }));
    expect(onchange).toHaveBeenCalledWith({ exceptions: ['x.com/i/bookmarks'] });
  });

  it('shows the exceptions in the row while its options are closed', () => {
    const site = { ...siteFromPreset(presetById('x')!), exceptions: ['x.com/messages'] };
    render(SiteRow, { site, granted: true, onchange: vi.fn(), onremove: vi.fn(), ongrant: vi.fn() });
    expect(screen.getByText('Not on x.com/messages')).toBeVisible();
  });
});

describe('a feed site’s row: the pause’s question and intention', () => {
  it('saves whether an intention is asked', async () => {
    const { user, onchange } = await openRow();
    expect(screen.getByRole('radio', { name: 'Ask, answer optional' })).toBeChecked();
    await user.click(screen.getByRole('radio', { name: 'Ask, answer required' }));
    expect(onchange).toHaveBeenLastCalledWith({ intention: 'required' });
    await user.click(screen.getByRole('radio', { name: "Don't ask" }));
    expect(onchange).toHaveBeenLastCalledWith({ intention: 'off' });
  });

  it('saves the questions, one per line, when the field is left', async () => {
    const { user, onchange } = await openRow();
    const box = screen.getByRole('textbox', { name: /The question at the pause on X/ });
    expect(box).toHaveAttribute('placeholder', 'Is this really my choice?');
    await user.type(box, '  Why now?  {Enter}{Enter}Who chose this?');
    expect(onchange).not.toHaveBeenCalled();
    await user.tab();
    expect(onchange).toHaveBeenCalledWith({ questions: ['Why now?', 'Who chose this?'] });
    expect(box).toHaveValue('Why now?\nWho chose this?');
    expect(screen.getByText('Saved 2 questions, asked in turn.')).toBeInTheDocument();
  });

  it('keeps at most five questions, and says so', async () => {
    const { user, onchange } = await openRow();
    const box = screen.getByRole('textbox', { name: /The question at the pause on X/ });
    await user.type(box, 'a{Enter}b{Enter}c{Enter}d{Enter}e{Enter}f');
    await user.tab();
    expect(onchange).toHaveBeenCalledWith({ questions: ['a', 'b', 'c', 'd', 'e'] });
    expect(screen.getByText(/At most 5 questions of up to 120 characters are kept\./)).toBeInTheDocument();
  });

  it('has no such options for a meeting site', () => {
    const site: TriggerSite = { ...siteFromPreset({ id: 'meet', label: 'Google Meet', sites: ['meet.google.com'] }, 'meeting') };
    render(SiteRow, { site, granted: true, onchange: vi.fn(), onremove: vi.fn(), ongrant: vi.fn() });
    expect(screen.queryByRole('button', { name: /More for/ })).not.toBeInTheDocument();
  });
});
