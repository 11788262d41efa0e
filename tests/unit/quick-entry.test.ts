import { cleanup, render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import JournalList from '@/components/journal/JournalList.svelte';
import QuickEntry from '@/components/journal/QuickEntry.svelte';
import { JOURNAL_PROMPTS } from '@/lib/journal/prompts';
import { clearJournal } from '@/lib/journal/store';

// The draft lives in the fake browser's storage and the journal in fake IndexedDB, as the popup keeps them.

const PROMPTS = JOURNAL_PROMPTS.map((p) => p.text);

/** Opens the popup's writing box with the journal list under it, and waits until the box takes typing. */
async function openPopup() {
  const user = userEvent.setup();
  render(QuickEntry);
  render(JournalList);
  await waitFor(() => expect(box()).toBeEnabled());
  return user;
}

/** Closes the popup, as clicking elsewhere does: everything on the page goes. */
const closePopup = () => cleanup();

const box = () => screen.getByRole('textbox') as HTMLTextAreaElement;
const list = () => screen.getByRole('list');
/** The prompt offered above the box. */
const offered = () => {
  const text = screen.getByRole('button', { name: 'Answer this' }).getAttribute('aria-describedby');
  return document.getElementById(text!)!.textContent!.trim();
};

async function save(user: ReturnType<typeof userEvent.setup>): Promise<void> {
  await user.click(screen.getByRole('button', { name: 'Save reflection' }));
}

/** Types `words` into the box, saves, and gives the reflection as the list shows it. */
async function writeAndSave(user: ReturnType<typeof userEvent.setup>, words: string): Promise<HTMLElement> {
  await user.type(box(), words);
  await save(user);
  return within(list()).findByRole('listitem');
}

beforeEach(async () => {
  await clearJournal();
});

describe('the quick entry: the draft', () => {
  it('keeps what was typed when the popup closes, and opens onto it with the caret at the end', async () => {
    const user = await openPopup();
    expect(box()).toHaveFocus();
    await user.type(box(), 'Today I said yes when I meant');
    closePopup();
    await openPopup();
    expect(box()).toHaveValue('Today I said yes when I meant');
    expect(box()).toHaveFocus();
    expect(box().selectionStart).toBe('Today I said yes when I meant'.length);
  });

  it('saving lists the reflection, empties the box, and leaves no draft for the next opening', async () => {
    const user = await openPopup();
    await user.type(box(), 'Said no to the offsite. #boundary');
    await save(user);
    await waitFor(() => expect(within(list()).getByText(/Said no to the offsite\./)).toBeInTheDocument());
    expect(box()).toHaveValue('');
    expect(screen.getByRole('status')).toHaveTextContent('Saved.');
    expect(box()).toHaveFocus();
    closePopup();
    await openPopup();
    expect(box()).toHaveValue('');
    expect(await within(list()).findAllByRole('listitem')).toHaveLength(1);
  });

  it('saves with Ctrl+Enter, and says so when there is nothing to save', async () => {
    const user = await openPopup();
    await user.keyboard('{Control>}{Enter}{/Control}');
    expect(screen.getByRole('status')).toHaveTextContent('Write something first.');
    await user.type(box(), 'A walk instead of the feed.');
    await user.keyboard('{Control>}{Enter}{/Control}');
    await waitFor(() => expect(within(list()).getByText('A walk instead of the feed.')).toBeInTheDocument());
  });
});

describe('the quick entry: a prompt is recorded only when the user chose to answer it', () => {
  it('offers a prompt, and writing under it without choosing it saves no prompt', async () => {
    const user = await openPopup();
    const prompt = offered();
    expect(PROMPTS).toContain(prompt);
    expect(box()).toHaveAccessibleName('Your reflection');
    const item = await writeAndSave(user, 'Nothing to do with the prompt.');
    expect(item).toHaveTextContent('Nothing to do with the prompt.');
    expect(within(item).queryByText(prompt)).not.toBeInTheDocument();
  });

  it('"Answer this", reached by keyboard, makes the prompt the question, and saves it with the answer', async () => {
    const user = await openPopup();
    const prompt = offered();
    // From the box, back past "Another prompt" to "Answer this".
    await user.tab({ shift: true });
    await user.tab({ shift: true });
    expect(screen.getByRole('button', { name: 'Answer this' })).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(box()).toHaveFocus();
    expect(box()).toHaveAccessibleName(`Answering: ${prompt}`);
    const item = await writeAndSave(user, 'I want a quiet evening.');
    expect(within(item).getByText(prompt)).toBeInTheDocument();
    // The next entry starts free again, under a different prompt.
    expect(screen.getByRole('button', { name: 'Answer this' })).toBeInTheDocument();
    expect(offered()).not.toBe(prompt);
  });

  it('keeps the choice across closing the popup, and "Write freely" takes it back', async () => {
    let user = await openPopup();
    const prompt = offered();
    await user.click(screen.getByRole('button', { name: 'Answer this' }));
    await user.type(box(), 'Half an answer');
    closePopup();
    user = await openPopup();
    expect(box()).toHaveAccessibleName(`Answering: ${prompt}`);
    await user.click(screen.getByRole('button', { name: 'Write freely' }));
    expect(box()).toHaveAccessibleName('Your reflection');
    expect(box()).toHaveFocus();
    const item = await writeAndSave(user, ', and then something else.');
    expect(item).toHaveTextContent('Half an answer, and then something else.');
    expect(within(item).queryByText(prompt)).not.toBeInTheDocument();
  });

  it('"Another prompt" offers a different one, still not chosen', async () => {
    const user = await openPopup();
    const first = offered();
    await user.click(screen.getByRole('button', { name: 'Another prompt' }));
    expect(offered()).not.toBe(first);
    expect(PROMPTS).toContain(offered());
    expect(box()).toHaveAccessibleName('Your reflection');
  });
});
