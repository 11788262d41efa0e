import fc from 'fast-check';
import { settingsItem } from '@/lib/settings/storage-registry';
import { createStore, entries, setMany, type UseStore } from 'idb-keyval';
import { createJournalStore } from '@/lib/journal/database';
import { beforeEach } from 'vitest';
import { browser } from 'wxt/browser';
import { buildExport, exportJson, type ExportFile } from '@/lib/data/export';
import { parseImport } from '@/lib/data/parse-import';
import { idTimePrefix } from '@/lib/browser/ids';
import { recordBuilders } from './builders';
import type { PauseLogEntry, PauseRecord } from '@/lib/pause/log';
import { MOODS, type Reflection, type ReflectionSource } from '@/lib/journal/reflection';
import { AFTER_CALL_ASKS, DEFAULT_SETTINGS, type Settings, type TriggerSite } from '@/lib/settings/settings';

/** Data, arbitraries and stores shared by the import and reset tests. */

// ---------------------------------------------------------------------------
// Data

export const NOW = Date.UTC(2026, 10, 25, 13, 3);
/** Settings with these sites and everything else at its default. */
export const S = (sites: TriggerSite[] = [], over: Partial<Settings> = {}): Settings => ({ ...structuredClone(DEFAULT_SETTINGS), ...over, sites });
export const EMPTY = { reflections: [], pauses: [], settings: S() };
export const { idAt, reflection, pause } = recordBuilders(NOW);



export function site(id: string, over: Partial<TriggerSite> = {}): TriggerSite {
  return { id, label: id, patterns: [`${id}.com`], enabled: true, waitSeconds: 5, windowMinutes: 15, kind: 'feed', ...over };
}

/** Test data; settings need only their sites. */
interface Data {
  reflections?: Reflection[];
  pauses?: PauseLogEntry[];
  settings?: Partial<Settings> & { sites: TriggerSite[] };
}
export const fileOf = (data: Data): ExportFile =>
  buildExport({ reflections: data.reflections ?? [], pauses: data.pauses ?? [], settings: S(data.settings?.sites, data.settings) }, NOW);
export const jsonOf = (data: Data): string => exportJson(fileOf(data));

/** A valid export as a plain object, to break on purpose. */
export const rawOf = (data: Data): Record<string, unknown> => JSON.parse(jsonOf(data)) as Record<string, unknown>;

export function problemsOf(text: string): string[] {
  const result = parseImport(text);
  if (result.ok) throw new Error('expected the file to be refused');
  return result.problems;
}

// ---------------------------------------------------------------------------
// Arbitraries

export const time = fc.integer({ min: 0, max: 4_102_444_800_000 });
const rand8 = fc.integer({ min: 0, max: 36 ** 8 - 1 }).map((n) => n.toString(36).padStart(8, '0'));
const anyText = (maxLength: number) => fc.oneof(fc.string({ maxLength }), fc.string({ unit: 'binary', maxLength }), fc.constantFrom('', '__proto__', 'constructor', '"\\\n\u2028'));

const sourceArb: fc.Arbitrary<ReflectionSource> = fc.oneof(
  fc.constant({ kind: 'popup' as const }),
  fc.record({ kind: fc.constant('site-pause' as const), siteId: anyText(20), siteLabel: anyText(20), pauseId: anyText(20) }),
  fc.record({ kind: fc.constant('check-in' as const), siteId: anyText(20), siteLabel: anyText(20), openedAt: fc.integer({ min: 0, max: 4e12 }) }),
  fc.record(
    { kind: fc.constant('meeting' as const), platform: anyText(20), moment: fc.constantFrom('before' as const, 'during' as const, 'after' as const), meetingId: anyText(20) },
    { requiredKeys: ['kind', 'platform', 'moment'] },
  ),
);

