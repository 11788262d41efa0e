import { i18n } from '#i18n';
import { uiLanguage } from '../browser/language';
import { MARK_FIELDS, PLURAL_FIELDS, type RecordProblem, type SeenValue } from '../browser/record-problem';
import { clipWithEllipsis } from '../browser/text';
import { canonicalReflection, reflectionProblem, type Reflection } from '../journal/reflection';
import { canonicalPauseLogEntry, pauseLogEntryProblem } from '../pause/record';
import type { PauseLogEntry } from '../pause/log';
import { normaliseSettings } from '../settings/settings';
import { EXPORT_FORMAT, EXPORT_VERSION, EXPORT_VERSIONS_READ, type ExportFile } from './export';

/**
 * Reading an export file before anything is written: the whole file is
 * checked, and the answer is either a file that can be imported as is or the
 * first problems found. Merging it with what is here is `merge-import.ts`;
 * writing it, `apply-import.ts`.
 */

/**
 * Largest file read, counted in UTF-16 code units (`text.length`), which for
 * an export (mostly ASCII) is about its size in bytes. The options page can
 * also check `File.size` before reading the file at all. Our own export of
 * 100,000 everyday reflections is about 50 MB, so the limit leaves room for
 * several times that: a journal must always be able to come back.
 */
export const IMPORT_MAX_BYTES = 256 * 1024 * 1024;
/** Most records (reflections, pauses and sites together) in one import. */
export const IMPORT_MAX_RECORDS = 500_000;
/** Most trigger sites in imported settings: each one may become a content script match. */
export const IMPORT_MAX_SITES = 1000;
/** Problems named in a refusal; more are counted in one last line. */
export const PROBLEMS_SHOWN = 5;

const SITE_TEXT_MAX = 4000;
const SITE_PATTERNS_MAX = 100;
const SITE_PATTERN_MAX = 2000;
/** Ids that would change an object's prototype if ever used as a plain object's key (open times are keyed by site id). */
const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export type ParseResult = { ok: true; file: ExportFile } | { ok: false; problems: string[] };

/** Longest problem shown: a problem about a 10 MB field must not be 10 MB. */
const PROBLEM_MAX = 200;

/** Whether `value` is an object that is neither null nor an array. */
export const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  !!value && typeof value === 'object' && !Array.isArray(value);

/** Collects problems, keeping the first few and counting the rest. */
class Problems {
  private readonly shown: string[] = [];
  private count = 0;
  add(problem: string): void {
    this.count++;
    if (this.shown.length < PROBLEMS_SHOWN) this.shown.push(clipWithEllipsis(problem, PROBLEM_MAX));
  }
  get any(): boolean {
    return this.count > 0;
  }
  list(): string[] {
    const more = this.count - this.shown.length;
    return more > 0 ? [...this.shown, i18n.t('options.data.moreProblems', more, { count: more })] : [...this.shown];
  }
}

/** A count as the user's language writes it: 100,000 in English, 100.000 in German. */
export const countText = (n: number): string => new Intl.NumberFormat(uiLanguage()).format(n);

/** The file versions this extension reads, in words: "1 or 2". */
export const versionsText = (versions: readonly number[]): string =>
  new Intl.ListFormat(uiLanguage(), { type: 'disjunction' }).format(versions.map(String));

/** A refusal naming these problems, each kept short. */
export const refuse = (...problems: string[]): { ok: false; problems: string[] } => ({
  ok: false,
  problems: problems.map((p) => clipWithEllipsis(p, PROBLEM_MAX)),
});

/** A validator's verdict, without letting it throw (on a deeply nested value, say). */
function safely(check: (value: unknown) => RecordProblem | undefined, value: unknown): RecordProblem | undefined {
  try {
    return check(value);
  } catch {
    return { code: 'unreadable' };
  }
}

const seenText = (seen: SeenValue): string =>
  typeof seen === 'string'
    ? seen
    : seen.kind === 'list'
      ? i18n.t('options.importProblems.aList')
      : seen.kind === 'object'
        ? i18n.t('options.importProblems.anObject')
        : i18n.t('options.importProblems.aValue');

