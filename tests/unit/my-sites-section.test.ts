import { render, screen, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import MySitesSection from '@/components/options/MySitesSection.svelte';
import { ChosenSites } from '@/lib/sites/chosen-sites.svelte';
import { withSite } from '@/lib/sites/trigger-sites';

describe('adding a site on the options page', () => {
  it('never calls the site being added "already in your list", even when the settings show it before the add is done', async () => {
    vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(true);
    const choices = new ChosenSites();
    await choices.refresh();
    // As it happens in a browser: another page's storage event brings the new site in before the add's own promise settles.
    let finish: () => void = () => undefined;
    choices.add = (site, section, words, done) =>
      new Promise<void>((resolve) => {
        choices.settings = withSite(choices.settings, site);
        finish = () => {
          done?.();
          choices.say(section, words.added);
          resolve();
        };
      });
    render(MySitesSection, { choices });
    const user = userEvent.setup();
    const field = screen.getByLabelText('Add a site or page');
    await user.type(field, 'reddit.com{Enter}');
    await waitFor(() => expect(choices.settings.sites.some((s) => s.label === 'reddit.com')).toBe(true));
    const error = document.getElementById('site-error')!;
    expect(error).toHaveTextContent('');
    expect(field).toHaveAttribute('aria-invalid', 'false');
    finish();
    await waitFor(() => expect(field).toHaveValue(''));
    expect(error).toHaveTextContent('');

    // Typed again, it is a duplicate, and the field says so.
    await user.type(field, 'reddit.com{Enter}');
    expect(error).toHaveTextContent('reddit.com is already in your list.');
  });
});
