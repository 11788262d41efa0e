import { resolve } from 'node:path';
import { generateChromeMessages, parseMessagesFile, type ChromeMessage } from '@wxt-dev/i18n/build';

/** The languages Pause Moment speaks: each has locales/<language>.yml. */
export const LANGUAGES = ['en', 'de'] as const;
export type Language = (typeof LANGUAGES)[number];

/** One language's messages as the browser reads them from _locales/<language>/messages.json. */
export async function messagesOf(language: Language): Promise<Record<string, ChromeMessage>> {
  return generateChromeMessages(await parseMessagesFile(resolve(import.meta.dirname, `../../locales/${language}.yml`)));
}

/**
 * `browser.i18n.getMessage` over `messages`, as the browser answers it: the
 * message with its `$name$` placeholders and `$1`… substitutions filled in,
 * and '' for a key it does not have.
 */
export function getMessageFrom(messages: Record<string, ChromeMessage>) {
  return (key: string, substitutions?: string | string[]): string => {
    if (key === '@@ui_locale') return 'en';
    const message = messages[key];
    if (!message) return '';
    const subs = substitutions === undefined ? [] : Array.isArray(substitutions) ? substitutions : [substitutions];
    const placeholders = Object.fromEntries(Object.entries(message.placeholders ?? {}).map(([k, v]) => [k.toLowerCase(), v.content]));
    return message.message
      .replace(/\$([a-z0-9_@]+)\$/gi, (_, name: string) => placeholders[name.toLowerCase()] ?? '')
      .replace(/\$(\d)/g, (_, n: string) => subs[Number(n) - 1] ?? '')
      .replace(/\$\$/g, '$');
  };
}
