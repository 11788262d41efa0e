import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { uiLanguage } from '@/lib/browser/language';
import { privacyPage } from '@/lib/browser/privacy-page';
import { inGerman } from './german';

const ROOT = resolve(import.meta.dirname, '../..');

describe('the privacy policy page for the browser’s language', () => {
  it('is the German policy for German, whatever the region, and the English one for any other language', () => {
    for (const german of ['de', 'de-DE', 'de-AT', 'de-CH', 'DE-de']) expect(privacyPage(german)).toBe('/privacy.de.html');
    for (const other of ['en', 'en-US', 'en-GB', 'fr', 'nl', 'dsb', 'dv', '']) expect(privacyPage(other)).toBe('/privacy.html');
  });

  it('follows the browser’s UI language', () => {
    expect(privacyPage(uiLanguage())).toBe('/privacy.html');
    expect(inGerman(() => privacyPage(uiLanguage()))).toBe('/privacy.de.html');
  });

  it('is a page the extension ships', () => {
    for (const language of ['de', 'en']) expect(existsSync(join(ROOT, 'public', privacyPage(language)))).toBe(true);
  });
});