const reflectionArb: fc.Arbitrary<Reflection> = fc
  .record(
    {
      createdAt: time,
      edit: fc.integer({ min: 0, max: 10_000_000 }),
      rand: rand8,
      text: anyText(60),
      tags: fc.uniqueArray(fc.stringMatching(/^[a-z0-9_-]{1,8}$/), { maxLength: 4 }),
      mood: fc.constantFrom(...MOODS),
      prompt: anyText(40),
      source: sourceArb,
    },
    { requiredKeys: ['createdAt', 'edit', 'rand', 'text', 'tags', 'source'] },
  )
  .map(({ createdAt, edit, rand, mood, prompt, ...rest }) => ({
    v: 1 as const,
    id: `${idTimePrefix(createdAt)}-${rand}`,
    createdAt,
    updatedAt: createdAt + edit,
    ...rest,
    ...(mood !== undefined ? { mood } : {}),
    ...(prompt !== undefined ? { prompt } : {}),
  }));

const pauseArb: fc.Arbitrary<PauseRecord> = fc
  .record(
    {
      shownAt: time,
      rand: rand8,
      siteId: fc.string({ minLength: 1, maxLength: 20 }),
      siteLabel: anyText(20),
      host: fc.domain(),
      reason: fc.constantFrom('arrived' as const, 'window-ended' as const),
      waitSeconds: fc.integer({ min: 0, max: 60 }),
      choice: fc.constantFrom('leave' as const, 'continue' as const, 'none' as const),
      decidedAt: time,
      windowMinutes: fc.integer({ min: 1, max: 240 }),
      intention: fc.string({ maxLength: 200 }),
    },
    { requiredKeys: ['shownAt', 'rand', 'siteId', 'siteLabel', 'host', 'reason', 'waitSeconds', 'choice'] },
  )
  .map(({ rand, ...rest }) => ({ v: 1 as const, id: `${idTimePrefix(rest.shownAt)}-${rand}`, ...rest }));

const siteArb: fc.Arbitrary<TriggerSite> = fc
  .record(
    {
      id: fc.string({ minLength: 1, maxLength: 20 }).filter((id) => !['__proto__', 'constructor', 'prototype'].includes(id)),
      label: anyText(20),
      patterns: fc.array(fc.oneof(fc.domain(), fc.string({ maxLength: 20 })), { minLength: 1, maxLength: 3 }),
      exactHost: fc.boolean(),
      enabled: fc.boolean(),
      waitSeconds: fc.integer({ min: -10, max: 100 }),
      windowMinutes: fc.integer({ min: -10, max: 300 }),
      presetId: fc.string({ maxLength: 10 }),
      kind: fc.constantFrom('feed' as const, 'meeting' as const),
    },
    { requiredKeys: ['id', 'label', 'patterns', 'enabled', 'waitSeconds', 'windowMinutes', 'kind'] },
  )
  .map((s) => s as TriggerSite);

export const dataArb = fc.record({
  reflections: fc.uniqueArray(reflectionArb, { selector: (r) => r.id, maxLength: 8 }),
  pauses: fc.uniqueArray(pauseArb, { selector: (p) => p.id, maxLength: 8 }),
  settings: fc
    .tuple(fc.uniqueArray(siteArb, { selector: (s) => s.id, maxLength: 4 }), fc.boolean(), fc.constantFrom(...AFTER_CALL_ASKS))
    .map(([sites, unmuteCard, afterCall]): Settings => ({ sites, meetings: { unmuteCard, afterCall } })),
});
export const nowArb = fc.integer({ min: 0, max: 8.64e15 });
const exportTextArb = fc.tuple(dataArb, nowArb).map(([data, now]) => exportJson(buildExport(data, now)));

/** Every path to a value inside a JSON value, found without recursion. */
function pathsIn(root: unknown): (string | number)[][] {
  const out: (string | number)[][] = [];
  const stack: { value: unknown; path: (string | number)[] }[] = [{ value: root, path: [] }];
  while (stack.length) {
    const { value, path } = stack.pop()!;
    out.push(path);
    if (Array.isArray(value)) value.forEach((v, i) => stack.push({ value: v, path: [...path, i] }));
    else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) stack.push({ value: v, path: [...path, k] });
  }
  return out;
}

