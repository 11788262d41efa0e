import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { STORED_ITEMS } from '@/lib/settings/storage-registry';
import { STORAGE_KEYS, SYNC_KEYS } from '@/lib/settings/storage-keys';
import { JOURNAL_DB, PAUSE_LOG_DB } from '@/lib/browser/databases';
import { messagesOf } from './messages';

/**
 * The privacy policy exists twice: PRIVACY.md in the repository, and
 * public/privacy.html inside the extension, which the options page links to
 * (an extension page cannot link to a file of the repository). These tests
 * keep the two saying the same, and keep both naming everything the
 * extension stores and every permission it asks for. public/privacy.de.html
 * is the same policy in German, which the options page opens in a German
 * browser: it cannot be compared word for word, so it is held to the same
 * sections, paragraphs, names, numbers and addresses as public/privacy.html.
 */

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const read = (path: string): string => readFileSync(join(ROOT, path), 'utf8');
const MARKDOWN = read('PRIVACY.md');
const PAGE = read('public/privacy.html');
const GERMAN = read('public/privacy.de.html');

const withoutComments = (text: string): string => text.replace(/<!--[\s\S]*?-->/g, ' ');

/** Markdown inline text as plain words: code spans keep their content, emphasis marks and link targets go. */
function markdownInline(text: string): string {
  return text
    .split(/(`[^`]*`)/)
    .map((part) => (part.startsWith('`') ? part.slice(1, -1) : part.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/\*+/g, '')))
    .join('');
}

/** Tags that end a block: they stand between words. Any other tag (code, em, a) sits inside a word's run. */
const BLOCK_TAGS = /^(p|li|ul|ol|h[1-6]|main|section|div|br|table|tr|td|th|dl|dt|dd|blockquote|header|footer|nav|article)$/i;

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** HTML as plain text: tags out (block tags as spaces), entities decoded. */
function htmlText(html: string): string {
  return html
    .replace(/<\/?([a-z][a-z0-9]*)\b[^>]*>/gi, (_, tag: string) => (BLOCK_TAGS.test(tag) ? ' ' : ''))
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
      if (name[0] === '#') return String.fromCodePoint(name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1)));
      return ENTITIES[name.toLowerCase()] ?? whole;
    });
}

const words = (text: string): string[] => text.split(/\s+/).filter(Boolean);

/** The policy's body in a page: what is inside <main>. */
function pageMain(page = PAGE): string {
  const main = /<main\b[^>]*>([\s\S]*)<\/main>/i.exec(page);
  if (!main) throw new Error(`${page === GERMAN ? 'public/privacy.de.html' : 'public/privacy.html'} has no <main>`);
  return withoutComments(main[1]!);
}

