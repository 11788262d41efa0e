import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, normaliseSettings, type TriggerSite } from '@/lib/settings/settings';

const site = (over: Record<string, unknown> = {}): Record<string, unknown> => ({
  id: 'site:example.com',
  label: 'example.com',
  patterns: ['example.com'],
  enabled: true,
  waitSeconds: 5,
  windowMinutes: 15,
  kind: 'feed',
  ...over,
});

describe('normaliseSettings', () => {
  it.each([null, undefined, 42, 'settings', [], {}, { sites: 'all' }, { sites: null }, { sites: {} }])(
    'reads %j as no sites',
    (raw) => {
      expect(normaliseSettings(raw)).toEqual(DEFAULT_SETTINGS);
    },
  );

  it('hands out a fresh default, so editing it does not change the next read', () => {
    normaliseSettings(undefined).sites.push(site() as unknown as TriggerSite);
    expect(normaliseSettings(undefined).sites).toEqual([]);
    expect(DEFAULT_SETTINGS.sites).toEqual([]);
  });

  it.each([
    ['null', null],
    ['a string', 'reddit.com'],
    ['no id', site({ id: undefined })],
    ['a numeric id', site({ id: 7 })],
    ['no patterns', site({ patterns: undefined })],
    ['empty patterns', site({ patterns: [] })],
    ['patterns that are not strings', site({ patterns: [1, null, {}] })],
    ['patterns that are not a list', site({ patterns: 'example.com' })],
  ])('drops an entry with %s and keeps the rest', (_, bad) => {
    const good = site({ id: 'good' });
    expect(normaliseSettings({ sites: [bad, good] }).sites.map((s) => s.id)).toEqual(['good']);
  });

  it('keeps the first of two entries with the same id', () => {
    const out = normaliseSettings({ sites: [site({ label: 'first' }), site({ label: 'second' }), site({ id: 'other' })] });
    expect(out.sites.map((s) => [s.id, s.label])).toEqual([
      ['site:example.com', 'first'],
      ['other', 'example.com'],
    ]);
  });

  it('does not let an unreadable entry reserve its id', () => {
    const out = normaliseSettings({ sites: [site({ patterns: [] }), site({ label: 'readable' })] });
    expect(out.sites.map((s) => s.label)).toEqual(['readable']);
  });

  it.each([
    ['waitSeconds', -5, 0],
    ['waitSeconds', 61, 60],
    ['waitSeconds', 2.6, 3],
    ['waitSeconds', Number.NaN, 5],
    ['waitSeconds', '10', 5],
    ['waitSeconds', undefined, 5],
    ['windowMinutes', 0, 1],
    ['windowMinutes', 100_000, 240],
    ['windowMinutes', 29.4, 29],
    ['windowMinutes', Infinity, 15],
    ['windowMinutes', null, 15],
  ])('reads %s %s as %s', (field, value, expected) => {
    expect(normaliseSettings({ sites: [site({ [field]: value })] }).sites[0]![field as 'waitSeconds']).toBe(expected);
  });

  it.each([
    ['a missing label', { label: undefined }, { label: 'example.com' }],
    ['an empty label', { label: '' }, { label: 'example.com' }],
    ['a missing enabled flag', { enabled: undefined }, { enabled: true }],
    ['enabled: false', { enabled: false }, { enabled: false }],
    ['stray non-string patterns', { patterns: [3, 'example.com', null, 'example.org'] }, { patterns: ['example.com', 'example.org'] }],
  ])('fills in %s', (_, over, expected) => {
    expect(normaliseSettings({ sites: [site(over)] }).sites[0]).toMatchObject(expected);
  });

  it.each([
    ['exactHost false', { exactHost: false }, 'exactHost'],
    ['a numeric presetId', { presetId: 3 }, 'presetId'],
  ])('leaves out %s', (_, over, key) => {
    expect(normaliseSettings({ sites: [site(over)] }).sites[0]).not.toHaveProperty(key);
  });

  it('keeps a well-formed site as it is', () => {
    const good = site({ exactHost: true, presetId: 'reddit', enabled: false, waitSeconds: 0, windowMinutes: 240 });
    const out = normaliseSettings({ sites: [good] });
    expect(out).toEqual({ sites: [good], meetings: { unmuteCard: false, afterCall: 'some' } });
    expect(normaliseSettings(out)).toEqual(out);
  });
});

describe('settings from a newer version', () => {
  // What a later version might write: fields this one has never heard of, at every level.
  const newer = {
    schemaNote: 'v9',
    focusHours: [{ from: '09:00', to: '12:00' }],
    meetings: { unmuteCard: true, afterCall: 'every', chipHidden: true },
    sites: [site({ colour: 'teal', waitSeconds: 999, limits: { daily: 3 } }), site({ id: 'other', patterns: [], colour: 'red' })],
  };

  it('keeps unknown fields as they are, and still normalises the known ones', () => {
    const out = normaliseSettings(newer) as unknown as Record<string, unknown> & { sites: Record<string, unknown>[]; meetings: Record<string, unknown> };
    expect(out.schemaNote).toBe('v9');
    expect(out.focusHours).toEqual([{ from: '09:00', to: '12:00' }]);
    expect(out.meetings).toEqual({ unmuteCard: true, afterCall: 'every', chipHidden: true });
    expect(out.sites).toHaveLength(1);
    expect(out.sites[0]).toMatchObject({ colour: 'teal', limits: { daily: 3 }, waitSeconds: 60 });
    expect(normaliseSettings(out)).toEqual(out);
  });

  it('never lets an unknown field stand in for a known one, or reach a prototype', () => {
    const hostile = JSON.parse('{"sites":[{"id":"a","patterns":["a.com"],"__proto__":{"polluted":1},"constructor":{"x":1}}],"__proto__":{"polluted":2}}');
    const out = normaliseSettings({ ...hostile, meetings: { unmuteCard: 'yes', afterCall: 'often' } });
    expect(out.meetings).toEqual({ unmuteCard: false, afterCall: 'some' });
    for (const o of [out, out.sites[0]!]) {
      expect(Object.getPrototypeOf(o)).toBe(Object.prototype);
      expect(Object.hasOwn(o, '__proto__')).toBe(false);
      expect(Object.hasOwn(o, 'constructor')).toBe(false);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('site kinds and meeting settings', () => {
  it.each([
    [{ kind: 'meeting' }, 'meeting'],
    [{ kind: 'feed' }, 'feed'],
    [{ kind: 'other' }, 'feed'],
    [{}, 'feed'],
  ])('reads kind of %j as %s', (over, kind) => {
    expect(normaliseSettings({ sites: [site(over)] }).sites[0]!.kind).toBe(kind);
  });

  it.each([
    [{ unmuteCard: true }, true],
    [{ unmuteCard: 'yes' }, false],
    [undefined, false],
  ])('reads meetings %j as unmute card %s', (meetings, on) => {
    expect(normaliseSettings({ sites: [], meetings }).meetings.unmuteCard).toBe(on);
  });
});
