import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chunkText, itemBytes, joinChunks, readHead, staleChunkKeys, SYNC_CHUNKS_MAX, SYNC_QUOTA, utf8Bytes } from '@/lib/settings/sync-chunks';

const HEAD = 'settings';
const chunkKey = (i: number): string => `settings.${i}`;

function chunked(text: string, gen = 'g1'): Record<string, unknown> {
  const result = chunkText(text, gen, HEAD, chunkKey);
  if (!result.ok) throw new Error(result.reason);
  return result.items;
}

describe('sync quotas', () => {
  it('are the documented ones, and twelve full chunks and the head fit the total', () => {
    expect(SYNC_QUOTA).toMatchObject({ bytesPerItem: 8192, bytes: 102_400, maxItems: 512 });
    expect(SYNC_CHUNKS_MAX).toBe(12);
    expect((SYNC_CHUNKS_MAX + 1) * SYNC_QUOTA.bytesPerItem).toBeGreaterThan(SYNC_QUOTA.bytes);
    expect(SYNC_CHUNKS_MAX + 1).toBeLessThan(SYNC_QUOTA.maxItems);
  });

  it('counts bytes as UTF-8, as the browsers do', () => {
    expect(utf8Bytes('abc')).toBe(3);
    expect(utf8Bytes('é')).toBe(2);
    expect(utf8Bytes('€')).toBe(3);
    expect(utf8Bytes('😀')).toBe(4);
    expect(itemBytes('k', 'a"b')).toBe(1 + '"a\\"b"'.length);
  });
});

describe('chunkText and joinChunks', () => {
  it('keeps a small copy in one chunk and a head', () => {
    const items = chunked('{"a":1}');
    expect(items).toEqual({ settings: { v: 1, chunks: 1, gen: 'g1' }, 'settings.0': '{"a":1}' });
    expect(joinChunks(items, HEAD, chunkKey)).toEqual({ text: '{"a":1}', gen: 'g1' });
  });

  it('splits text of any characters into items each within the per-item quota, and joins it back exactly', () => {
    const char = fc.oneof(
      fc.constantFrom('a', '"', '\\', '\n', '\u0001', 'é', '€', '😀', '\ud800', '\udc00', '\u2028'),
      fc.string({ unit: 'grapheme', maxLength: 3 }),
    );
    fc.assert(
      fc.property(fc.array(char, { maxLength: 12_000 }), (parts) => {
        const text = parts.join('');
        const result = chunkText(text, 'gen', HEAD, chunkKey);
        if (!result.ok) return utf8Bytes(JSON.stringify(text)) > (SYNC_CHUNKS_MAX - 1) * SYNC_QUOTA.bytesPerItem;
        for (const [key, value] of Object.entries(result.items)) expect(itemBytes(key, value)).toBeLessThanOrEqual(SYNC_QUOTA.bytesPerItem);
        const total = Object.entries(result.items).reduce((sum, [k, v]) => sum + itemBytes(k, v), 0);
        expect(total).toBeLessThanOrEqual(SYNC_QUOTA.bytes);
        expect(joinChunks(result.items, HEAD, chunkKey)?.text).toBe(text);
        return true;
      }),
      { numRuns: 60 },
    );
  });

  it('never splits a character made of two code units', () => {
    const items = chunked('😀'.repeat(5000));
    const chunks = Object.entries(items).filter(([k]) => k !== HEAD).map(([, v]) => v as string);
    expect(chunks.length).toBeGreaterThan(1);
    for (const c of chunks) expect(c).toBe('😀'.repeat(c.length / 2));
  });

  it('uses up to twelve chunks, and refuses a copy larger than sync storage holds', () => {
    const fits = 'x'.repeat(93_000);
    expect(readHead(chunked(fits)[HEAD])?.chunks).toBe(12);
    const result = chunkText('x'.repeat(SYNC_QUOTA.bytes), 'g', HEAD, chunkKey);
    expect(result).toEqual({ ok: false, reason: expect.stringMatching(/more than 12 items/) });
  });

  it('reads no copy while it is incomplete or from two writes', () => {
    const items = chunked('y'.repeat(20_000));
    expect(joinChunks(items, HEAD, chunkKey)).toBeDefined();
    expect(joinChunks({ ...items, 'settings.1': null }, HEAD, chunkKey)).toBeUndefined();
    expect(joinChunks({ ...items, 'settings.2': 7 }, HEAD, chunkKey)).toBeUndefined();
    expect(joinChunks({ ...items, settings: null }, HEAD, chunkKey)).toBeUndefined();
    // A head from a newer format, or naming more chunks than there can be, is left alone.
    expect(joinChunks({ ...items, settings: { v: 2, chunks: 3, gen: 'g1' } }, HEAD, chunkKey)).toBeUndefined();
    expect(joinChunks({ ...items, settings: { v: 1, chunks: 13, gen: 'g1' } }, HEAD, chunkKey)).toBeUndefined();
  });

  it('names the chunks a shorter copy leaves behind', () => {
    expect(staleChunkKeys(10, chunkKey)).toEqual(['settings.10', 'settings.11']);
    expect(staleChunkKeys(12, chunkKey)).toEqual([]);
  });
});
