/**
 * The settings' copy in the browser's sync storage, cut into items that fit
 * its quotas, and put back together. Pure: the wiring is `settings-sync.ts`.
 *
 * The quotas, the same in Chrome and Firefox:
 * - 8,192 bytes per item, measured as the JSON of its value plus its key
 *   (Chrome's `QUOTA_BYTES_PER_ITEM` for the sync area; MDN's "Maximum item size"),
 * - 102,400 bytes in all, measured the same way (`QUOTA_BYTES`; MDN "Maximum total size"),
 * - 512 items (`MAX_ITEMS`),
 * - in Chrome, 120 writes a minute and 1,800 an hour (`MAX_WRITE_OPERATIONS_PER_MINUTE`,
 *   `MAX_WRITE_OPERATIONS_PER_HOUR`); a set or a remove call is one write, however many items it holds.
 * Sources: https://developer.chrome.com/docs/extensions/reference/api/storage#property-sync and
 * https://developer.mozilla.org/en-US/docs/Mozilla/Add-ons/WebExtensions/API/storage/sync
 *
 * Only the settings are kept there, never the journal: a head item naming how
 * many chunks follow and which write they belong to, and up to
 * `SYNC_CHUNKS_MAX` chunks of the JSON text. Twelve full chunks and the head
 * stay under the total, and far under the item count.
 */
export const SYNC_QUOTA = {
  bytesPerItem: 8192,
  bytes: 102_400,
  maxItems: 512,
  writesPerMinute: 120,
  writesPerHour: 1800,
} as const;

/** Most chunks: as many full items as the total holds, less room for the head. */
export const SYNC_CHUNKS_MAX = Math.floor((SYNC_QUOTA.bytes - 512) / SYNC_QUOTA.bytesPerItem);

/**
 * Shortest time between two writes to sync: one every 2.5 seconds stays
 * under both write limits even when each write also removes chunks left over.
 */
export const SYNC_WRITE_GAP_MS = 2500;

/** Bytes kept free in each item, against any difference in how a browser counts. */
const ITEM_MARGIN = 64;

/** What the head item holds. */
export interface SyncHead {
  /** Format of the copy; a head of a newer format is left alone. */
  v: 1;
  /** How many chunks the copy has: keys `chunkKey(0)` to `chunkKey(chunks - 1)`. */
  chunks: number;
  /** Names the write: the joined text must carry the same, or the chunks are from different writes. */
  gen: string;
}

export const SYNC_FORMAT = 1;

/** UTF-8 length of a string. */
export function utf8Bytes(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** An item's size as the quotas count it: its key plus the JSON of its value. */
export function itemBytes(key: string, value: unknown): number {
  return utf8Bytes(key) + utf8Bytes(JSON.stringify(value));
}

/** How many bytes `text.slice(i, next)` adds inside a JSON string, and where the next code point starts. */
function jsonCharAt(text: string, i: number): { bytes: number; next: number } {
  const c = text.charCodeAt(i);
  if (c === 0x22 || c === 0x5c) return { bytes: 2, next: i + 1 };
  if (c < 0x20) return { bytes: c === 0x08 || c === 0x09 || c === 0x0a || c === 0x0c || c === 0x0d ? 2 : 6, next: i + 1 };
  if (c < 0x80) return { bytes: 1, next: i + 1 };
  if (c < 0x800) return { bytes: 2, next: i + 1 };
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) return { bytes: 4, next: i + 2 };
  // A lone surrogate is written as a \u escape.
  if (c >= 0xd800 && c <= 0xdfff) return { bytes: 6, next: i + 1 };
  return { bytes: 3, next: i + 1 };
}

export type ChunkResult = { ok: true; items: Record<string, unknown> } | { ok: false; reason: string };

/**
 * The items to write for `text`: the head under `headKey` and the chunks
 * under `chunkKey(i)`, each within the per-item quota (never splitting a
 * character), all together within the total. Refuses text that needs more
 * than `SYNC_CHUNKS_MAX` chunks.
 */
export function chunkText(text: string, gen: string, headKey: string, chunkKey: (i: number) => string): ChunkResult {
  const chunks: string[] = [];
  let start = 0;
  while (start < text.length || chunks.length === 0) {
    const room = SYNC_QUOTA.bytesPerItem - ITEM_MARGIN - utf8Bytes(chunkKey(chunks.length)) - 2;
    let end = start;
    let used = 0;
    while (end < text.length) {
      const { bytes, next } = jsonCharAt(text, end);
      if (used + bytes > room) break;
      used += bytes;
      end = next;
    }
    chunks.push(text.slice(start, end));
    start = end;
    if (chunks.length > SYNC_CHUNKS_MAX) {
      return { ok: false, reason: `the settings need more than ${SYNC_CHUNKS_MAX} items of sync storage` };
    }
  }
  const head: SyncHead = { v: SYNC_FORMAT, chunks: chunks.length, gen };
  const items: Record<string, unknown> = { [headKey]: head };
  chunks.forEach((c, i) => (items[chunkKey(i)] = c));
  const total = Object.entries(items).reduce((sum, [k, v]) => sum + itemBytes(k, v), 0);
  if (total > SYNC_QUOTA.bytes - ITEM_MARGIN) return { ok: false, reason: 'the settings are larger than sync storage holds' };
  return { ok: true, items };
}

/** Reads a head item defensively: undefined unless it is one this version can read. */
export function readHead(raw: unknown): SyncHead | undefined {
  if (!raw || typeof raw !== 'object') return undefined;
  const { v, chunks, gen } = raw as Partial<SyncHead>;
  if (v !== SYNC_FORMAT || typeof gen !== 'string') return undefined;
  if (typeof chunks !== 'number' || !Number.isInteger(chunks) || chunks < 1 || chunks > SYNC_CHUNKS_MAX) return undefined;
  return { v, chunks, gen };
}

/**
 * The text the items hold, joined again, or undefined while they do not make
 * one whole copy: no head, a chunk missing or not text (sync can deliver a
 * write from another device in parts).
 */
export function joinChunks(items: Record<string, unknown>, headKey: string, chunkKey: (i: number) => string): { text: string; gen: string } | undefined {
  const head = readHead(items[headKey]);
  if (!head) return undefined;
  const parts: string[] = [];
  for (let i = 0; i < head.chunks; i++) {
    const part = items[chunkKey(i)];
    if (typeof part !== 'string') return undefined;
    parts.push(part);
  }
  return { text: parts.join(''), gen: head.gen };
}

/** Chunk keys at or after `count`: what a shorter copy leaves to remove. */
export function staleChunkKeys(count: number, chunkKey: (i: number) => string): string[] {
  return Array.from({ length: Math.max(0, SYNC_CHUNKS_MAX - count) }, (_, i) => chunkKey(count + i));
}
