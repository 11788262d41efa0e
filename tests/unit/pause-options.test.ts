import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import PauseSection from '@/components/options/PauseSection.svelte';
import SitePauseStyles from '@/components/options/SitePauseStyles.svelte';
import type { PauseStyle } from '@/lib/browser/messages';
import { normaliseSettings, type Settings } from '@/lib/settings/settings';
import type { ChosenSites } from '@/lib/sites/chosen-sites.svelte';

describe('the options page: the pause’s rule for a longer wait', () => {
  /** The section over `settings`, with every change it saves applied to them. */
  function section(settings: Settings) {
    const saved: Settings[] = [];
    const choices = { settings, loaded: true, changeSettings: vi.fn((change: (s: Settings) => Settings) => saved.push(normaliseSettings(change(settings)))) };
    render(PauseSection, { choices: choices as unknown as ChosenSites });
    return { saved, user: userEvent.setup() };
  }

  it('says the rule in words, and turns it off', async () => {
    const { saved, user } = section(normaliseSettings({ sites: [] }));
    expect(screen.getByText(/Each further Continue that day adds 5 s to the next wait, up to 30 s\./)).toBeInTheDocument();
    await user.click(screen.getByRole('checkbox', { name: 'Make the wait longer with each visit of the day' }));
    expect(saved.at(-1)?.friction).toEqual({ on: false, stepSeconds: 5, capSeconds: 30 });
  });

  it('sets the step and the cap, and refuses a step out of range', async () => {
    const { saved, user } = section(normaliseSettings({ sites: [] }));
    const step = screen.getByRole('spinbutton', { name: /Each visit adds/ });
    await user.clear(step);
    await user.type(step, '8');
    await user.tab();
    expect(saved.at(-1)?.friction).toEqual({ on: true, stepSeconds: 8, capSeconds: 30 });
    const cap = screen.getByRole('spinbutton', { name: /Up to/ });
    await user.clear(cap);
    await user.type(cap, '500');
    await user.tab();
    expect(saved).toHaveLength(1);
    expect(cap).toHaveValue(30);
  });

  it('says the rule is off when it is', () => {
    section(normaliseSettings({ sites: [], friction: { on: false } }));
    expect(screen.getByText(/however often you continue/)).toBeInTheDocument();
    expect(screen.queryByRole('spinbutton')).not.toBeInTheDocument();
  });
});

describe('the options page: a site’s pause styles', () => {
  it('turns styles on and off, keeping one on', async () => {
    const onchange = vi.fn();
    const view = render(SitePauseStyles, { label: 'Reddit', styles: undefined as PauseStyle[] | undefined, onchange });
    const user = userEvent.setup();
    const question = screen.getByRole('checkbox', { name: 'The question and a breath' });
    expect(question).toBeChecked();
    expect(question).toBeDisabled();
    await user.click(screen.getByRole('checkbox', { name: 'A longer, slower breath' }));
    expect(onchange).toHaveBeenLastCalledWith(['question', 'long-breath']);
    await view.rerender({ label: 'Reddit', styles: ['question', 'long-breath'], onchange });
    expect(question).toBeEnabled();
    await user.click(question);
    expect(onchange).toHaveBeenLastCalledWith(['long-breath']);
  });
});
