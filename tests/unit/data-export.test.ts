import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  buildExport,
  describeSource,
  escapeMarkdownLine,
  EXPORT_FORMAT,
  EXPORT_VERSION,
  exportFileName,
  exportJson,
  reflectionsCsv,
  reflectionsMarkdown,
} from '@/lib/data/export';
import { csvField } from '@/lib/data/csv-field';
import { idTimePrefix } from '@/lib/browser/ids';
import { recordBuilders } from './builders';
import type { PauseRecord } from '@/lib/pause/log';
import { MOODS, type Reflection, type ReflectionSource } from '@/lib/journal/reflection';
import { DEFAULT_SETTINGS, type Settings } from '@/lib/settings/settings';

const at = (y: number, mo: number, d: number, h = 12, mi = 0): number => new Date(y, mo - 1, d, h, mi).getTime();
const NOW = at(2026, 11, 25, 14, 3);
const { idAt, reflection, pause } = recordBuilders(NOW);



const settings: Settings = {
  ...DEFAULT_SETTINGS,
  sites: [{ id: 'reddit', label: 'Reddit', patterns: ['reddit.com'], enabled: true, waitSeconds: 5, windowMinutes: 15, presetId: 'reddit', kind: 'feed' }],
};

const reddit: ReflectionSource = { kind: 'site-pause', siteId: 'reddit', siteLabel: 'Reddit', pauseId: '0000000aa-00000000' };

/** Valid reflections with hostile-looking text: arbitrary Unicode, markdown and CSV specials, formula starters. */
const nasty = fc.constantFrom(
  '## Heading',
  '# Title',
  '```',
  '~~~js',
  '<script>alert(1)</script>',
  '<!-- never closed',
  '- item',
  '* item',
  '+ item',
  '1. first',
  '2) second',
  '> quoted',
  '---',
  '===',
  '***',
  '| a | b |',
  '[x]: http://example.com',
  '    indented code',
  '\tTabbed',
  '$$',
  ':::',
  '=1+2',
  '+1',
  '-1',
  '@SUM(A1)',
  '\r\n',
  '"',
  ',',
  '\\',
  '\\#',
);
const textArb = fc
  .array(fc.oneof(nasty, fc.string({ unit: 'binary', maxLength: 20 }), fc.constantFrom('\n', '\n\n', ' ')), { maxLength: 8 })
  .map((parts) => parts.join(''));
const sourceArb: fc.Arbitrary<ReflectionSource> = fc.oneof(
  fc.constant({ kind: 'popup' as const }),
  fc.record({ kind: fc.constant('site-pause' as const), siteId: fc.string({ maxLength: 20 }), siteLabel: fc.oneof(nasty, fc.string({ maxLength: 20 })), pauseId: fc.string({ maxLength: 20 }) }),
  fc.record({ kind: fc.constant('check-in' as const), siteId: fc.string({ maxLength: 20 }), siteLabel: fc.oneof(nasty, fc.string({ maxLength: 20 })), openedAt: fc.integer({ min: 0, max: 4e12 }) }),
  fc.record({ kind: fc.constant('meeting' as const), platform: fc.oneof(nasty, fc.string({ maxLength: 20 })), moment: fc.constantFrom('before' as const, 'during' as const, 'after' as const) }),
);
const reflectionArb: fc.Arbitrary<Reflection> = fc
  .record(
    {
      createdAt: fc.integer({ min: 0, max: 4_102_444_800_000 }),
      edit: fc.integer({ min: 0, max: 10_000_000 }),
      rand: fc.integer({ min: 0, max: 36 ** 8 - 1 }),
      text: textArb,
      tags: fc.uniqueArray(fc.stringMatching(/^[a-z0-9_-]{1,8}$/), { maxLength: 4 }),
      mood: fc.constantFrom(...MOODS),
      prompt: fc.oneof(nasty, fc.string({ maxLength: 40 })),
      source: sourceArb,
    },
    { requiredKeys: ['createdAt', 'edit', 'rand', 'text', 'tags', 'source'] },
  )
  .map(({ createdAt, edit, rand, mood, prompt, ...rest }) => ({
    v: 1 as const,
    id: `${idTimePrefix(createdAt)}-${rand.toString(36).padStart(8, '0')}`,
    createdAt,
    updatedAt: createdAt + edit,
    ...rest,
    ...(mood !== undefined ? { mood } : {}),
    ...(prompt !== undefined ? { prompt } : {}),
  }));