/** `root` with the value at `path` replaced (or the key deleted, when `replacement` is the symbol). */
const DELETE = Symbol('delete');
function replaced(root: unknown, path: (string | number)[], replacement: unknown): unknown {
  if (path.length === 0) return replacement === DELETE ? {} : replacement;
  const copy = structuredClone(root) as Record<string | number, unknown>;
  let parent = copy;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  if (replacement === DELETE) {
    if (Array.isArray(parent)) parent.splice(last as number, 1);
    else delete parent[last];
  } else {
    Object.defineProperty(parent, last, { value: replacement, enumerable: true, writable: true, configurable: true });
  }
  return copy;
}

const hostileValue = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.constantFrom(null, -1, 0, 1.5, 1e308, -0, '', 'x'.repeat(20_000), [], {}, '__proto__', { __proto__: null, polluted: true }),
);

/** A valid export broken in one of many ways. */
export const brokenTextArb: fc.Arbitrary<string> = fc.oneof(
  // Cut short anywhere.
  fc.tuple(exportTextArb, fc.nat()).map(([text, n]) => text.slice(0, n % (text.length + 1))),
  // Characters deleted.
  fc.tuple(exportTextArb, fc.array(fc.nat(), { minLength: 1, maxLength: 4 })).map(([text, ns]) => {
    let t = text;
    for (const n of ns) t = t.slice(0, n % t.length) + t.slice((n % t.length) + 1);
    return t;
  }),
  // Characters replaced, often by ones that matter to JSON.
  fc
    .tuple(exportTextArb, fc.array(fc.tuple(fc.nat(), fc.oneof(fc.constantFrom(...'{}[]",:0123456789-.\\ ntfe'), fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }))), { minLength: 1, maxLength: 4 }))
    .map(([text, edits]) => {
      let t = text;
      for (const [n, ch] of edits) t = t.slice(0, n % t.length) + ch + t.slice((n % t.length) + 1);
      return t;
    }),
  // A value somewhere replaced by any JSON value, or its key deleted.
  fc.tuple(exportTextArb, fc.nat(), fc.oneof(hostileValue, fc.constant(DELETE))).map(([text, n, value]) => {
    const root = JSON.parse(text) as unknown;
    const paths = pathsIn(root);
    return JSON.stringify(replaced(root, paths[n % paths.length]!, value), null, 2);
  }),
);

// ---------------------------------------------------------------------------
// Stores

let dbCount = 0;
/** A number no other store in this test file has used, for naming a fresh database. */
export const nextDbNumber = (): number => ++dbCount;
/** The stores of the running test: fresh ones for every test of a file that calls `freshStores`. */
export let journal: UseStore;
export let pauses: UseStore;
export function freshStores(): void {
  beforeEach(() => {
    const n = nextDbNumber();
    journal = createJournalStore(`import-test-journal-${n}`);
    pauses = createStore(`import-test-pauses-${n}`, 'pauses');
  });
}

/** Everything stored, raw, to compare before and after. */
export async function everything(): Promise<unknown> {
  return {
    journal: await entries(journal),
    pauses: await entries(pauses),
    local: await browser.storage.local.get(null),
  };
}

/** A store whose write transactions fail from the `failFrom`-th one on (0: all fail). */
export function failingWrites(store: UseStore, failFrom = 0): UseStore {
  let writes = 0;
  return (mode, callback) => {
    if (mode === 'readwrite' && writes++ >= failFrom) return Promise.reject(new Error('disk full'));
    return store(mode, callback);
  };
}

export async function seed(data: Data): Promise<void> {
  if (data.reflections?.length) await setMany(data.reflections.map((r) => [r.id, r]), journal);
  if (data.pauses?.length) await setMany(data.pauses.map((p) => [p.id, p]), pauses);
  if (data.settings) await settingsItem.setValue(S(data.settings.sites, data.settings));
}

// ---------------------------------------------------------------------------
