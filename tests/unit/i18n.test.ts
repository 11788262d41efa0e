import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LANGUAGES, messagesOf } from './messages';

const ROOT = resolve(import.meta.dirname, '../..');
const catalogues = Object.fromEntries(await Promise.all(LANGUAGES.map(async (l) => [l, await messagesOf(l)] as const)));

/** Every source file that can show words to a person. */
function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.(ts|svelte)$/.test(e.name))
    .map((e) => join(e.parentPath, e.name));
}
/** The catalogue's sections (its nested top-level keys), which every key picked by a value starts with. */
const SECTIONS = new Set([...readFileSync(join(ROOT, 'locales/en.yml'), 'utf8').matchAll(/^(\w+):\s*$/gm)].map((m) => m[1]!));
const files = [...sources('lib'), ...sources('components'), ...sources('entrypoints'), join(ROOT, 'wxt.config.ts')];

/** Message keys used in code, as the browser names them (dots become underscores). */
function usedKeys(): Map<string, string> {
  const used = new Map<string, string>();
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/i18n\.t\(\s*'([\w.]+)'/g)) used.set(m[1]!.replaceAll('.', '_'), file);
    // Keys picked by a value (`'pause.styleWhy.words'` in a table) are written out whole, under a section of the catalogue.
    for (const m of text.matchAll(/'(\w+)\.([\w.]+)'/g)) if (SECTIONS.has(m[1]!) && !/^(html|js|css)$/.test(m[2]!)) used.set(`${m[1]}_${m[2]!.replaceAll('.', '_')}`, file);
    for (const m of text.matchAll(/__MSG_(\w+)__/g)) used.set(m[1]!, file);
  }
  return used;
}

/** The `{name}` and `$1` holes of a message, which every language must fill alike. */
const holes = (message: string) => [...message.matchAll(/\{(\w+)\}|\$\d/g)].map((m) => m[0]).sort();

describe('the words in every language', () => {
  it('has every message key the code uses, in English and German', () => {
    const used = usedKeys();
    expect(used.size).toBeGreaterThan(40);
    for (const language of LANGUAGES) {
      const missing = [...used].filter(([key]) => !catalogues[language]![key]).map(([key, file]) => `${key} (${file.replace(ROOT, '')})`);
      expect(missing, `missing in locales/${language}.yml`).toEqual([]);
    }
  });

  it('has the numbered visits the friction line names in words', () => {
    for (const language of LANGUAGES) for (let i = 0; i < 10; i++) expect(catalogues[language]![`pause_visit_${i}`]?.message).toBeTruthy();
  });

  it('has the same keys in both languages, each with the same holes to fill', () => {
    const [en, de] = [catalogues.en!, catalogues.de!];
    expect(Object.keys(de).sort()).toEqual(Object.keys(en).sort());
    const differ = Object.keys(en).filter((key) => holes(en[key]!.message).join() !== holes(de[key]!.message).join());
    expect(differ).toEqual([]);
  });

  it('is German in German, not English left in place', () => {
    const [en, de] = [catalogues.en!, catalogues.de!];
    // Names and units that read the same in both: the options page's "s" is the SI symbol for seconds.
    const same = new Set(['extName', 'pause_min', 'options_unitSeconds']);
    const untranslated = Object.keys(en).filter((key) => !same.has(key) && !key.startsWith('@@') && en[key]!.message === de[key]!.message);
    expect(untranslated).toEqual([]);
    expect(de.pause_question!.message).toBe('Ist das wirklich meine Entscheidung?');
  });
});