/** A record's problem as a sentence in the user's language, `where` naming the record: "reflections[3] has no valid id". */
export function problemSentence(where: string, p: RecordProblem): string {
  switch (p.code) {
    case 'notObject':
      return i18n.t('options.importProblems.notObject', { where });
    case 'unreadable':
      return i18n.t('options.importProblems.unreadable', { where });
    case 'version': {
      const expected = versionsText(p.expected);
      return p.found === undefined
        ? i18n.t('options.importProblems.versionUnknown', { where, expected })
        : i18n.t('options.importProblems.versionFound', { where, expected, found: seenText(p.found) });
    }
    case 'notSnooze':
      return i18n.t('options.importProblems.notSnooze', { where });
    case 'missing':
      return i18n.t('options.importProblems.missing', { where, field: p.field });
    case 'noValid':
      return p.time
        ? i18n.t('options.importProblems.noValidTime', { where, field: p.field })
        : i18n.t('options.importProblems.noValid', { where, field: p.field });
    case 'invalid':
      if (p.time) return i18n.t('options.importProblems.invalidTime', { where, field: p.field });
      if (PLURAL_FIELDS.includes(p.field)) return i18n.t('options.importProblems.invalidMany', { where, field: p.field });
      if (MARK_FIELDS.includes(p.field)) return i18n.t('options.importProblems.invalidMark', { where, field: p.field });
      return i18n.t('options.importProblems.invalid', { where, field: p.field });
    case 'unknown':
      return p.found === undefined
        ? i18n.t('options.importProblems.unknown', { where, field: p.field })
        : i18n.t('options.importProblems.unknownFound', { where, field: p.field, found: seenText(p.found) });
    case 'tooLong':
      return i18n.t('options.importProblems.tooLong', { where, field: p.field, max: String(p.max) });
  }
}

/**
 * Reads an export file without writing anything: the whole file is checked
 * before any of it is accepted, so the answer is either a file that can be
 * imported as is, or the first problems found, each saying where (e.g.
 * "reflections[12] has no valid id"). Pure; never throws.
 *
 * The returned file holds fresh objects with only the known fields in a
 * fixed key order: unknown keys, `__proto__` and `constructor` included, are
 * never copied anywhere, except the settings' fields a newer version wrote,
 * which `normaliseSettings` keeps (never `__proto__` or `constructor`).
 */
export function parseImport(text: string): ParseResult {
  try {
    return parseChecked(text);
  } catch (error) {
    // Nothing above should throw; this is the promise that parsing never does.
    return refuse(i18n.t('options.data.cannotRead', { reason: error instanceof Error ? error.message : String(error) }));
  }
}

function parseChecked(text: string): ParseResult {
  if (typeof text !== 'string') return refuse(i18n.t('options.data.notText'));
  if (text.length > IMPORT_MAX_BYTES) {
    return refuse(i18n.t('options.data.tooLarge', { mb: IMPORT_MAX_BYTES / (1024 * 1024) }));
  }
  let root: unknown;
  try {
    // A byte order mark, as some editors add, is not part of the JSON.
    root = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    return refuse(i18n.t('options.data.notJson', { reason: error instanceof Error ? error.message : String(error) }));
  }
  if (!isPlainObject(root) || root.format !== EXPORT_FORMAT) return refuse(i18n.t('options.data.notExport'));
  if (typeof root.version === 'number' && root.version > EXPORT_VERSION) {
    return refuse(i18n.t('options.data.newer'));
  }
  if (!EXPORT_VERSIONS_READ.includes(root.version as number)) {
    return refuse(i18n.t('options.data.noVersion', { versions: versionsText(EXPORT_VERSIONS_READ) }));
  }

  const problems = new Problems();
  const { exportedAt, reflections, pauses, settings } = root;
  if (typeof exportedAt !== 'string' || exportedAt.length > 40 || !Number.isFinite(Date.parse(exportedAt))) {
    problems.add(i18n.t('options.importProblems.notDate', { field: 'exportedAt' }));
  }
  if (!Array.isArray(reflections)) problems.add(i18n.t('options.importProblems.notList', { field: 'reflections' }));
  if (!Array.isArray(pauses)) problems.add(i18n.t('options.importProblems.notList', { field: 'pauses' }));
  const sites = isPlainObject(settings) && Array.isArray(settings.sites) ? (settings.sites as unknown[]) : undefined;
  if (!sites) problems.add(i18n.t('options.importProblems.noSites'));
  if (problems.any) return { ok: false, problems: problems.list() };
  const rs = reflections as unknown[];
  const ps = pauses as unknown[];
  const ss = sites!;

  // Counted before anything is looked at, so a file of millions of tiny entries costs nothing more.
  const total = rs.length + ps.length + ss.length;
  if (total > IMPORT_MAX_RECORDS) {
    return refuse(i18n.t('options.data.tooManyRecords', { total: countText(total), max: countText(IMPORT_MAX_RECORDS) }));
  }
  if (ss.length > IMPORT_MAX_SITES) return refuse(tooManySites(ss.length));

  checkList('reflections', rs, (v) => safely(reflectionProblem, v), problems);
  checkList('pauses', ps, (v) => safely(pauseLogEntryProblem, v), problems);
  checkSites(ss, problems);
  if (problems.any) return { ok: false, problems: problems.list() };

  const normalised = normaliseSettings(settings);
  if (normalised.sites.length !== ss.length) {
    // checkSites reports everything normaliseSettings drops; this only guards against the two drifting apart.
    return refuse(i18n.t('options.importProblems.sitesUnreadable'));
  }
  return {
    ok: true,
    file: {
      format: EXPORT_FORMAT,
      version: EXPORT_VERSION,
      exportedAt: exportedAt as string,
      reflections: (rs as Reflection[]).map(canonicalReflection),
      pauses: (ps as PauseLogEntry[]).map(canonicalPauseLogEntry),
      settings: normalised,
    },
  };
}

