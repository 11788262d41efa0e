import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { STORED_ITEMS, SYNCED_ITEMS } from '@/lib/settings/storage-registry';
import { STORAGE_KEYS, SYNC_KEYS } from '@/lib/settings/storage-keys';
import { SYNC_CHUNKS_MAX } from '@/lib/settings/sync-chunks';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const REGISTRY = 'lib/settings/storage-registry.ts';
/** The keys, and the small reader the feed pause's content script uses instead of the storage library. */
const ALLOWED = [REGISTRY, 'lib/settings/storage-keys.ts', 'lib/settings/local-reader.ts'];

function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : /\.(ts|svelte)$/.test(e.name) ? [join(dir, e.name)] : [],
  );
}

/** Ways of reaching `browser.storage` other than through a registered item. */
const RAW_ACCESS = [/['"`](local|session|sync|managed):\w/, /storage\.(local|session|sync)\b/, /\bdefineItem\s*[<(]/, /storage\.onChanged/];

describe('the storage registry', () => {
  it('is the only module that names a storage key or reaches browser storage directly', () => {
    const offenders = ['lib', 'components', 'entrypoints']
      .flatMap(sources)
      .filter((file) => !ALLOWED.includes(file))
      .flatMap((file) => {
        const text = readFileSync(join(ROOT, file), 'utf8');
        return RAW_ACCESS.filter((re) => re.test(text)).map((re) => `${relative(ROOT, join(ROOT, file))}: ${re}`);
      });
    expect(offenders).toEqual([]);
  });

  it('names every key once', () => {
    const keys = STORED_ITEMS.map((item) => item.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys.sort()).toEqual(Object.values(STORAGE_KEYS).map((k) => `local:${k}`).sort());
  });

  it('keeps only the settings\' copy in sync storage: a head and its chunks', () => {
    const keys = SYNCED_ITEMS.map((item) => item.key);
    const chunks = Array.from({ length: SYNC_CHUNKS_MAX }, (_, i) => `sync:${SYNC_KEYS.settingsChunk(i)}`);
    expect(keys).toEqual([`sync:${SYNC_KEYS.settingsHead}`, ...chunks]);
    expect(new Set(keys).size).toBe(keys.length);
  });
});
