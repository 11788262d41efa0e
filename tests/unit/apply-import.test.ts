import fc from 'fast-check';
import { openTimesItem, settingsItem } from '@/lib/settings/storage-registry';
import { createStore, entries, type UseStore } from 'idb-keyval';
import { describe, expect, it } from 'vitest';
import { buildExport, exportJson } from '@/lib/data/export';
import { applyImport } from '@/lib/data/apply-import';
import { mergeImport } from '@/lib/data/merge-import';
import { parseImport } from '@/lib/data/parse-import';
import { type SettingsPort } from '@/lib/data/stores';
import type { PauseRecord } from '@/lib/pause/log';
import { type Reflection } from '@/lib/journal/reflection';
import { getSettings } from '@/lib/settings/store';
import { EMPTY, NOW, S, brokenTextArb, dataArb, everything, failingWrites, journal, jsonOf, nextDbNumber, nowArb, pause, pauses, reflection, seed, site, freshStores } from './data-fixtures';

freshStores();

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
        const n = nextDbNumber();
        const deps = { journal: createStore(`rt-j-${n}`, 'r'), pauses: createStore(`rt-p-${n}`, 'p') };
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
    await openTimesItem.setValue({ reddit: { openedAt: NOW, until: NOW + 60_000 } });
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