const tooManySites = (n: number): string =>
  i18n.t('options.importProblems.tooManySites', { sites: countText(n), max: countText(IMPORT_MAX_SITES) });

/** Checks every entry of a list of records and that no id appears twice. */
function checkList(name: string, list: readonly unknown[], problemOf: (value: unknown) => RecordProblem | undefined, problems: Problems): void {
  const firstIndex = new Map<string, number>();
  list.forEach((value, i) => {
    const problem = problemOf(value);
    if (problem !== undefined) return problems.add(problemSentence(`${name}[${i}]`, problem));
    const id = (value as { id: string }).id;
    const first = firstIndex.get(id);
    if (first !== undefined) return problems.add(i18n.t('options.importProblems.sameId', { where: `${name}[${i}]`, first: `${name}[${first}]` }));
    firstIndex.set(id, i);
  });
}

/**
 * Reports, as problems, every site entry `normaliseSettings` would drop (and
 * anything it would keep only in part), instead of letting them vanish.
 * Out-of-range numbers are not problems: they are clamped, as for any stored
 * settings.
 */
function checkSites(sites: readonly unknown[], problems: Problems): void {
  const firstIndex = new Map<string, number>();
  sites.forEach((entry, i) => {
    const where = `settings.sites[${i}]`;
    if (!isPlainObject(entry)) return problems.add(problemSentence(where, { code: 'notObject' }));
    const { id, label, patterns } = entry;
    if (typeof id !== 'string' || id === '' || id.length > SITE_TEXT_MAX) return problems.add(problemSentence(where, { code: 'noValid', field: 'id' }));
    if (UNSAFE_KEYS.has(id)) return problems.add(i18n.t('options.importProblems.unsafeId', { where, id: JSON.stringify(id) }));
    const first = firstIndex.get(id);
    if (first !== undefined) return problems.add(i18n.t('options.importProblems.sameId', { where, first: `settings.sites[${first}]` }));
    firstIndex.set(id, i);
    if (!Array.isArray(patterns) || patterns.length === 0) return problems.add(i18n.t('options.importProblems.noPatterns', { where }));
    if (patterns.length > SITE_PATTERNS_MAX) return problems.add(i18n.t('options.importProblems.tooManyPatterns', { where, max: String(SITE_PATTERNS_MAX) }));
    if (!patterns.every((p) => typeof p === 'string')) return problems.add(i18n.t('options.importProblems.patternNotText', { where }));
    if (patterns.some((p: string) => p.length > SITE_PATTERN_MAX)) return problems.add(i18n.t('options.importProblems.patternTooLong', { where }));
    if (label !== undefined && (typeof label !== 'string' || label.length > SITE_TEXT_MAX)) return problems.add(problemSentence(where, { code: 'invalid', field: 'label' }));
  });
}

/**
 * What is wrong with settings read from a file (as in an export's
 * `settings`), as problems naming where: not an object, no list of sites,
 * too many, or a site `normaliseSettings` would drop. Empty when they can be
 * imported as they are. For a settings file (`settings-file.ts`).
 */
export function settingsProblems(settings: unknown): string[] {
  const sites = isPlainObject(settings) && Array.isArray(settings.sites) ? (settings.sites as unknown[]) : undefined;
  if (!sites) return [i18n.t('options.importProblems.noSites')];
  if (sites.length > IMPORT_MAX_SITES) return [tooManySites(sites.length)];
  const problems = new Problems();
  checkSites(sites, problems);
  return problems.list();
}
