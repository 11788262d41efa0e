import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import ReflectionItem from '@/components/journal/ReflectionItem.svelte';
import { newReflection, type Reflection } from '@/lib/journal/reflection';

function show(text: string) {
  const reflection = newReflection('lx2k9a1b0-abcdefgh', 1_700_000_000_000, text, { kind: 'popup' });
  const ontag = vi.fn();
  const onedit = vi.fn<(r: Reflection) => void>();
  render(ReflectionItem, { reflection, ontag, onedit, ondelete: vi.fn() });
  return { user: userEvent.setup(), ontag, onedit };
}

/** Every place `words` can be read in the item, as a person reading it would find them. */
const timesShown = (words: string) => document.body.textContent!.split(words).length - 1;

describe('a reflection’s #tags', () => {
  it('shows each tag once, where it was written, in the words as typed', () => {
    show('Said yes when I meant no. #Boundary #mychoice');
    expect(screen.getByRole('listitem')).toHaveTextContent('Said yes when I meant no. #Boundary #mychoice');
    expect(timesShown('#Boundary')).toBe(1);
    expect(timesShown('#mychoice')).toBe(1);
    expect(timesShown('#boundary')).toBe(0);
  });

  it('shows a tag used twice in the text twice, and nowhere else', () => {
    show('#calm morning, #calm evening');
    expect(screen.getAllByRole('button', { name: '#calm' })).toHaveLength(2);
    expect(timesShown('#calm')).toBe(2);
  });

  it('lets a tag in the text be clicked to show the reflections that carry it', async () => {
    const { user, ontag } = show('Kept my evening free. #Boundary');
    const tag = screen.getByRole('button', { name: '#Boundary' });
    expect(tag).toHaveAccessibleDescription('Show reflections tagged #boundary');
    await user.click(tag);
    expect(ontag).toHaveBeenCalledWith('boundary');
  });

  it('reaches a tag by keyboard', async () => {
    const { user, ontag } = show('#first then the rest');
    await user.tab();
    expect(screen.getByRole('button', { name: '#first' })).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(ontag).toHaveBeenCalledWith('first');
  });

  it('makes no button of what is not a tag, and no markup of the text', () => {
    show('C# and x.com/#top <b>bold</b>');
    expect(screen.queryAllByRole('button').map((b) => b.textContent)).toEqual(['Edit', 'Delete']);
    expect(screen.getByRole('listitem')).toHaveTextContent('C# and x.com/#top <b>bold</b>');
    expect(document.querySelector('b')).toBeNull();
  });

  it('follows the text when it is edited', async () => {
    const { user, onedit } = show('old #words');
    await user.click(screen.getByRole('button', { name: 'Edit' }));
    await user.clear(screen.getByRole('textbox', { name: 'Edit reflection' }));
    await user.type(screen.getByRole('textbox', { name: 'Edit reflection' }), 'new #Words and #more');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(onedit.mock.calls[0]![0]).toMatchObject({ text: 'new #Words and #more', tags: ['words', 'more'] });
  });
});
