import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import ScheduleRanges from '@/components/options/ScheduleRanges.svelte';
import ScheduleSection from '@/components/options/ScheduleSection.svelte';
import type { Schedule } from '@/lib/settings/schedule';
import { getSettings, updateSettings } from '@/lib/settings/store';
import { settingsItem } from '@/lib/settings/storage-registry';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ChosenSites } from '@/lib/sites/chosen-sites.svelte';
import { siteFromPreset, withSite } from '@/lib/sites/trigger-sites';
import { presetById } from './builders';

const work: Schedule = [{ days: [1, 2, 3, 4, 5], from: 540, to: 1020 }];

function ranges(initial: Schedule = []) {
  const onsave = vi.fn();
  const view = render(ScheduleRanges, { title: 'All sites', lead: 'Pauses', ranges: initial, onsave });
  return { onsave, view, user: userEvent.setup() };
}

const range = (n: number) => screen.getByRole('group', { name: new RegExp(`^Time range ${n}`) });

describe('the time ranges of a schedule', () => {
  it('starts with none, said plainly, and adds weekdays 9:00–17:00', async () => {
    const { onsave, view, user } = ranges();
    expect(screen.getByText('Pauses at any time.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Add a time range' }));
    expect(onsave).toHaveBeenLastCalledWith(work);
    expect(range(1)).toHaveAccessibleName('Time range 1: weekdays 9:00–17:00');
    // The new range's first day has focus, for a keyboard user.
    expect(within(range(1)).getByRole('checkbox', { name: 'Monday' })).toHaveFocus();
    await view.rerender({ ranges: work });
    expect(screen.getByText('Pauses on weekdays 9:00–17:00.')).toBeInTheDocument();
  });

  it('labels each day and time, and turns days on and off from the keyboard', async () => {
    const { onsave, user } = ranges(work);
    const saturday = within(range(1)).getByRole('checkbox', { name: 'Saturday' });
    expect(saturday).not.toBeChecked();
    saturday.focus();
    await user.keyboard(' ');
    expect(onsave).toHaveBeenLastCalledWith([{ ...work[0], days: [1, 2, 3, 4, 5, 6] }]);
    expect(within(range(1)).getByLabelText('From')).toHaveValue('09:00');
    expect(within(range(1)).getByLabelText('To')).toHaveValue('17:00');
  });

  it('refuses the same start and end as it is typed, says why, and keeps what was saved', async () => {
    const { onsave } = ranges(work);
    const to = within(range(1)).getByLabelText('To');
    await fireEvent.input(to, { target: { value: '09:00' } });
    expect(to).toHaveAttribute('aria-invalid', 'true');
    expect(range(1)).toHaveAccessibleDescription(/From and to are the same time/);
    expect(screen.getByRole('alert')).toHaveTextContent(/From and to are the same time/);
    expect(onsave).not.toHaveBeenCalled();
    expect(screen.getByText('Pauses on weekdays 9:00–17:00.')).toBeInTheDocument();
    // Fixed: saved at once, and the message goes.
    await fireEvent.input(to, { target: { value: '12:30' } });
    expect(onsave).toHaveBeenLastCalledWith([{ ...work[0], to: 750 }]);
    expect(to).toHaveAttribute('aria-invalid', 'false');
    expect(screen.getByRole('alert')).toHaveTextContent('');
  });

  it('refuses a range with no day, and an emptied time', async () => {
    const { onsave, user } = ranges([{ days: [3], from: 540, to: 600 }]);
    await user.click(within(range(1)).getByRole('checkbox', { name: 'Wednesday' }));
    expect(screen.getByRole('alert')).toHaveTextContent('Choose at least one day.');
    expect(onsave).not.toHaveBeenCalled();
    await user.click(within(range(1)).getByRole('checkbox', { name: 'Wednesday' }));
    expect(onsave).toHaveBeenCalledTimes(1);
    await fireEvent.input(within(range(1)).getByLabelText('From'), { target: { value: '' } });
    expect(screen.getByRole('alert')).toHaveTextContent('Enter both times.');
    expect(onsave).toHaveBeenCalledTimes(1);
  });

  it('keeps what is being typed when its earlier saves come back, and takes a change made elsewhere', async () => {
    const { view, onsave } = ranges(work);
    const to = () => within(range(1)).getByLabelText('To');
    await fireEvent.input(to(), { target: { value: '12:30' } });
    await fireEvent.input(to(), { target: { value: '12:45' } });
    expect(onsave).toHaveBeenCalledTimes(2);
    // The first save comes back from storage after the second was typed: the field keeps 12:45.
    await view.rerender({ ranges: [{ ...work[0]!, to: 750 }] });
    expect(to()).toHaveValue('12:45');
    await view.rerender({ ranges: [{ ...work[0]!, to: 765 }] });
    expect(to()).toHaveValue('12:45');
    // Another tab sets other times: they show here.
    await view.rerender({ ranges: [{ ...work[0]!, to: 1080 }] });
    expect(to()).toHaveValue('18:00');
  });

  it('says when a range runs past midnight', () => {
    ranges([{ days: [5], from: 1200, to: 120 }]);
    expect(range(1)).toHaveAccessibleName('Time range 1: Friday 20:00–2:00 the next day');
    expect(within(range(1)).getByText('ends the next day')).toBeInTheDocument();
  });

  it('removes a range and gives focus back to adding one', async () => {
    const { onsave, user } = ranges([...work, { days: [0, 6], from: 600, to: 660 }]);
    await user.click(screen.getByRole('button', { name: 'Remove time range 1' }));
    expect(onsave).toHaveBeenLastCalledWith([{ days: [0, 6], from: 600, to: 660 }]);
    expect(screen.getByRole('button', { name: 'Add a time range' })).toHaveFocus();
    expect(range(1)).toHaveAccessibleName('Time range 1: weekends 10:00–11:00');
  });
});

