import { describe, expect, it } from 'vitest';
import { problemText } from '@/lib/browser/record-problem';
import { buildExport, EXPORT_VERSION, exportJson } from '@/lib/data/export';
import { parseImport } from '@/lib/data/parse-import';
import { parseSettingsFile } from '@/lib/data/settings-file';
import type { PauseLogEntry, SnoozeRecord } from '@/lib/pause/log';
import { pauseLogEntryProblem, snoozeRecordProblem } from '@/lib/pause/record';
import { NOW, S, idAt, pause, rawOf } from './data-fixtures';

const snooze = (over: Partial<SnoozeRecord> = {}): SnoozeRecord => ({ v: 2, kind: 'snooze', id: idAt(NOW - 60_000), startedAt: NOW - 60_000, until: NOW + 14 * 60_000, length: '15m', ...over });
const skipped = (snoozeId: string) => pause({ v: 2, choice: 'skipped', snoozeId, shownAt: NOW });

describe('the pause history in an export', () => {
  it('keeps the snoozes and the pages they let in, beside the pauses, oldest first, and reads them back', () => {
    const s = snooze({ siteId: 'reddit', siteLabel: 'Reddit', endedEarlyAt: NOW + 60_000 });
    const history: PauseLogEntry[] = [skipped(s.id), s, pause({ shownAt: NOW - 120_000 })];
    const file = buildExport({ reflections: [], pauses: history, settings: S() }, NOW);
    expect(file.version).toBe(2);
    expect(file.pauses.map((e) => ('kind' in e ? 'snooze' : e.choice))).toEqual(['none', 'snooze', 'skipped']);
    const back = parseImport(exportJson(file));
    expect(back.ok && back.file.pauses).toEqual(file.pauses);
  });

  it('still reads a file written before snoozes (version 1)', () => {
    const old = { ...rawOf({ pauses: [pause()] }), version: 1 };
    const read = parseImport(JSON.stringify(old));
    expect(read.ok).toBe(true);
    expect(parseSettingsFile(JSON.stringify(old)).ok).toBe(true);
  });

  it('refuses a file from a newer version, by name', () => {
    const newer = { ...rawOf({}), version: EXPORT_VERSION + 1 };
    expect(parseImport(JSON.stringify(newer))).toEqual({ ok: false, problems: ['This file comes from a newer version of Pause Moment; update the extension first.'] });
  });

  it.each<[string, unknown, RegExp]>([
    ['a skipped page without its snooze', { ...pause({ v: 2, choice: 'skipped' }) }, /snoozeId/],
    ['a pause that showed, claiming a snooze', { ...pause(), snoozeId: 'x' }, /snoozeId/],
    ['a version 2 pause with a choice', { ...pause({ v: 2, snoozeId: 'x' }), choice: 'leave' }, /choice/],
    ['a snooze of an unknown length', snooze({ length: 'forever' as SnoozeRecord['length'] }), /length/],
    ['a snooze ending before it began', snooze({ until: NOW - 120_000 }), /until/],
    ['a snooze with a site and no name', { ...snooze(), siteId: 'reddit' }, /siteLabel/],
  ])('refuses %s', (_, entry, problem) => {
    expect(problemText(pauseLogEntryProblem(entry)!)).toMatch(problem);
  });

  it('accepts every snooze the popup makes', () => {
    for (const length of ['15m', '1h', 'morning'] as const) expect(snoozeRecordProblem(snooze({ length }))).toBeUndefined();
  });
});
