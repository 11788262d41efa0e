import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, normaliseSettings, type AfterCallAsk, type Settings, type TriggerSite } from '@/lib/settings/settings';
import { canonical, stampEdits, type SyncedSettings } from '@/lib/settings/settings-edits';
import { mergeSynced } from '@/lib/settings/settings-merge';

const site = (name: string, over: Partial<TriggerSite> = {}): TriggerSite => ({
  id: `site:${name}`,
  label: `${name}.com`,
  patterns: [`${name}.com`],
  enabled: true,
  waitSeconds: 5,
  windowMinutes: 15,
  kind: 'feed',
  ...over,
});

/** One change a person makes on one device. */
type Op =
  | { kind: 'add'; name: string }
  | { kind: 'remove'; name: string }
  | { kind: 'wait'; name: string; value: number }
  | { kind: 'enabled'; name: string; value: boolean }
  | { kind: 'unmute'; value: boolean }
  | { kind: 'afterCall'; value: AfterCallAsk };

function apply(s: Settings, op: Op): Settings {
  const id = 'name' in op ? `site:${op.name}` : '';
  switch (op.kind) {
    case 'add':
      return s.sites.some((x) => x.id === id) ? s : { ...s, sites: [...s.sites, site(op.name)] };
    case 'remove':
      return { ...s, sites: s.sites.filter((x) => x.id !== id) };
    case 'wait':
      return { ...s, sites: s.sites.map((x) => (x.id === id ? { ...x, waitSeconds: op.value } : x)) };
    case 'enabled':
      return { ...s, sites: s.sites.map((x) => (x.id === id ? { ...x, enabled: op.value } : x)) };
    case 'unmute':
      return { ...s, meetings: { ...s.meetings, unmuteCard: op.value } };
    case 'afterCall':
      return { ...s, meetings: { ...s.meetings, afterCall: op.value } };
  }
}

/** A device's settings after `ops`, each at its own time, starting from `from`. */
function device(from: SyncedSettings, ops: readonly { op: Op; at: number }[]): SyncedSettings {
  let { settings, edits } = from;
  for (const { op, at } of ops) {
    const next = normaliseSettings(apply(settings, op));
    edits = stampEdits(settings, next, edits, at);
    settings = next;
  }
  return { settings, edits };
}

/** Settings and edits as a set: the order of sites is each device's own. */
const content = (x: SyncedSettings): string =>
  canonical({ settings: { ...x.settings, sites: [...x.settings.sites].sort((a, b) => (a.id < b.id ? -1 : 1)) }, edits: x.edits });
const ids = (x: SyncedSettings): string[] => x.settings.sites.map((s) => s.id).sort();

const names = (pool: string[]) => fc.constantFrom(...pool);
const opOn = (pool: string[], prefs: ('unmute' | 'afterCall')[]): fc.Arbitrary<Op> =>
  fc.oneof(
    names(pool).map((name): Op => ({ kind: 'add', name })),
    names(pool).map((name): Op => ({ kind: 'remove', name })),
    fc.record({ name: names(pool), value: fc.integer({ min: 0, max: 60 }) }).map((o): Op => ({ kind: 'wait', ...o })),
    fc.record({ name: names(pool), value: fc.boolean() }).map((o): Op => ({ kind: 'enabled', ...o })),
    ...(prefs.includes('unmute') ? [fc.boolean().map((value): Op => ({ kind: 'unmute', value }))] : []),
    ...(prefs.includes('afterCall') ? [fc.constantFrom<AfterCallAsk>('every', 'some', 'never').map((value): Op => ({ kind: 'afterCall', value }))] : []),
  );
/** Ops at increasing times from `start`; steps of 0 make edits on two devices at the same moment. */
const timed = (op: fc.Arbitrary<Op>, start: number) =>
  fc.array(fc.record({ op, step: fc.integer({ min: 0, max: 3 }) }), { maxLength: 12 }).map((list) => {
    let at = start;
    return list.map(({ op, step }) => ({ op, at: (at += step) }));
  });

/** A shared starting point: sites from before the settings followed the user (no times). */
const base = fc
  .subarray(['a', 'b', 'c', 'd', 'e', 'f'])
  .map((ns): SyncedSettings => ({ settings: normaliseSettings({ ...DEFAULT_SETTINGS, sites: ns.map((n) => site(n)) }), edits: {} }));
