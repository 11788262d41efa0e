import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildExport } from '@/lib/data/export';
import { mergeImport, mergeSettings } from '@/lib/data/merge-import';
import { normaliseSettings } from '@/lib/settings/settings';
import { EMPTY, NOW, S, dataArb, fileOf, pause, reflection, site } from './data-fixtures';

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

describe('mergeSettings and settings from a newer version', () => {
  it("keeps the fields a newer version wrote: the ones here, else the file's", () => {
    const here = normaliseSettings({ ...S([site('a')]), focus: 'here', onlyHere: 1 });
    const file = normaliseSettings({ ...S([site('b')]), focus: 'file', onlyInFile: 2 });
    const merged = mergeSettings(here, file).settings as unknown as Record<string, unknown>;
    expect(merged).toMatchObject({ focus: 'here', onlyHere: 1, onlyInFile: 2 });
  });
});
