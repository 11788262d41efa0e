import { describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import { importSettingsFile } from '@/lib/data/apply-settings-file';
import { buildExport, exportJson } from '@/lib/data/export';
import { buildSettingsFile, parseSettingsFile, restoreSettings, settingsFileJson, settingsFileName } from '@/lib/data/settings-file';
import { normaliseSettings, type Settings, type TriggerSite } from '@/lib/settings/settings';
import { getSettings, updateSettings } from '@/lib/settings/store';
import { typedSite } from './builders';

const site = typedSite;
const NOW = Date.UTC(2026, 11, 2, 12);
const fileOf = (settings: unknown): string => settingsFileJson(buildSettingsFile(normaliseSettings(settings), NOW));
const problemsOf = (text: string): string[] => {
  const result = parseSettingsFile(text);
  return result.ok ? [] : result.problems;
};
const grantedNone = { hasAccess: async () => false };

describe('the settings file', () => {
  it('holds the settings only, and reads back as they were, fields from a newer version included', () => {
    const settings = { sites: [site('reddit.com', { waitSeconds: 12, colour: 'teal' } as Partial<TriggerSite>)], meetings: { unmuteCard: true, afterCall: 'never' }, focus: [1] };
    const text = fileOf(settings);
    const json = JSON.parse(text);
    expect(Object.keys(json)).toEqual(['format', 'version', 'exportedAt', 'settings']);
    expect(json).toMatchObject({ format: 'pause-moment-settings', version: 1, exportedAt: '2026-12-02T12:00:00.000Z' });
    const back = parseSettingsFile(text);
    expect(back).toEqual({ ok: true, settings: normaliseSettings(settings) });
    expect((back.ok && (back.settings as unknown as { focus: number[] }).focus)).toEqual([1]);
    expect(settingsFileName(NOW)).toMatch(/^pause-moment-settings-2026-12-0[23]\.json$/);
  });

  it('reads the settings of a full export too', () => {
    const text = exportJson(buildExport({ reflections: [], pauses: [], settings: normaliseSettings({ sites: [site('x.com')] }) }, NOW));
    const result = parseSettingsFile(text);
    expect(result.ok && result.settings.sites.map((s) => s.id)).toEqual(['site:x.com']);
  });

  it.each([
    ['text that is not JSON', 'settings please', /not valid JSON/],
    ['a file cut short', fileOf({ sites: [site('a.com')] }).slice(0, 60), /not valid JSON \(it may be cut short\)/],
    ['another JSON file', '{"name":"package"}', /not a Pause Moment settings file/],
    ['a file from a newer version', JSON.stringify({ format: 'pause-moment-settings', version: 2, settings: { sites: [] } }), /newer version/],
    ['a file with no version', JSON.stringify({ format: 'pause-moment-settings', settings: { sites: [] } }), /no version/],
    ['settings with no sites', JSON.stringify({ format: 'pause-moment-settings', version: 1, settings: { meetings: {} } }), /settings has no list of sites/],
    ['a site with no patterns', JSON.stringify({ format: 'pause-moment-settings', version: 1, settings: { sites: [{ id: 'a', patterns: [] }] } }), /settings\.sites\[0\] has no site patterns/],
    ['a site id that reaches a prototype', '{"format":"pause-moment-settings","version":1,"settings":{"sites":[{"id":"__proto__","patterns":["a.com"]}]}}', /cannot be used/],
    ['a value nested past reading', `{"format":"pause-moment-settings","version":1,"settings":{"sites":[],"x":${'['.repeat(100_000)}${']'.repeat(100_000)}}}`, /./],
  ])('refuses %s, saying why', (_, text, message) => {
    const problems = problemsOf(text);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.join('\n')).toMatch(message);
  });
});

describe('restoreSettings', () => {
  it("puts the file's sites and choices back, keeping sites here the file does not have", () => {
    const current = normaliseSettings({ sites: [site('a.com', { waitSeconds: 40 }), site('here-only.com')], meetings: { unmuteCard: false, afterCall: 'some' } });
    const incoming = normaliseSettings({ sites: [site('b.com'), site('a.com', { waitSeconds: 10 })], meetings: { unmuteCard: true, afterCall: 'never' } });
    const out = restoreSettings(current, incoming);
    expect(out.sites.map((s) => [s.id, s.waitSeconds])).toEqual([
      ['site:a.com', 10],
      ['site:here-only.com', 5],
      ['site:b.com', 5],
    ]);
    expect(out.meetings).toEqual({ unmuteCard: true, afterCall: 'never' });
  });
});

describe('importSettingsFile', () => {
  it('brings a removed site back and names the sites that still need access', async () => {
    await updateSettings(() => normaliseSettings({ sites: [site('reddit.com', { waitSeconds: 20 }), site('x.com')] }));
    const text = fileOf(await getSettings());
    await updateSettings((s) => ({ ...s, sites: s.sites.filter((x) => x.id !== 'site:reddit.com') }));
    const result = await importSettingsFile(text, { hasAccess: async (s) => s.id === 'site:x.com' });
    expect(result).toMatchObject({ ok: true, sites: 2, added: 1 });
    expect(result.ok && result.needAccess.map((s) => s.label)).toEqual(['reddit.com']);
    expect((await getSettings()).sites.map((s) => [s.label, s.waitSeconds])).toEqual([
      ['x.com', 5],
      ['reddit.com', 20],
    ]);
  });

  it('changes nothing for a bad file', async () => {
    await updateSettings(() => normaliseSettings({ sites: [site('keep.com')] }));
    const before = await browser.storage.local.get(null);
    const bad = JSON.stringify({ format: 'pause-moment-settings', version: 1, settings: { sites: [site('ok.com'), { id: 'broken' }] } });
    const result = await importSettingsFile(bad, grantedNone);
    expect(result).toEqual({ ok: false, problems: ['settings.sites[1] has no site patterns'] });
    expect(await browser.storage.local.get(null)).toEqual(before);
  });

  it('changes nothing when saving fails', async () => {
    const failing = { get: async () => normaliseSettings({ sites: [] }), update: async (): Promise<Settings> => Promise.reject(new Error('quota')) };
    const result = await importSettingsFile(fileOf({ sites: [site('a.com')] }), { settings: failing, ...grantedNone });
    expect(result).toEqual({ ok: false, problems: ['The settings could not be saved (quota). Nothing was changed.'] });
  });
});
