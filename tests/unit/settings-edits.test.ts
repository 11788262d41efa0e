import { describe, expect, it } from 'vitest';
import { normaliseSettings, type TriggerSite } from '@/lib/settings/settings';
import { normaliseEdits, REMOVED_KEPT, stampEdits } from '@/lib/settings/settings-edits';
import { typedSite } from './builders';

const site = typedSite;
const settings = (sites: TriggerSite[], meetings = {}) => normaliseSettings({ sites, meetings });

describe('stampEdits', () => {
  it('notes a new site as one time, and only later edits of its fields', () => {
    const empty = settings([]);
    const added = settings([site('a.com')]);
    const e1 = stampEdits(empty, added, {}, 100);
    expect(e1).toEqual({ sites: { 'site:a.com': { at: 100 } } });
    const e2 = stampEdits(added, settings([site('a.com', { waitSeconds: 9, exactHost: true })]), e1, 200);
    expect(e2).toEqual({ sites: { 'site:a.com': { at: 100, f: { waitSeconds: 200, exactHost: 200 } } } });
  });

  it('notes preferences by path, and removals by id', () => {
    const before = settings([site('a.com')], { unmuteCard: false });
    const after = settings([], { unmuteCard: true });
    expect(stampEdits(before, after, { sites: { 'site:a.com': { at: 50 } } }, 300)).toEqual({
      prefs: { 'meetings.unmuteCard': 300 },
      removed: { 'site:a.com': 300 },
    });
  });

  it('always gives an edit a later time than the one it replaces, even with a clock behind', () => {
    const a = settings([site('a.com')]);
    const b = settings([site('a.com', { waitSeconds: 1 })]);
    const e = stampEdits(b, a, { sites: { 'site:a.com': { at: 1000, f: { waitSeconds: 2000 } } } }, 10);
    expect(e.sites?.['site:a.com']?.f?.waitSeconds).toBe(2001);
  });

  it('notes nothing when nothing changed', () => {
    const s = settings([site('a.com')]);
    expect(stampEdits(s, structuredClone(s), {}, 100)).toEqual({});
  });

  it('remembers only the latest removals', () => {
    const many = settings(Array.from({ length: REMOVED_KEPT + 5 }, (_, i) => site(`${i}.com`)));
    const removed = stampEdits(many, settings([]), {}, 100).removed ?? {};
    expect(Object.keys(removed)).toHaveLength(REMOVED_KEPT);
  });
});

describe('normaliseEdits', () => {
  it('keeps positive times only, and no key that reaches a prototype', () => {
    const raw = JSON.parse(
      '{"prefs":{"a":5,"b":-1,"c":"7","__proto__":9},"sites":{"x":{"at":3,"f":{"w":4,"v":null}},"y":"junk","z":{"at":0}},"removed":{"q":8,"r":NaN}}'.replace('NaN', 'null'),
    );
    expect(normaliseEdits(raw)).toEqual({ prefs: { a: 5 }, sites: { x: { at: 3, f: { w: 4 } } }, removed: { q: 8 } });
    expect(normaliseEdits('junk')).toEqual({});
  });
});