describe('the schedule section of the options page', () => {
  const reddit = siteFromPreset(presetById('reddit')!);
  const x = siteFromPreset(presetById('x')!);

  async function section() {
    await updateSettings((s) => withSite(withSite({ ...s, schedule: work }, reddit), x));
    // The browser gives access to every site here; the section follows the settings as the page does.
    vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(true);
    const choices = new ChosenSites();
    const stop = settingsItem.watch(() => void choices.refresh());
    await choices.refresh();
    render(ScheduleSection, { choices });
    await waitFor(() => expect(choices.loaded).toBe(true));
    return { choices, stop, user: userEvent.setup() };
  }

  it('gives a site its own times, starting from those for all sites, and takes them back', async () => {
    const { stop, user } = await section();
    expect(screen.getByText('Pauses on weekdays 9:00–17:00.')).toBeInTheDocument();
    await user.selectOptions(screen.getByLabelText('Give a site its own times'), 'Reddit');
    await user.click(screen.getByRole('button', { name: 'Give own times' }));
    await waitFor(async () => expect((await getSettings()).sites.find((s) => s.id === reddit.id)?.schedule).toEqual(work));
    expect(await screen.findByText('Reddit pauses on weekdays 9:00–17:00.')).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('Reddit has its own times now');
    // Its own times change Reddit only.
    const own = screen.getByRole('group', { name: 'Reddit (its own times)' });
    await user.click(within(own).getByRole('checkbox', { name: 'Saturday' }));
    await waitFor(async () => expect((await getSettings()).sites.find((s) => s.id === reddit.id)?.schedule?.[0]?.days).toEqual([1, 2, 3, 4, 5, 6]));
    expect((await getSettings()).schedule).toEqual(work);
    expect(await screen.findByText('Reddit pauses on Monday to Saturday 9:00–17:00.')).toBeInTheDocument();
    await user.click(within(own).getByRole('button', { name: 'Use the times for all sites' }));
    await waitFor(async () => expect((await getSettings()).sites.find((s) => s.id === reddit.id)).not.toHaveProperty('schedule'));
    expect(screen.queryByRole('group', { name: 'Reddit (its own times)' })).not.toBeInTheDocument();
    expect(screen.getByLabelText('Give a site its own times')).toHaveFocus();
    stop();
  });

  it('saves the times for all sites, and removing the last one means at any time again', async () => {
    const { stop, user } = await section();
    const all = screen.getByRole('group', { name: 'All sites' });
    await user.click(within(all).getByRole('button', { name: 'Remove time range 1' }));
    await waitFor(async () => expect(await getSettings()).not.toHaveProperty('schedule'));
    expect(await within(all).findByText('Pauses at any time.')).toBeInTheDocument();
    stop();
  });
});