const ALL = ['a', 'b', 'c', 'd', 'e', 'f'];
const BOTH_PREFS: ('unmute' | 'afterCall')[] = ['unmute', 'afterCall'];
const twoDevices = base.chain((b) =>
  fc.tuple(fc.constant(b), timed(opOn(ALL, BOTH_PREFS), 1000), timed(opOn(ALL, BOTH_PREFS), 1000)).map(([from, x, y]) => ({ from, a: device(from, x), b: device(from, y) })),
);

describe('mergeSynced: properties', () => {
  it('is idempotent: merging a device with itself changes nothing', () => {
    fc.assert(
      fc.property(twoDevices, ({ a }) => {
        expect(content(mergeSynced(a, a))).toBe(content(a));
      }),
    );
  });

  it('is commutative: both devices end with the same settings, whichever merges first', () => {
    fc.assert(
      fc.property(twoDevices, ({ a, b }) => {
        expect(content(mergeSynced(a, b))).toBe(content(mergeSynced(b, a)));
      }),
    );
  });

  it('converges: merging again with either side changes nothing', () => {
    fc.assert(
      fc.property(twoDevices, ({ a, b }) => {
        const m = mergeSynced(a, b);
        expect(content(mergeSynced(a, m))).toBe(content(m));
        expect(content(mergeSynced(m, b))).toBe(content(m));
      }),
    );
  });

  it('never drops a site: with no removal, the sites are the union of both sides', () => {
    const noRemovals = base.chain((from) => {
      const op = opOn(ALL, BOTH_PREFS).filter((o) => o.kind !== 'remove');
      return fc.tuple(timed(op, 1000), timed(op, 1000)).map(([x, y]) => ({ a: device(from, x), b: device(from, y) }));
    });
    fc.assert(
      fc.property(noRemovals, ({ a, b }) => {
        expect(ids(mergeSynced(a, b))).toEqual([...new Set([...ids(a), ...ids(b)])].sort());
      }),
    );
  });

  it('never drops a site the other side did not remove after its last edit here', () => {
    fc.assert(
      fc.property(twoDevices, ({ a, b }) => {
        const merged = new Set(ids(mergeSynced(a, b)));
        const lastEdit = (x: SyncedSettings, id: string) => Math.max(x.edits.sites?.[id]?.at ?? 0, ...Object.values(x.edits.sites?.[id]?.f ?? {}));
        for (const [x, y] of [
          [a, b],
          [b, a],
        ] as const) {
          for (const id of ids(x)) {
            const removedThere = !ids(y).includes(id) && (y.edits.removed?.[id] ?? 0) > lastEdit(x, id);
            if (!removedThere) expect(merged.has(id), `${id} is kept`).toBe(true);
          }
        }
      }),
    );
  });

  it('keeps both sides\' edits when they touch different things', () => {
    // Device A edits sites a-c and the unmute card; device B sites d-f and the after-call line.
    const disjoint = base.chain((from) =>
      fc
        .tuple(timed(opOn(['a', 'b', 'c'], ['unmute']), 1000), timed(opOn(['d', 'e', 'f'], ['afterCall']), 1000))
        .map(([x, y]) => ({ from, x, y, a: device(from, x), b: device(from, y) })),
    );
    fc.assert(
      fc.property(disjoint, ({ from, x, y, a, b }) => {
        const expected = device(device(from, x), y).settings;
        const merged = mergeSynced(a, b).settings;
        const sorted = (s: Settings) => canonical({ ...s, sites: [...s.sites].sort((p, q) => (p.id < q.id ? -1 : 1)) });
        expect(sorted(merged)).toBe(sorted(expected));
      }),
    );
  });

  it('lets the later edit of the same field win', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 60 }), fc.integer({ min: 1, max: 1e6 }), fc.integer({ min: 1, max: 1e6 }), (wa, wb, ta, tb) => {
        fc.pre(ta !== tb);
        const from: SyncedSettings = { settings: normaliseSettings({ sites: [site('a')] }), edits: {} };
        const a = device(from, [{ op: { kind: 'wait', name: 'a', value: wa }, at: ta }]);
        const b = device(from, [{ op: { kind: 'wait', name: 'a', value: wb }, at: tb }]);
        const expected = wa === 5 ? wb : wb === 5 ? wa : ta > tb ? wa : wb;
        expect(mergeSynced(a, b).settings.sites[0]!.waitSeconds).toBe(expected);
      }),
    );
  });
});

