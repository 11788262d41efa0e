import { readdirSync, readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { parseMessagesText } from '@wxt-dev/i18n/build';

/**
 * The words the feed pause paints before the page does, in each language of
 * locales/, built into its script: in Chromium it reads them from here rather
 * than through browser.i18n, whose first call in a page's process asks the
 * browser for the catalogue synchronously (lib/browser/plain-message.ts).
 */
export function paintedWords(): Record<string, { question: string; frameTitle: string }> {
  const words: Record<string, { question: string; frameTitle: string }> = {};
  const dir = resolve(import.meta.dirname, '../locales');
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.yml'))) {
    const messages = parseMessagesText(readFileSync(resolve(dir, file), 'utf8'), 'YAML');
    const plain = (key: string) => {
      const found = messages.find((m) => m.key.join('.') === key);
      if (found?.type !== 'simple') throw new Error(`locales/${file}: ${key} must be a plain message`);
      return found.message;
    };
    words[basename(file, '.yml')] = { question: plain('pause.question'), frameTitle: plain('pause.frameTitle') };
  }
  return words;
}