const reflectionsArb = fc.uniqueArray(reflectionArb, { selector: (r) => r.id, maxLength: 12 });

describe('buildExport', () => {
  it('labels the file and keeps everything, oldest first', () => {
    const late = reflection({ createdAt: NOW + 1000 });
    const early = reflection({ createdAt: NOW - 1000 });
    const p2 = pause({ shownAt: NOW + 5 });
    const p1 = pause({ shownAt: NOW - 5 });
    const file = buildExport({ reflections: [late, early], pauses: [p2, p1], settings }, NOW);
    expect(file).toEqual({
      format: EXPORT_FORMAT,
      version: EXPORT_VERSION,
      exportedAt: new Date(NOW).toISOString(),
      reflections: [early, late],
      pauses: [p1, p2],
      settings,
    });
  });

  it('writes only the known fields, in one key order, leaving out absent optional ones', () => {
    const r = { source: { pauseId: 'p', extra: 1, siteLabel: 'Reddit', kind: 'site-pause', siteId: 'reddit' }, mood: undefined, tags: ['a'], text: 't', extra: 'x', updatedAt: NOW, createdAt: NOW, id: idAt(NOW), v: 1 };
    const p = { ...pause(), intention: undefined, secret: 'x' };
    const file = buildExport({ reflections: [r as unknown as Reflection], pauses: [p], settings }, NOW);
    expect(Object.keys(file.reflections[0]!)).toEqual(['v', 'id', 'createdAt', 'updatedAt', 'text', 'tags', 'source']);
    expect(Object.keys(file.reflections[0]!.source)).toEqual(['kind', 'siteId', 'siteLabel', 'pauseId']);
    expect(Object.keys(file.pauses[0]!)).toEqual(['v', 'id', 'siteId', 'siteLabel', 'host', 'shownAt', 'reason', 'waitSeconds', 'choice']);
  });

  it('leaves out records that could not be imported again, and keeps one record per id', () => {
    const r = reflection();
    const edited = { ...r, text: 'edited', updatedAt: r.updatedAt + 10 };
    const bad = { ...reflection(), id: 'nope' };
    const p = pause();
    const file = buildExport({ reflections: [edited, bad, r], pauses: [p, { ...p, choice: 'leave' }, { ...pause(), reason: 'bored' } as unknown as PauseRecord], settings }, NOW);
    expect(file.reflections).toEqual([edited]);
    expect(file.pauses).toEqual([p]);
  });
});

describe('exportJson', () => {
  it('is pretty, two-space indented and ends with a newline', () => {
    const json = exportJson(buildExport({ reflections: [reflection()], pauses: [], settings: DEFAULT_SETTINGS }, NOW));
    expect(json.startsWith('{\n  "format": "pause-moment-export",\n  "version": 2,\n')).toBe(true);
    expect(json.endsWith('}\n')).toBe(true);
    expect(json).toContain('\n    {\n      "v": 1,\n');
  });

  it('gives the same bytes whatever order the keys were built in', () => {
    fc.assert(
      fc.property(reflectionsArb, (rs) => {
        const file = buildExport({ reflections: rs, pauses: [pause()], settings }, NOW);
        const reversed = (o: object): object => Object.fromEntries(Object.entries(o).reverse());
        const shuffled = {
          ...(reversed(file) as typeof file),
          reflections: file.reflections.map((r) => ({ ...(reversed(r) as Reflection), source: reversed(r.source) as ReflectionSource })),
          pauses: file.pauses.map((p) => reversed(p) as PauseRecord),
          settings: { ...(reversed(file.settings) as Settings), sites: file.settings.sites.map((s) => reversed(s) as Settings['sites'][number]) },
        };
        expect(exportJson(shuffled)).toBe(exportJson(file));
      }),
    );
  });
});

describe('exportFileName', () => {
  it('names the file with the local date', () => {
    expect(exportFileName('json', NOW)).toBe('pause-moment-2026-11-25.json');
    expect(exportFileName('md', at(2026, 1, 2, 0, 5))).toBe('pause-moment-2026-01-02.md');
    expect(exportFileName('csv', at(2026, 12, 31, 23, 59))).toBe('pause-moment-2026-12-31.csv');
  });
});

