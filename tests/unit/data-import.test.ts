import { AFTER_CALL_ASKS } from '@/lib/settings/settings';
import fc from 'fast-check';
import { createStore, entries, setMany, type UseStore } from 'idb-keyval';
import { createJournalStore } from '@/lib/journal/database';
import { beforeEach, describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import { storage } from '@wxt-dev/storage';
import { buildExport, exportJson, type ExportFile } from '@/lib/data/export';
import {
  applyImport,
  deleteEverything,
  describeEverything,
  IMPORT_MAX_BYTES,
  IMPORT_MAX_RECORDS,
  mergeImport,
  parseImport,
  type SettingsPort,
} from '@/lib/data/import';
import { idTimePrefix } from '@/lib/browser/ids';
import { recordBuilders } from './builders';
import { pauseRecordProblem } from '@/lib/pause/record';
import type { PauseRecord } from '@/lib/pause/log';
import { MOODS, reflectionProblem, type Reflection, type ReflectionSource } from '@/lib/journal/reflection';
import { DEFAULT_SETTINGS, type Settings, type TriggerSite } from '@/lib/settings/settings';
import { getSettings, settingsItem } from '@/lib/settings/store';
import { windowsItem } from '@/lib/pause/open-time-store';

// ---------------------------------------------------------------------------
// Data

const NOW = Date.UTC(2026, 10, 25, 13, 3);
/** Settings with these sites and everything else at its default. */
const S = (sites: TriggerSite[] = [], over: Partial<Settings> = {}): Settings => ({ ...structuredClone(DEFAULT_SETTINGS), ...over, sites });
const EMPTY = { reflections: [], pauses: [], settings: S() };
const { idAt, reflection, pause } = recordBuilders(NOW);



function site(id: string, over: Partial<TriggerSite> = {}): TriggerSite {
  return { id, label: id, patterns: [`${id}.com`], enabled: true, waitSeconds: 5, windowMinutes: 15, kind: 'feed', ...over };
}

/** Test data; settings need only their sites. */
interface Data {
  reflections?: Reflection[];
  pauses?: PauseRecord[];
  settings?: Partial<Settings> & { sites: TriggerSite[] };
}
const fileOf = (data: Data): ExportFile =>
  buildExport({ reflections: data.reflections ?? [], pauses: data.pauses ?? [], settings: S(data.settings?.sites, data.settings) }, NOW);
const jsonOf = (data: Data): string => exportJson(fileOf(data));

/** A valid export as a plain object, to break on purpose. */
const rawOf = (data: Data): Record<string, unknown> => JSON.parse(jsonOf(data)) as Record<string, unknown>;

function problemsOf(text: string): string[] {
  const result = parseImport(text);
  if (result.ok) throw new Error('expected the file to be refused');
  return result.problems;
}

// ---------------------------------------------------------------------------
// Arbitraries

const time = fc.integer({ min: 0, max: 4_102_444_800_000 });
const rand8 = fc.integer({ min: 0, max: 36 ** 8 - 1 }).map((n) => n.toString(36).padStart(8, '0'));
const anyText = (maxLength: number) => fc.oneof(fc.string({ maxLength }), fc.string({ unit: 'binary', maxLength }), fc.constantFrom('', '__proto__', 'constructor', '"\\\n\u2028'));

const sourceArb: fc.Arbitrary<ReflectionSource> = fc.oneof(
  fc.constant({ kind: 'popup' as const }),
  fc.record({ kind: fc.constant('site-pause' as const), siteId: anyText(20), siteLabel: anyText(20), pauseId: anyText(20) }),
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

const dataArb = fc.record({
  reflections: fc.uniqueArray(reflectionArb, { selector: (r) => r.id, maxLength: 8 }),
  pauses: fc.uniqueArray(pauseArb, { selector: (p) => p.id, maxLength: 8 }),
  settings: fc
    .tuple(fc.uniqueArray(siteArb, { selector: (s) => s.id, maxLength: 4 }), fc.boolean(), fc.constantFrom(...AFTER_CALL_ASKS))
    .map(([sites, unmuteCard, afterCall]): Settings => ({ sites, meetings: { unmuteCard, afterCall } })),
});
const nowArb = fc.integer({ min: 0, max: 8.64e15 });
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
const brokenTextArb: fc.Arbitrary<string> = fc.oneof(
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
let journal: UseStore;
let pauses: UseStore;
beforeEach(() => {
  dbCount++;
  journal = createJournalStore(`import-test-journal-${dbCount}`);
  pauses = createStore(`import-test-pauses-${dbCount}`, 'pauses');
});

/** Everything stored, raw, to compare before and after. */
async function everything(): Promise<unknown> {
  return {
    journal: await entries(journal),
    pauses: await entries(pauses),
    local: await browser.storage.local.get(null),
  };
}

/** A store whose write transactions fail from the `failFrom`-th one on (0: all fail). */
function failingWrites(store: UseStore, failFrom = 0): UseStore {
  let writes = 0;
  return (mode, callback) => {
    if (mode === 'readwrite' && writes++ >= failFrom) return Promise.reject(new Error('disk full'));
    return store(mode, callback);
  };
}

async function seed(data: Data): Promise<void> {
  if (data.reflections?.length) await setMany(data.reflections.map((r) => [r.id, r]), journal);
  if (data.pauses?.length) await setMany(data.pauses.map((p) => [p.id, p]), pauses);
  if (data.settings) await settingsItem.setValue(S(data.settings.sites, data.settings));
}

// ---------------------------------------------------------------------------

describe('round trip', () => {
  it('parses an export back to exactly the same file, and exports it again byte for byte', () => {
    fc.assert(
      fc.property(dataArb, nowArb, (data, now) => {
        const file = buildExport(data, now);
        const json = exportJson(file);
        const parsed = parseImport(json);
        if (!parsed.ok) throw new Error(parsed.problems.join('\n'));
        expect(parsed.file).toStrictEqual(file);
        const merged = mergeImport(EMPTY, parsed.file);
        const again = exportJson(buildExport({ reflections: merged.reflections, pauses: merged.pauses, settings: merged.settings }, Date.parse(parsed.file.exportedAt)));
        expect(again).toBe(json);
      }),
      { numRuns: 300 },
    );
  });

  it('imports into empty stores and exports the same bytes from what was stored', async () => {
    await fc.assert(
      fc.asyncProperty(dataArb, async (data) => {
        dbCount++;
        const deps = { journal: createStore(`rt-j-${dbCount}`, 'r'), pauses: createStore(`rt-p-${dbCount}`, 'p') };
        await settingsItem.removeValue();
        const json = exportJson(buildExport(data, NOW));
        const result = await applyImport(json, deps);
        expect(result.ok).toBe(true);
        const stored = {
          reflections: (await entries<string, Reflection>(deps.journal)).map(([, r]) => r),
          pauses: (await entries<string, PauseRecord>(deps.pauses)).map(([, p]) => p),
          settings: await getSettings(),
        };
        expect(exportJson(buildExport(stored, NOW))).toBe(json);
      }),
      { numRuns: 25 },
    );
  });
});

describe('parseImport: broken files', () => {
  it('never throws, and either gives a valid file or names at least one problem', () => {
    let accepted = 0;
    let refused = 0;
    fc.assert(
      fc.property(brokenTextArb, (text) => {
        const result = parseImport(text);
        if (result.ok) accepted++;
        else refused++;
        if (result.ok) {
          const { file } = result;
          for (const r of file.reflections) expect(reflectionProblem(r)).toBeUndefined();
          for (const p of file.pauses) expect(pauseRecordProblem(p)).toBeUndefined();
          expect(new Set(file.reflections.map((r) => r.id)).size).toBe(file.reflections.length);
          expect(new Set(file.pauses.map((p) => p.id)).size).toBe(file.pauses.length);
          // Whatever was accepted exports and imports again unchanged.
          const again = parseImport(exportJson(file));
          expect(again.ok && again.file).toStrictEqual(file);
        } else {
          expect(result.problems.length).toBeGreaterThanOrEqual(1);
          expect(result.problems.length).toBeLessThanOrEqual(6);
          for (const p of result.problems) {
            expect(typeof p).toBe('string');
            expect(p.length).toBeGreaterThan(0);
            expect(p.length).toBeLessThanOrEqual(200);
          }
        }
      }),
      { numRuns: 1000 },
    );
    // Both outcomes were exercised: some breakages still leave a valid export.
    expect(accepted).toBeGreaterThan(20);
    expect(refused).toBeGreaterThan(300);
  });

  it('says a cut-short file is not valid JSON', () => {
    const json = jsonOf({ reflections: [reflection()] });
    expect(problemsOf(json.slice(0, json.length / 2))).toEqual([expect.stringMatching(/^This file is not valid JSON \(it may be cut short\): /)]);
    expect(problemsOf('')[0]).toMatch(/^This file is not valid JSON/);
  });

  it('refuses anything that is not a Pause Moment export', () => {
    for (const text of ['null', '[]', '42', '"text"', 'true', '{}', JSON.stringify({ format: 'other', version: 1 }), JSON.stringify(['pause-moment-export'])]) {
      expect(problemsOf(text)).toEqual(['This is not a Pause Moment export.']);
    }
  });

  it('asks for an update when the file comes from a newer version', () => {
    expect(problemsOf(JSON.stringify({ ...rawOf({}), version: 2 }))).toEqual([
      'This file comes from a newer version of Pause Moment; update the extension first.',
    ]);
    expect(problemsOf(JSON.stringify({ ...rawOf({}), version: '1' }))[0]).toMatch(/no version/);
    expect(problemsOf(JSON.stringify({ ...rawOf({}), version: 0 }))[0]).toMatch(/no version/);
  });

  it('names where each problem is, the first five and how many more', () => {
    const raw = rawOf({ reflections: Array.from({ length: 20 }, () => reflection()) });
    (raw.reflections as Record<string, unknown>[]).forEach((r, i) => {
      if (i >= 12) r.id = 'bad';
    });
    const problems = problemsOf(JSON.stringify(raw));
    expect(problems).toEqual([
      'reflections[12] has no valid id',
      'reflections[13] has no valid id',
      'reflections[14] has no valid id',
      'reflections[15] has no valid id',
      'reflections[16] has no valid id',
      '…and 3 more problems.',
    ]);
  });

  it('checks the lists and the settings are there', () => {
    const raw = rawOf({});
    expect(problemsOf(JSON.stringify({ ...raw, reflections: {}, pauses: 'x', settings: [] }))).toEqual([
      'reflections is not a list',
      'pauses is not a list',
      'settings has no list of sites',
    ]);
    expect(problemsOf(JSON.stringify({ ...raw, settings: { sites: {} } }))).toEqual(['settings has no list of sites']);
    expect(problemsOf(JSON.stringify({ ...raw, exportedAt: 'yesterday' }))).toEqual(['exportedAt is not a valid date']);
  });

  it('refuses an id used twice in the file', () => {
    const r = reflection();
    const p = pause();
    const raw = rawOf({ reflections: [r], pauses: [p], settings: { sites: [site('a')] } });
    const file = {
      ...raw,
      reflections: [...(raw.reflections as unknown[]), { ...r, text: 'again' }],
      pauses: [...(raw.pauses as unknown[]), p],
      settings: { sites: [site('a'), site('a', { label: 'A' })] },
    };
    expect(problemsOf(JSON.stringify(file))).toEqual([
      'reflections[1] has the same id as reflections[0]',
      'pauses[1] has the same id as pauses[0]',
      'settings.sites[1] has the same id as settings.sites[0]',
    ]);
  });

  it('validates every pause record', () => {
    const raw = rawOf({ pauses: [pause(), pause(), pause(), pause()] });
    const ps = raw.pauses as Record<string, unknown>[];
    ps[0]!.choice = 'maybe';
    ps[1]!.shownAt = -5;
    ps[2]!.id = 42;
    ps[3] = 'not a record' as unknown as Record<string, unknown>;
    expect(problemsOf(JSON.stringify(raw))).toEqual([
      'pauses[0] has an unknown choice',
      'pauses[1] has no valid shownAt time',
      'pauses[2] has no valid id',
      'pauses[3] is not an object',
    ]);
  });

  it('reports settings entries that would be dropped instead of dropping them', () => {
    const raw = rawOf({});
    const sites = ['junk', { ...site('x'), id: 7 }, site('y', { patterns: [] }), { ...site('z'), patterns: ['z.com', 3] }, { ...site('w'), patterns: undefined }];
    expect(problemsOf(JSON.stringify({ ...raw, settings: { sites } }))).toEqual([
      'settings.sites[0] is not an object',
      'settings.sites[1] has no valid id',
      'settings.sites[2] has no site patterns',
      'settings.sites[3] has a site pattern that is not text',
      'settings.sites[4] has no site patterns',
    ]);
  });

  it('clamps settings numbers out of range, as for stored settings', () => {
    const raw = rawOf({});
    const result = parseImport(JSON.stringify({ ...raw, settings: { sites: [{ ...site('a'), waitSeconds: 999, windowMinutes: 'long' }] } }));
    expect(result.ok && result.file.settings.sites[0]).toMatchObject({ waitSeconds: 60, windowMinutes: 15 });
  });

  it('accepts a file saved with a byte order mark', () => {
    expect(parseImport(`\ufeff${jsonOf({ reflections: [reflection()] })}`).ok).toBe(true);
  });
});

describe('parseImport: hostile files', () => {
  it('never lets __proto__ or constructor keys reach a prototype', () => {
    const r = reflection({ source: { kind: 'site-pause', siteId: 'reddit', siteLabel: 'Reddit', pauseId: 'x' } });
    const json = jsonOf({ reflections: [r], pauses: [pause()], settings: { sites: [site('a')] } })
      .replace('"format"', '"__proto__": { "polluted": "root" }, "constructor": { "prototype": { "polluted": "ctor" } }, "format"')
      .replace('"v": 1,\n      "id"', '"__proto__": { "polluted": "record", "text": 5 }, "v": 1,\n      "id"')
      .replace('"kind": "site-pause"', '"__proto__": { "polluted": "source" }, "kind": "site-pause"')
      .replace('"sites": [', '"__proto__": { "sites": [] }, "sites": [')
      .replace('"id": "a"', '"__proto__": { "enabled": false, "polluted": "site" }, "id": "a"');
    expect(json.match(/__proto__/g)).toHaveLength(5);
    const result = parseImport(json);
    if (!result.ok) throw new Error(result.problems.join('\n'));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
    const objects = [result.file, result.file.reflections[0]!, result.file.reflections[0]!.source, result.file.pauses[0]!, result.file.settings, result.file.settings.sites[0]!];
    for (const o of objects) {
      expect(Object.getPrototypeOf(o)).toBe(Object.prototype);
      expect(Object.hasOwn(o, '__proto__')).toBe(false);
      expect(Object.hasOwn(o, 'constructor')).toBe(false);
      expect(o).not.toHaveProperty('polluted');
    }
    expect(result.file.settings.sites[0]!.enabled).toBe(true);
    expect(exportJson(result.file)).not.toContain('__proto__');
  });

  it('refuses site ids that name a prototype key', () => {
    const raw = rawOf({});
    const json = JSON.stringify({ ...raw, settings: { sites: [site('ok')] } }).replace('"id":"ok"', '"id":"__proto__"');
    expect(problemsOf(json)).toEqual(['settings.sites[0] has an id that cannot be used: "__proto__"']);
    expect(problemsOf(JSON.stringify({ ...raw, settings: { sites: [site('constructor')] } }))[0]).toMatch(/cannot be used/);
  });

  it('keeps __proto__ and constructor ids out of prototypes when merging', async () => {
    // A reflection id can never be "__proto__" (ids are checked), but merge works on Maps whatever it is given.
    const weird = { ...reflection(), id: '__proto__' } as Reflection;
    const merged = mergeImport({ reflections: [weird], pauses: [{ id: 'constructor' }], settings: S() }, fileOf({ reflections: [reflection()] }));
    expect(merged.summary.added).toBe(1);
    expect(({} as Record<string, unknown>).v).toBeUndefined();
  });

  it('refuses a file over the size limit before reading it', () => {
    // Valid JSON but for its size: the message shows the size was checked before parsing.
    const huge = `"${'x'.repeat(IMPORT_MAX_BYTES - 1)}"`;
    expect(problemsOf(huge)).toEqual(['This file is too large to import: the limit is 256 MB.']);
    expect(problemsOf(`"${'x'.repeat(IMPORT_MAX_BYTES - 2)}"`)).toEqual(['This is not a Pause Moment export.']);
  });

  it('refuses too many records before checking any', () => {
    const raw = rawOf({});
    const text = JSON.stringify(raw).replace('"reflections":[]', `"reflections":[${'0,'.repeat(IMPORT_MAX_RECORDS)}0]`);
    expect(problemsOf(text)).toEqual([`This file holds ${IMPORT_MAX_RECORDS + 1} records, more than the ${IMPORT_MAX_RECORDS} that can be imported at once.`]);
  });

  it('refuses 10 MB strings where they do not fit, and keeps the message short', () => {
    const big = 'x'.repeat(10 * 1024 * 1024);
    const raw = rawOf({ reflections: [reflection(), reflection()], settings: { sites: [site('a')] } });
    const [r0, r1] = raw.reflections as Record<string, unknown>[];
    r0!.text = big;
    r1!.mood = big;
    ((raw.settings as Settings).sites[0] as unknown as Record<string, unknown>).label = big;
    const problems = problemsOf(JSON.stringify(raw));
    expect(problems[0]).toBe('reflections[0] has text longer than 10000 characters');
    expect(problems[1]).toMatch(/^reflections\[1\] has an unknown mood "xxx/);
    expect(problems[1]!.length).toBeLessThanOrEqual(200);
    expect(problems[2]).toBe('settings.sites[0] has an invalid label');
  });

  it('survives deeply nested JSON anywhere', () => {
    const depth = 200_000;
    const deep = `${'['.repeat(depth)}${']'.repeat(depth)}`;
    const deepObject = `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
    expect(problemsOf(deep)).toEqual(['This is not a Pause Moment export.']);
    expect(problemsOf(deepObject)).toEqual(['This is not a Pause Moment export.']);
    const json = jsonOf({ reflections: [reflection(), reflection(), reflection()], pauses: [pause()], settings: { sites: [site('a')] } });
    const inV = json.replace('"v": 1', `"v": ${deep}`);
    const inMood = json.replace('"tags": [],', `"tags": [], "mood": ${deepObject},`);
    const inSource = json.replace('"kind": "popup"', `"kind": ${deep}`);
    const unknownKey = json.replace('"format"', `"extra": ${deepObject}, "format"`);
    const inPause = json.replace('"choice": "none"', `"choice": ${deep}`);
    const inSite = json.replace('"id": "a"', `"id": ${deep}`);
    expect(problemsOf(inV)).toEqual(['reflections[0] has schema version (a list), expected 1']);
    expect(problemsOf(inMood)).toEqual(['reflections[0] has an unknown mood (an object)']);
    expect(problemsOf(inSource)).toEqual(['reflections[0] has an invalid source']);
    expect(parseImport(unknownKey).ok).toBe(true);
    expect(problemsOf(inPause)).toEqual(['pauses[0] has an unknown choice']);
    expect(problemsOf(inSite)).toEqual(['settings.sites[0] has no valid id']);
  });

  it('refuses numbers, nulls and objects where ids and text belong', () => {
    const raw = rawOf({ reflections: [reflection(), reflection(), reflection()] });
    const rs = raw.reflections as Record<string, unknown>[];
    rs[0]!.id = 12345;
    rs[1]!.text = null;
    rs[2]!.tags = [{}];
    expect(problemsOf(JSON.stringify(raw))).toEqual(['reflections[0] has no valid id', 'reflections[1] has no text', 'reflections[2] has invalid tags']);
  });
});

describe('mergeImport', () => {
  it('merges reflections by id, the later edit winning, and counts what happened', () => {
    const same = reflection();
    const olderHere = reflection();
    const newerHere = reflection();
    const tie = reflection();
    const fresh = reflection();
    const incoming = fileOf({
      reflections: [
        same,
        { ...olderHere, text: 'edited later', updatedAt: olderHere.updatedAt + 1 },
        { ...newerHere, text: 'stale', updatedAt: newerHere.updatedAt - 1 },
        { ...tie, text: 'same time, other text' },
        fresh,
      ],
    });
    const merged = mergeImport({ reflections: [same, olderHere, newerHere, tie], pauses: [], settings: S() }, incoming);
    expect(merged.reflections).toEqual([{ ...olderHere, text: 'edited later', updatedAt: olderHere.updatedAt + 1 }, fresh]);
    expect(merged.summary).toEqual({ added: 1, updated: 1, unchanged: 3, pausesAdded: 0, sitesAdded: 0 });
  });

  it('keeps the pause records already here and adds the new ones', () => {
    const here = pause({ choice: 'leave' });
    const fresh = pause();
    const merged = mergeImport({ reflections: [], pauses: [here], settings: S() }, fileOf({ pauses: [{ ...here, choice: 'continue' }, fresh] }));
    expect(merged.pauses).toEqual([fresh]);
    expect(merged.summary.pausesAdded).toBe(1);
  });

  it('keeps the sites already here and adds new ones at the end with their enabled flag', () => {
    const here = S([site('reddit', { waitSeconds: 30 }), site('x')]);
    const merged = mergeImport(
      { reflections: [], pauses: [], settings: here },
      fileOf({ settings: { sites: [site('reddit', { waitSeconds: 0, enabled: false }), site('bsky', { enabled: false }), site('tiktok')] } }),
    );
    expect(merged.settings).toEqual(S([here.sites[0]!, here.sites[1]!, site('bsky', { enabled: false }), site('tiktok')]));
    expect(merged.summary.sitesAdded).toBe(2);
  });

  it('takes other settings from the file only where the ones here are still the defaults', () => {
    const file = fileOf({ settings: { sites: [], meetings: { unmuteCard: true, afterCall: 'some' } } });
    expect(mergeImport(EMPTY, file)).toMatchObject({ settings: S([], { meetings: { unmuteCard: true, afterCall: 'some' } }), settingsChanged: true });
    const chosenHere = S([site('a')], { meetings: { unmuteCard: true, afterCall: 'some' } });
    const fileOff = fileOf({ settings: { sites: [site('a')], meetings: { unmuteCard: false, afterCall: 'some' } } });
    expect(mergeImport({ ...EMPTY, settings: chosenHere }, fileOff)).toMatchObject({ settings: chosenHere, settingsChanged: false });
  });

  it('changes nothing when importing what is already here', () => {
    fc.assert(
      fc.property(dataArb, (data) => {
        const file = buildExport(data, NOW);
        const merged = mergeImport(file, file);
        expect(merged.reflections).toEqual([]);
        expect(merged.pauses).toEqual([]);
        expect(merged.settings).toEqual(file.settings);
        expect(merged.summary).toEqual({ added: 0, updated: 0, unchanged: file.reflections.length, pausesAdded: 0, sitesAdded: 0 });
      }),
    );
  });
});

describe('applyImport', () => {
  const existing = () => {
    const kept = reflection({ text: 'mine' });
    const toUpdate = reflection({ text: 'old version' });
    const p = pause({ choice: 'leave' });
    return { kept, toUpdate, p, data: { reflections: [kept, toUpdate], pauses: [p], settings: { sites: [site('reddit')] } } };
  };

  it('writes the new and newer records and the new sites, and reports it', async () => {
    const { kept, toUpdate, p, data } = existing();
    await seed(data);
    const updated = { ...toUpdate, text: 'new version', updatedAt: toUpdate.updatedAt + 5 };
    const fresh = reflection({ text: 'from the file' });
    const freshPause = pause();
    const text = jsonOf({ reflections: [kept, updated, fresh], pauses: [p, freshPause], settings: { sites: [site('reddit', { enabled: false }), site('bsky')] } });
    const result = await applyImport(text, { journal, pauses });
    expect(result).toEqual({ ok: true, summary: { added: 1, updated: 1, unchanged: 1, pausesAdded: 1, sitesAdded: 1 } });
    expect(new Map(await entries(journal))).toEqual(new Map([kept, updated, fresh].map((r) => [r.id, r])));
    expect(new Map(await entries(pauses))).toEqual(new Map([p, freshPause].map((x) => [x.id, x])));
    expect(await getSettings()).toEqual(S([site('reddit'), site('bsky')]));
  });

  it('imports the same file twice without doubling anything', async () => {
    const text = jsonOf({ reflections: [reflection(), reflection()], pauses: [pause()], settings: { sites: [site('a')] } });
    expect(await applyImport(text, { journal, pauses })).toMatchObject({ ok: true, summary: { added: 2, pausesAdded: 1, sitesAdded: 1 } });
    const after = await everything();
    // Nothing to write the second time: stores that refuse every write do not matter.
    const second = await applyImport(text, { journal: failingWrites(journal), pauses: failingWrites(pauses) });
    expect(second).toEqual({ ok: true, summary: { added: 0, updated: 0, unchanged: 2, pausesAdded: 0, sitesAdded: 0 } });
    expect(await everything()).toEqual(after);
  });

  it('leaves stored data exactly as it was for any broken file', async () => {
    const { data } = existing();
    await seed(data);
    await windowsItem.setValue({ reddit: { openedAt: NOW, until: NOW + 60_000 } });
    const before = await everything();
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(brokenTextArb, async (text) => {
        if (parseImport(text).ok) return; // still a valid export: importing it is right
        refused++;
        const result = await applyImport(text, { journal, pauses });
        expect(result.ok).toBe(false);
        expect(await everything()).toEqual(before);
      }),
      { numRuns: 150 },
    );
    expect(refused).toBeGreaterThan(50);
  });

  it('undoes the reflections written when the pause records cannot be written', async () => {
    const { kept, toUpdate, data } = existing();
    await seed(data);
    const before = await everything();
    const text = jsonOf({ reflections: [kept, { ...toUpdate, text: 'new', updatedAt: toUpdate.updatedAt + 1 }, reflection()], pauses: [pause()], settings: { sites: [site('bsky')] } });
    const result = await applyImport(text, { journal, pauses: failingWrites(pauses) });
    expect(result).toEqual({ ok: false, problems: ['The import failed while saving (disk full). Nothing was changed.'] });
    expect(await everything()).toEqual(before);
  });

  it('undoes reflections and pause records when the settings cannot be saved', async () => {
    const { data } = existing();
    await seed(data);
    const before = await everything();
    const failingSettings: SettingsPort = { get: getSettings, update: () => Promise.reject(new Error('quota exceeded')) };
    const text = jsonOf({ reflections: [reflection()], pauses: [pause()], settings: { sites: [site('bsky')] } });
    const result = await applyImport(text, { journal, pauses, settings: failingSettings });
    expect(result).toEqual({ ok: false, problems: ['The import failed while saving (quota exceeded). Nothing was changed.'] });
    expect(await everything()).toEqual(before);
  });

  it('says so when a failed import could not be fully undone', async () => {
    const text = jsonOf({ reflections: [reflection()], pauses: [pause()] });
    // The journal takes the import's write and refuses the undo.
    const result = await applyImport(text, { journal: failingWrites(journal, 1), pauses: failingWrites(pauses) });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems[0]).toMatch(/could not be fully undone/);
  });

  it('refuses, writing nothing, when the current data cannot be read', async () => {
    const broken: UseStore = () => Promise.reject(new Error('database closed'));
    const result = await applyImport(jsonOf({ reflections: [reflection()] }), { journal: broken, pauses });
    expect(result).toEqual({ ok: false, problems: ['Your current data could not be read (database closed), so nothing was imported.'] });
    expect(await entries(pauses)).toEqual([]);
  });

  it('returns the parse problems for an invalid file', async () => {
    expect(await applyImport('{"format": "pause-moment-export", "version": 1', { journal, pauses })).toEqual({
      ok: false,
      problems: [expect.stringMatching(/^This file is not valid JSON/)],
    });
  });
});

describe('describeEverything and deleteEverything', () => {
  it('counts, then deletes the journal, pause history, settings, windows and draft', async () => {
    await seed({ reflections: [reflection(), reflection()], pauses: [pause(), pause(), pause()], settings: { sites: [site('a')] } });
    await windowsItem.setValue({ a: { openedAt: NOW, until: NOW + 1 } });
    await storage.setItem('local:journalDraft', { id: idAt(NOW), text: 'unsaved', updatedAt: NOW });
    await storage.setItem('local:unrelated', 'kept');
    const counts = { reflections: 2, pauses: 3, sites: 1 };
    expect(await describeEverything({ journal, pauses })).toEqual(counts);
    expect(await deleteEverything({ journal, pauses })).toEqual(counts);
    expect(await entries(journal)).toEqual([]);
    expect(await entries(pauses)).toEqual([]);
    const left = await browser.storage.local.get(null);
    expect(Object.keys(left).filter((k) => !k.endsWith('$'))).toEqual(['unrelated']);
    expect(await getSettings()).toEqual(DEFAULT_SETTINGS);
    expect(await describeEverything({ journal, pauses })).toEqual({ reflections: 0, pauses: 0, sites: 0 });
  });

  it('keeps the settings version, so the next start does not migrate what is saved later', async () => {
    await settingsItem.setMeta({ v: 2 });
    await seed({ settings: { sites: [site('a', { kind: 'meeting' })] } });
    await deleteEverything({ journal, pauses });
    expect(await settingsItem.getMeta()).toEqual({ v: 2 });
  });

  it('deletes what it can and says what it could not', async () => {
    await seed({ reflections: [reflection()], pauses: [pause()], settings: { sites: [site('a')] } });
    await expect(deleteEverything({ journal: failingWrites(journal), pauses })).rejects.toThrow('Could not delete the journal. Try again.');
    expect(await entries(journal)).toHaveLength(1);
    expect(await entries(pauses)).toEqual([]);
    expect(await getSettings()).toEqual(DEFAULT_SETTINGS);
  });
});
