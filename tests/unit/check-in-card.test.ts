import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import CheckInCard from '@/components/pause/CheckInCard.svelte';
import { openTimesItem } from '@/lib/settings/storage-registry';

// The background is reached only through typed messages: what the card sends is what the user chose.
const { sendMessage } = vi.hoisted(() => ({ sendMessage: vi.fn(async (..._args: unknown[]) => undefined) }));
vi.mock('@/lib/browser/messages', () => ({ messaging: { sendMessage } }));

const NOW = Date.now();
const sent = (type: string) => sendMessage.mock.calls.filter(([t]) => t === type).map(([, data]) => data);

async function openCard(intention?: string) {
  await openTimesItem.setValue({ reddit: { openedAt: NOW - 60_000, until: NOW + 600_000, ...(intention ? { intention } : {}) } });
  render(CheckInCard, { siteId: 'reddit', canGoBack: true });
  const asked = intention ? `Still about ${intention}?` : 'Still your choice?';
  await vi.waitFor(() => expect(screen.getByRole('heading').textContent?.replace(/\s+/g, ' ').trim()).toBe(asked));
  return userEvent.setup();
}

beforeEach(() => {
  sendMessage.mockClear();
});

describe('the check-in card', () => {
  it('asks about what the user came for, read from the extension’s own storage, and takes no focus', async () => {
    await openCard('read one thread');
    expect(document.activeElement).toBe(document.body);
  });

  it('asks "Still your choice?" when the user gave no intention', async () => {
    await openCard();
  });

  it('Keep going and Escape keep going; Leave leaves', async () => {
    const user = await openCard('read one thread');
    await user.click(screen.getByRole('button', { name: 'Keep going' }));
    await user.keyboard('{Escape}');
    expect(sent('checkInKeepGoing')).toEqual([{ siteId: 'reddit' }, { siteId: 'reddit' }]);
    await user.click(screen.getByRole('button', { name: 'Leave' }));
    expect(sent('checkInLeave')).toEqual([{ siteId: 'reddit', canGoBack: true }]);
  });

  it('Note takes one line for the journal, with the question it answers', async () => {
    const user = await openCard('read one thread');
    await user.click(screen.getByRole('button', { name: 'Note' }));
    expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'A line for your journal' }));
    await user.keyboard('Found it.{Enter}');
    expect(sent('checkInNote')).toEqual([{ siteId: 'reddit', noteId: expect.any(String), text: 'Found it.', prompt: 'Still about read one thread?' }]);
    expect(await screen.findByText('Saved to your journal.')).toBeTruthy();
  });
});
