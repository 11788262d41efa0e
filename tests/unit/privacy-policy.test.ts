import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { STORED_ITEMS } from '@/lib/settings/storage-registry';
import { STORAGE_KEYS, SYNC_KEYS } from '@/lib/settings/storage-keys';
import { JOURNAL_DB } from '@/lib/journal/database';
import { PAUSE_LOG_DB } from '@/lib/pause/log';

/**
 * The privacy policy exists twice: PRIVACY.md in the repository, and
 * public/privacy.html inside the extension, which the options page links to
 * (an extension page cannot link to a file of the repository). These tests
 * keep the two saying the same, and keep both naming everything the
 * extension stores and every permission it asks for.
 */

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const read = (path: string): string => readFileSync(join(ROOT, path), 'utf8');
const MARKDOWN = read('PRIVACY.md');
const PAGE = read('public/privacy.html');

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

/** The policy's body in the page: what is inside <main>. */
function pageMain(): string {
  const main = /<main\b[^>]*>([\s\S]*)<\/main>/i.exec(PAGE);
  if (!main) throw new Error('public/privacy.html has no <main>');
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

function pageHeadings(): string[] {
  return [...pageMain().matchAll(/<h([1-6])\b[^>]*>([\s\S]*?)<\/h\1>/gi)].map((m) => `${'#'.repeat(Number(m[1]))} ${words(htmlText(m[2]!)).join(' ')}`);
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

  it('is linked from the options page', () => {
    expect(read('components/options/OptionsPage.svelte')).toMatch(/<a href="\/privacy\.html"[^>]*>\{i18n\.t\('options\.privacy'\)\}<\/a>/);
  });

  it('ships as a static, self-contained page that reads in light and dark', () => {
    expect(PAGE).toMatch(/<html lang="en">/);
    expect(PAGE).toMatch(/<main>/);
    expect(PAGE).toMatch(/color-scheme:\s*light dark/);
    expect(PAGE).toMatch(/font-family:\s*system-ui/);
    const page = withoutComments(PAGE);
    expect(page).not.toMatch(/<script\b/i);
    expect(page).not.toMatch(/\son[a-z]+\s*=/i);
    expect(page).not.toMatch(/<(link|img|iframe|object|embed)\b/i);
    expect(page).not.toMatch(/\b(src|href)\s*=\s*["']?(https?:)?\/\//i);
    expect(page).not.toMatch(/@import|url\(/i);
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
