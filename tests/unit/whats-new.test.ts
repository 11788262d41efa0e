import { cleanup, render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import WhatsNew from '@/components/popup/WhatsNew.svelte';
import { announceVersion, readWhatsNew, whatsNewNote } from '@/lib/settings/whats-new';

// The line's flag lives in the fake browser's storage, as the background leaves it after an update.

describe("the popup's line of news", () => {
  it('says nothing when the extension has not been updated', async () => {
    render(WhatsNew);
    await Promise.resolve();
    expect(await readWhatsNew()).toBeNull();
    expect(screen.queryByText(/^New in/)).not.toBeInTheDocument();
  });

  it('tells of the new version in one line until dismissed, and stays dismissed', async () => {
    await announceVersion('0.2.0');
    const user = userEvent.setup();
    render(WhatsNew);
    expect(await screen.findByText(`New in 0.2.0: ${whatsNewNote()}`)).toBeInTheDocument();
    // Still there the next time the popup opens.
    cleanup();
    render(WhatsNew);
    await user.click(await screen.findByRole('button', { name: /Dismiss/ }));
    expect(screen.queryByText(/^New in/)).not.toBeInTheDocument();
    expect(await readWhatsNew()).toBeNull();
    cleanup();
    render(WhatsNew);
    await new Promise((r) => setTimeout(r, 0));
    expect(screen.queryByText(/^New in/)).not.toBeInTheDocument();
  });
});