describe('mergeSynced: examples', () => {
  const synced = (settings: unknown, edits = {}): SyncedSettings => ({ settings: normaliseSettings(settings), edits });

  it('adds a site from the other device after this device\'s own, and keeps every local one', () => {
    const here = synced({ sites: [site('a'), site('b')] }, { sites: { 'site:b': { at: 50 } } });
    const there = synced({ sites: [site('c'), site('a', { waitSeconds: 20 })] }, { sites: { 'site:c': { at: 60 }, 'site:a': { f: { waitSeconds: 40 } } } });
    const merged = mergeSynced(here, there);
    expect(merged.settings.sites.map((s) => [s.id, s.waitSeconds])).toEqual([
      ['site:a', 20],
      ['site:b', 5],
      ['site:c', 5],
    ]);
    expect(merged.edits.sites).toEqual({ 'site:a': { f: { waitSeconds: 40 } }, 'site:b': { at: 50 }, 'site:c': { at: 60 } });
  });

  it('keeps a site edited on one device after the other removed it, and drops one removed after its last edit', () => {
    const here = synced({ sites: [site('a', { waitSeconds: 9 }), site('b')] }, { sites: { 'site:a': { f: { waitSeconds: 300 } }, 'site:b': { at: 100 } } });
    const there = synced({ sites: [] }, { removed: { 'site:a': 200, 'site:b': 200 } });
    const merged = mergeSynced(here, there);
    expect(merged.settings.sites.map((s) => s.id)).toEqual(['site:a']);
    expect(merged.edits.removed).toEqual({ 'site:b': 200 });
  });

  it('on the first sync (no times), a choice beats a default and sites are joined', () => {
    const here = synced({ sites: [site('a')], meetings: { unmuteCard: true, afterCall: 'some' } });
    const there = synced({ sites: [site('b')], meetings: { unmuteCard: false, afterCall: 'never' } });
    const merged = mergeSynced(here, there).settings;
    expect(merged.meetings).toEqual({ unmuteCard: true, afterCall: 'never' });
    expect(merged.sites.map((s) => s.id)).toEqual(['site:a', 'site:b']);
  });

  it('keeps fields a newer version wrote, at the top, in meetings and in sites, merged by their times', () => {
    const here = synced({ sites: [site('a')], meetings: { unmuteCard: false } });
    const there = synced(
      { sites: [{ ...site('a'), colour: 'blue' }], meetings: { unmuteCard: false, chip: 'hidden' }, schedules: [{ days: [1] }] },
      { prefs: { schedules: 10 }, sites: { 'site:a': { f: { colour: 10 } } } },
    );
    const merged = mergeSynced(here, there).settings as unknown as Record<string, unknown> & { sites: Record<string, unknown>[]; meetings: Record<string, unknown> };
    expect(merged.schedules).toEqual([{ days: [1] }]);
    expect(merged.meetings.chip).toBe('hidden');
    expect(merged.sites[0]!.colour).toBe('blue');
  });

  it('an option turned off later on one device stays off', () => {
    const from = synced({ sites: [site('a', { exactHost: true })] });
    const off = device(from, [{ op: { kind: 'wait', name: 'a', value: 5 }, at: 1 }]);
    const turnedOff = { settings: normaliseSettings({ sites: [site('a')] }), edits: stampEdits(from.settings, normaliseSettings({ sites: [site('a')] }), off.edits, 500) };
    const stale = synced({ sites: [site('a', { exactHost: true })] }, { sites: { 'site:a': { f: { exactHost: 100 } } } });
    expect(mergeSynced(turnedOff, stale).settings.sites[0]).not.toHaveProperty('exactHost');
    expect(mergeSynced(stale, turnedOff).settings.sites[0]).not.toHaveProperty('exactHost');
  });
});