/** Headings as "## Text", in order. */
function markdownHeadings(): string[] {
  return withoutComments(MARKDOWN)
    .split('\n')
    .flatMap((line) => {
      const m = /^(#{1,6})\s+(.*?)\s*#*\s*$/.exec(line);
      return m ? [`${m[1]} ${words(markdownInline(m[2]!)).join(' ')}`] : [];
    });
}

function pageHeadings(page = PAGE): string[] {
  return [...pageMain(page).matchAll(/<h([1-6])\b[^>]*>([\s\S]*?)<\/h\1>/gi)].map((m) => `${'#'.repeat(Number(m[1]))} ${words(htmlText(m[2]!)).join(' ')}`);
}

function markdownWords(): string[] {
  const lines = withoutComments(MARKDOWN)
    .split('\n')
    .map((line) => line.replace(/^\s*(#{1,6}\s+|[-*+]\s+|\d+\.\s+|>\s*)/, ''));
  return words(markdownInline(lines.join('\n')));
}

/** Where two word lists first part, with a few words of each around it; undefined when they are the same. */
function firstDifference(markdown: string[], page: string[]): { at: number; markdown: string; page: string } | undefined {
  const end = Math.max(markdown.length, page.length);
  for (let i = 0; i < end; i++) {
    if (markdown[i] === page[i]) continue;
    const around = (list: string[]) => list.slice(Math.max(0, i - 6), i + 10).join(' ');
    return { at: i, markdown: around(markdown), page: around(page) };
  }
  return undefined;
}

/** The page's build, in order: each heading, paragraph and list item, and where each list starts and ends. */
function outline(page: string): string[] {
  return [...pageMain(page).matchAll(/<(\/?)(ul|ol)\b|<(h[1-6]|p|li)\b/gi)].map((m) => (m[2] ? `${m[1]}${m[2]}` : m[3]!).toLowerCase());
}

/** A heading, paragraph or list item of a page: its words, and what a translation keeps as it is. */
interface Block {
  tag: string;
  text: string;
  /** The contents of its <code>: names of stored items, databases and permissions. */
  code: string[];
  /** The numbers in its words. */
  numbers: string[];
}

function blocks(page: string): Block[] {
  return [...pageMain(page).matchAll(/<(h[1-6]|p|li)\b[^>]*>([\s\S]*?)<\/\1>/gi)].map((m) => {
    const inner = m[2]!;
    const words = htmlText(inner.replace(/<code\b[^>]*>[\s\S]*?<\/code>/gi, ' '));
    return {
      tag: m[1]!.toLowerCase(),
      text: htmlText(inner).replace(/\s+/g, ' ').trim(),
      code: [...inner.matchAll(/<code\b[^>]*>([\s\S]*?)<\/code>/gi)].map((c) => htmlText(c[1]!)).sort(),
      numbers: [...words.matchAll(/\d+/g)].map((n) => n[0]).sort(),
    };
  });
}

/** Every address the page names, in links, sources or its comments, in order. */
const addresses = (page: string): string[] =>
  [...page.matchAll(/\b(?:href|src)\s*=\s*["']([^"']*)["']|https?:\/\/[^\s"'()<>]+/gi)].map((m) => m[1] ?? m[0]);

/** The names the page gives in <code>. */
const codeNames = (page: string): Set<string> => new Set(blocks(page).flatMap((b) => b.code));

/** The quoted strings of the array after `name:` in wxt.config.ts. */
function manifestList(config: string, name: string): string[] {
  const list = new RegExp(`(?<![\\w$])${name}:\\s*\\[([^\\]]*)\\]`).exec(config);
  if (!list) throw new Error(`wxt.config.ts has no ${name} list`);
  return [...list[1]!.matchAll(/'([^']*)'|"([^"]*)"/g)].map((m) => (m[1] ?? m[2])!);
}

describe('the privacy policy', () => {
  it('has the same headings in PRIVACY.md and public/privacy.html', () => {
    const headings = markdownHeadings();
    expect(headings.length).toBeGreaterThan(5);
    expect(headings.filter((h) => h.startsWith('# '))).toHaveLength(1);
    expect(pageHeadings()).toEqual(headings);
  });

  it('says the same, word for word, in PRIVACY.md and public/privacy.html', () => {
    expect(firstDifference(markdownWords(), words(htmlText(pageMain())))).toBeUndefined();
  });

  it('names every item the storage registry keeps in browser.storage.local', () => {
    const names = new Set([...Object.values(STORAGE_KEYS), ...STORED_ITEMS.map((item) => item.key.replace(/^local:/, ''))]);
    const missing = [...names].filter((name) => !MARKDOWN.includes(`\`${name}\``));
    expect(missing).toEqual([]);
  });

  it('names the IndexedDB databases and what browser.storage.sync holds', () => {
    for (const name of [JOURNAL_DB, PAUSE_LOG_DB, SYNC_KEYS.settingsHead, SYNC_KEYS.settingsChunk(0), SYNC_KEYS.settingsChunk(1)]) {
      expect(MARKDOWN).toContain(`\`${name}\``);
    }
    expect(MARKDOWN).toContain('browser.storage.local');
    expect(MARKDOWN).toContain('browser.storage.sync');
  });

  it('names every permission the manifest asks for', () => {
    const config = read('wxt.config.ts');
    const asked = [...manifestList(config, 'permissions'), ...manifestList(config, 'optional_host_permissions')];
    expect(asked.length).toBeGreaterThan(0);
    expect(asked.filter((p) => !MARKDOWN.includes(`\`${p}\``))).toEqual([]);
  });

  it('is linked from the options page, in the language of the browser (tests/unit/privacy-page.test.ts)', () => {
    expect(read('components/options/OptionsPage.svelte')).toMatch(/<a href=\{privacyPage\(uiLanguage\(\)\)\}[^>]*>\{i18n\.t\('options\.privacy'\)\}<\/a>/);
  });

  it('ships as static, self-contained pages that read in light and dark, the German one styled as the English one', () => {
    for (const [language, text] of [['en', PAGE], ['de', GERMAN]] as const) {
      expect(text).toMatch(new RegExp(`<html lang="${language}">`));
      expect(text).toMatch(/<main>/);
      expect(text).toMatch(/color-scheme:\s*light dark/);
      expect(text).toMatch(/font-family:\s*system-ui/);
      // The tab's title is the policy's heading.
      expect(/<title>([^<]*)<\/title>/.exec(text)?.[1]).toBe(/<h1>([^<]*)<\/h1>/.exec(text)?.[1]);
      const page = withoutComments(text);
      expect(page).not.toMatch(/<script\b/i);
      expect(page).not.toMatch(/\son[a-z]+\s*=/i);
      expect(page).not.toMatch(/<(link|img|iframe|object|embed)\b/i);
      expect(page).not.toMatch(/\b(src|href)\s*=\s*["']?(https?:)?\/\//i);
      expect(page).not.toMatch(/@import|url\(/i);
    }
    const style = (text: string) => /<style>([\s\S]*?)<\/style>/.exec(text)?.[1];
    expect(style(GERMAN)).toBeDefined();
    expect(style(GERMAN)).toBe(style(PAGE));
  });

  describe('in German, public/privacy.de.html', () => {
    it('has the sections, paragraphs and list items of public/privacy.html, with headings of the same levels', () => {
      expect(outline(PAGE).length).toBeGreaterThan(40);
      expect(outline(GERMAN)).toEqual(outline(PAGE));
      expect(pageHeadings(GERMAN).map((h) => h.split(' ')[0])).toEqual(pageHeadings().map((h) => h.split(' ')[0]));
    });

    it('is German throughout: no heading, paragraph or item left in English', () => {
      const [english, german] = [blocks(PAGE), blocks(GERMAN)];
      expect(german.filter((b, i) => b.text === english[i]?.text).map((b) => b.text)).toEqual([]);
      const text = htmlText(pageMain(GERMAN).replace(/<code\b[^>]*>[\s\S]*?<\/code>/gi, ' '));
      expect(text.match(/\b(the|and|your|you|when|never|what|with)\b/gi) ?? []).toEqual([]);
    });

    it('names the same stored items, databases and permissions, and the same numbers, in each paragraph and item', () => {
      const [english, german] = [blocks(PAGE), blocks(GERMAN)];
      const differ = english.flatMap((b, i) =>
        b.code.join() === german[i]?.code.join() && b.numbers.join() === german[i]?.numbers.join() ? [] : [{ english: b.text, german: german[i]?.text }],
      );
      expect(differ).toEqual([]);
    });

    it('names every item in browser storage, the IndexedDB databases and every permission', () => {
      const config = read('wxt.config.ts');
      const names = [
        ...Object.values(STORAGE_KEYS),
        ...STORED_ITEMS.map((item) => item.key.replace(/^local:/, '')),
        JOURNAL_DB,
        PAUSE_LOG_DB,
        SYNC_KEYS.settingsHead,
        SYNC_KEYS.settingsChunk(0),
        SYNC_KEYS.settingsChunk(1),
        'browser.storage.sync',
        ...manifestList(config, 'permissions'),
        ...manifestList(config, 'optional_host_permissions'),
      ];
      const named = codeNames(GERMAN);
      expect(names.filter((name) => !named.has(name))).toEqual([]);
      expect(htmlText(pageMain(GERMAN))).toContain('browser.storage.local');
    });

    it('names the same addresses, in its links and its sources', () => {
      expect(addresses(PAGE).length).toBeGreaterThan(0);
      expect(addresses(GERMAN)).toEqual(addresses(PAGE));
    });

    it('calls the buttons and places it names by the words the extension shows in each language', async () => {
      const [en, de] = await Promise.all([messagesOf('en'), messagesOf('de')]);
      const shown = ['pause_leave', 'pause_continue', 'options_data_heading', 'options_data_deleteAll', 'insights_title'];
      for (const [messages, page] of [[en, PAGE], [de, GERMAN]] as const) {
        const text = words(htmlText(pageMain(page))).join(' ');
        expect(shown.filter((key) => !text.includes(messages[key]!.message))).toEqual([]);
      }
    });
  });

  it('holds true of the code: nothing in lib, entrypoints or components makes a network request', () => {
    const sources = (dir: string): string[] =>
      readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((e) =>
        e.isDirectory() ? sources(join(dir, e.name)) : /\.(ts|svelte|html)$/.test(e.name) ? [join(dir, e.name)] : [],
      );
    const NETWORK = /\bfetch\s*\(|XMLHttpRequest|WebSocket|sendBeacon|EventSource/;
    const offenders = ['lib', 'entrypoints', 'components'].flatMap(sources).filter((file) => NETWORK.test(read(file)));
    expect(offenders).toEqual([]);
  });
});
