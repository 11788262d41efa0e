import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exportJson } from '@/lib/data/export';
import { IMPORT_MAX_BYTES, IMPORT_MAX_RECORDS, parseImport } from '@/lib/data/parse-import';
import { mergeImport } from '@/lib/data/merge-import';
import { pauseRecordProblem } from '@/lib/pause/record';
import { reflectionProblem, type Reflection } from '@/lib/journal/reflection';
import { type Settings } from '@/lib/settings/settings';
import { inGerman } from './german';
import { S, brokenTextArb, fileOf, jsonOf, pause, problemsOf, rawOf, reflection, site } from './data-fixtures';

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
    expect(problemsOf(JSON.stringify({ ...rawOf({}), version: 3 }))).toEqual([
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

  it('refuses a file over the size limit before reading it', { timeout: 60_000 }, () => {
    // Valid JSON but for its size: the message shows the size was checked before parsing.
    const huge = `"${'x'.repeat(IMPORT_MAX_BYTES - 1)}"`;
    expect(problemsOf(huge)).toEqual(['This file is too large to import: the limit is 256 MB.']);
    expect(problemsOf(`"${'x'.repeat(IMPORT_MAX_BYTES - 2)}"`)).toEqual(['This is not a Pause Moment export.']);
  });

  it('refuses too many records before checking any', () => {
    const raw = rawOf({});
    const text = JSON.stringify(raw).replace('"reflections":[]', `"reflections":[${'0,'.repeat(IMPORT_MAX_RECORDS)}0]`);
    // Counts are written as the user's language writes numbers, with a comma between thousands in English.
    const count = (n: number) => n.toLocaleString('en');
    expect(problemsOf(text)).toEqual([`This file holds ${count(IMPORT_MAX_RECORDS + 1)} records, more than the ${count(IMPORT_MAX_RECORDS)} that can be imported at once.`]);
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

describe('parseImport in German', () => {
  it('names the problems inside a broken file in German', () => {
    const raw = rawOf({ reflections: [reflection(), reflection(), reflection()], pauses: [pause(), pause(), pause()] });
    const rs = raw.reflections as Record<string, unknown>[];
    rs[0]!.createdAt = -1;
    rs[1]!.tags = ['#x'];
    rs[2]!.mood = [];
    const ps = raw.pauses as Record<string, unknown>[];
    ps[0]!.v = 7;
    ps[1]!.decidedAt = 'later';
    ps[2] = 'x' as unknown as Record<string, unknown>;
    const problems = inGerman(() => problemsOf(JSON.stringify(raw)));
    expect(problems).toEqual([
      'reflections[0]: createdAt fehlt oder ist keine gültige Zeit',
      'reflections[1]: Die Angaben in tags sind ungültig',
      'reflections[2]: mood hat den unbekannten Wert (eine Liste)',
      'pauses[0] hat eine unbekannte Schemaversion, erwartet wird 1 oder 2',
      'pauses[1]: decidedAt ist keine gültige Zeit',
      '…und 1 weiteres Problem.',
    ]);
    expect(inGerman(() => problemsOf(JSON.stringify({ ...rawOf({}), exportedAt: 'gestern' })))).toEqual(['exportedAt ist kein gültiges Datum']);
    expect(inGerman(() => problemsOf(JSON.stringify({ ...rawOf({}), settings: { sites: [site('a'), site('a')] } })))).toEqual([
      'settings.sites[1] hat dieselbe id wie settings.sites[0]',
    ]);
  });
});
