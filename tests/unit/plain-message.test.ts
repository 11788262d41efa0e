import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { plainMessage, wordsFor } from '@/lib/browser/plain-message';
import { getMessageFrom, messagesOf } from './messages';

const i18n = fakeBrowser.i18n as unknown as { getMessage(name: string): string; getUILanguage(): string };

afterEach(() => vi.restoreAllMocks());

describe('the words the feed pause paints before the page does', () => {
  it.each(['en', 'de'] as const)('are the %s catalogue’s own', async (locale) => {
    const catalogue = getMessageFrom(await messagesOf(locale));
    expect(wordsFor(locale)).toEqual({ question: catalogue('pause_question'), frameTitle: catalogue('pause_frameTitle') });
  });

  it.each([
    ['de_AT', 'Ist das wirklich meine Entscheidung?'],
    ['de', 'Ist das wirklich meine Entscheidung?'],
    ['en_GB', 'Is this really my choice?'],
    ['fr', 'Is this really my choice?'],
    ['zh_Hant_TW', 'Is this really my choice?'],
  ])('in a browser speaking %s, are in its language or its parent’s, else in English', (locale, question) => {
    expect(wordsFor(locale).question).toBe(question);
  });

  it('are read in Chromium without asking the browser for its catalogue, in the browser’s language', () => {
    const getMessage = vi.spyOn(i18n, 'getMessage');
    vi.spyOn(i18n, 'getUILanguage').mockReturnValue('de-AT');
    expect(plainMessage('pause.question')).toBe('Ist das wirklich meine Entscheidung?');
    expect(plainMessage('pause.frameTitle')).toBe('Pause Moment: Ist das wirklich meine Entscheidung?');
    expect(plainMessage('@@ui_locale')).toBe('de_AT');
    expect(getMessage).not.toHaveBeenCalled();
  });
});