describe('describeSource', () => {
  it('says where a reflection was written', () => {
    expect(describeSource({ kind: 'popup' })).toBe('Written in the popup');
    expect(describeSource(reddit)).toBe('At a pause on Reddit');
    expect(describeSource({ kind: 'meeting', platform: 'Zoom', moment: 'after' })).toBe('After a meeting on Zoom');
    expect(describeSource({ ...reddit, siteLabel: 'two\nlines' })).toBe('At a pause on two lines');
  });
});

/** Lines Markdown would read as the start of a block other than a paragraph (CommonMark, GFM and common extensions). */
const BLOCK_START =
  /^( {0,3}(#{1,6}(\s|$)|>|[-+*](\s|$)|\d{1,9}[.)](\s|$)|```|~~~|<[A-Za-z/!?]|(-[ \t]*){3,}$|(\*[ \t]*){3,}$|(_[ \t]*){3,}$|=+[ \t]*$|-+[ \t]*$|\||\[[^\]]*\]:|\$\$|:::)| {4}|\t)/;

describe('reflectionsMarkdown', () => {
  it('groups entries under a heading per local day, each with its time, source, mood, prompt, text and tags', () => {
    const md = reflectionsMarkdown([
      reflection({ createdAt: at(2026, 11, 25, 14, 3), text: 'Closed it.\nWent for a walk.', tags: ['mychoice', 'walk'], mood: 'calm', prompt: 'What did you come here for?', source: reddit }),
      reflection({ createdAt: at(2026, 11, 24, 9, 30), text: 'Morning.' }),
      reflection({ createdAt: at(2026, 11, 25, 18, 0), updatedAt: at(2026, 11, 26, 8, 15), text: 'Later', source: { kind: 'meeting', platform: 'Zoom', moment: 'before' } }),
    ]);
    expect(md).toBe(
      [
        '# Pause Moment reflections',
        '',
        '## 2026-11-24',
        '',
        '### 09:30',
        '',
        'Written in the popup',
        '',
        'Morning.',
        '',
        '## 2026-11-25',
        '',
        '### 14:03',
        '',
        'At a pause on Reddit · feeling calm',
        '',
        '> What did you come here for?',
        '',
        'Closed it.  ',
        'Went for a walk.',
        '',
        '#mychoice #walk',
        '',
        '### 18:00',
        '',
        'Before a meeting on Zoom · edited 2026-11-26 08:15',
        '',
        'Later',
        '',
      ].join('\n'),
    );
  });

  it('keeps markdown written in a reflection inside its entry', () => {
    const text = ['## Heading', '```', '<script>alert(1)</script>', '- not a list', '    not code', '1. not a list', '---', '<!-- swallow the rest', '\\## escaped already'].join('\n');
    const md = reflectionsMarkdown([reflection({ text, prompt: '# prompt', source: { ...reddit, siteLabel: '<b>Reddit</b>' } }), reflection({ createdAt: NOW + 60_000, text: 'next entry' })]);
    const lines = md.split('\n');
    expect(lines.filter((l) => /^#{1,6}\s/.test(l))).toEqual(['# Pause Moment reflections', '## 2026-11-25', '### 14:03', '### 14:04']);
    expect(lines).toContain('\\## Heading  ');
    expect(lines).toContain('\\```  ');
    expect(lines).toContain('\\<script>alert(1)\\</script>  ');
    expect(lines).toContain('\\- not a list  ');
    expect(lines).toContain('\u00a0\u00a0\u00a0\u00a0not code  ');
    expect(lines).toContain('1\\. not a list  ');
    expect(lines).toContain('\\---  ');
    expect(lines).toContain('\\<!-- swallow the rest  ');
    expect(lines).toContain('\\\\## escaped already');
    expect(lines).toContain('> \\# prompt');
    expect(lines).toContain('At a pause on \\<b>Reddit\\</b>');
    // The next entry still follows, under its own heading.
    expect(lines.indexOf('### 14:04')).toBeLessThan(lines.indexOf('next entry'));
  });

  it('never lets a reflection start a block of its own, whatever its text, prompt or source', () => {
    fc.assert(
      fc.property(reflectionsArb, (rs) => {
        const md = reflectionsMarkdown(rs);
        const days = new Set(rs.map((r) => new Date(r.createdAt).toDateString())).size;
        const headings = md.split('\n').filter((l) => /^ {0,3}#{1,6}(\s|$)/.test(l));
        expect(headings).toHaveLength(1 + days + rs.length);
        for (const line of md.split('\n')) {
          if (/^(#{1,3} |> )/.test(line)) continue; // our own headings and prompt quotes
          expect(line).not.toMatch(BLOCK_START);
        }
        for (const line of md.split('\n').filter((l) => l.startsWith('> '))) {
          expect(line.slice(2)).not.toMatch(BLOCK_START);
        }
      }),
    );
  });

  it('escapes only what would be read as structure', () => {
    expect(escapeMarkdownLine('Just *my* choice, 3 > 2 & a < b')).toBe('Just *my* choice, 3 > 2 & a < b');
    expect(escapeMarkdownLine('#tag at the start')).toBe('\\#tag at the start');
    expect(escapeMarkdownLine('a\\*b')).toBe('a\\\\*b');
  });
});

/** A small RFC 4180 reader: fields, quoted fields with doubled quotes, CRLF row ends. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  for (;;) {
    let field = '';
    if (text[i] === '"') {
      i++;
      for (;;) {
        if (i >= text.length) throw new Error('unterminated quoted field');
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
          } else {
            i++;
            break;
          }
        } else field += text[i++];
      }
    } else {
      while (i < text.length && text[i] !== ',' && text[i] !== '\r' && text[i] !== '\n') {
        if (text[i] === '"') throw new Error('quote inside an unquoted field');
        field += text[i++];
      }
    }
    row.push(field);
    if (text[i] === ',') {
      i++;
      continue;
    }
    if (text.startsWith('\r\n', i)) {
      rows.push(row);
      row = [];
      i += 2;
      if (i === text.length) return rows;
      continue;
    }
    throw new Error(`bare line break or junk at ${i}`);
  }
}

const neutralised = (s: string): string => (/^[=+\-@\t\r]/.test(s) ? `'${s}` : s);

describe('reflectionsCsv', () => {
  it('writes the header and one CRLF-ended row per reflection, oldest first', () => {
    const r1 = reflection({ createdAt: Date.UTC(2026, 10, 25, 13, 3), text: 'Plain', tags: ['a', 'b'], mood: 'calm', prompt: 'Why?', source: reddit });
    const r0 = reflection({ createdAt: Date.UTC(2026, 10, 24), text: 'First' });
    expect(reflectionsCsv([r1, r0])).toBe(
      'id,created,updated,text,tags,mood,prompt,source\r\n' +
        `${r0.id},2026-11-24T00:00:00.000Z,2026-11-24T00:00:00.000Z,First,,,,Written in the popup\r\n` +
        `${r1.id},2026-11-25T13:03:00.000Z,2026-11-25T13:03:00.000Z,Plain,a b,calm,Why?,At a pause on Reddit\r\n`,
    );
    expect(reflectionsCsv([])).toBe('id,created,updated,text,tags,mood,prompt,source\r\n');
  });

  it('quotes commas, quotes and line breaks, doubling quotes', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('cr\r')).toBe('"cr\r"');
    expect(csvField('plain')).toBe('plain');
  });

  it('neutralises spreadsheet formulas with a leading apostrophe', () => {
    expect(csvField('=HYPERLINK("http://evil","x")')).toBe(`"'=HYPERLINK(""http://evil"",""x"")"`);
    expect(csvField('+1')).toBe("'+1");
    expect(csvField('-2')).toBe("'-2");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('\tcmd')).toBe("'\tcmd");
    expect(csvField('\rcmd')).toBe(`"'\rcmd"`);
    expect(csvField('a=1')).toBe('a=1');
  });

  it('round trips any reflection through an RFC 4180 reader', () => {
    fc.assert(
      fc.property(reflectionsArb, (rs) => {
        const rows = parseCsv(reflectionsCsv(rs));
        expect(rows[0]).toEqual(['id', 'created', 'updated', 'text', 'tags', 'mood', 'prompt', 'source']);
        const sorted = [...rs].sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1));
        expect(rows.slice(1)).toEqual(
          sorted.map((r) =>
            [
              r.id,
              new Date(r.createdAt).toISOString(),
              new Date(r.updatedAt).toISOString(),
              r.text,
              r.tags.join(' '),
              r.mood ?? '',
              r.prompt ?? '',
              describeSource(r.source),
            ].map(neutralised),
          ),
        );
        for (const row of rows) for (const field of row) expect(field).not.toMatch(/^[=+\-@\t\r]/);
      }),
    );
  });
});
