import { canonicalPauseLogEntry, entryTime, pauseLogEntryProblem } from '../pause/record';
import type { PauseLogEntry } from '../pause/log';
import { canonicalReflection, reflectionProblem, type Reflection, type ReflectionSource } from '../journal/reflection';
import { oneLine } from '../browser/text';
import { normaliseSettings, type Settings } from '../settings/settings';
import { csvField } from './csv-field';

/** Marks a file as ours, so an import can refuse anything else before reading further. */
export const EXPORT_FORMAT = 'pause-moment-export';
/**
 * Bumped when the file's shape changes; an import refuses versions newer than
 * it knows. Version 2 added the snoozes and the pages they let in to `pauses`;
 * a version 1 file is still read (its pauses are all of version 1).
 */
export const EXPORT_VERSION = 2;
/** The versions an import reads. */
export const EXPORT_VERSIONS_READ: readonly number[] = [1, 2];

/** Everything the extension keeps, as one JSON file: complete and re-importable. */
export interface ExportFile {
  format: typeof EXPORT_FORMAT;
  version: typeof EXPORT_VERSION;
  /** ISO 8601, UTC. */
  exportedAt: string;
  /** Oldest first. */
  reflections: Reflection[];
  /** The whole pause history, oldest first: pauses, pages a snooze let in, and the snoozes. */
  pauses: PauseLogEntry[];
  settings: Settings;
}

const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const reflectionOrder = (a: Reflection, b: Reflection): number => a.createdAt - b.createdAt || byText(a.id, b.id);
const pauseOrder = (a: PauseLogEntry, b: PauseLogEntry): number => entryTime(a) - entryTime(b) || byText(a.id, b.id);

/** Whether a validator accepts the value; one that throws (on a value nested too deeply to quote) does not. */
function passes(check: (value: unknown) => object | undefined, value: unknown): boolean {
  try {
    return check(value) === undefined;
  } catch {
    return false;
  }
}

/**
 * The export file for this data, in canonical form: records oldest first
 * (creation time, then id), fixed key order, settings normalised.
 *
 * Records that fail validation are left out, since a file holding one would
 * be refused whole on import; the stores never hand out such records for
 * reflections, and the pause log is written only by the background, so this
 * is a guard, not an expected path. An id seen twice keeps one record (the
 * later edit of a reflection, the first pause), for the same reason.
 */
export function buildExport(data: { reflections: readonly Reflection[]; pauses: readonly PauseLogEntry[]; settings: Settings }, now: number): ExportFile {
  const reflections = new Map<string, Reflection>();
  for (const r of data.reflections) {
    if (!passes(reflectionProblem, r)) continue;
    const seen = reflections.get(r.id);
    if (!seen || r.updatedAt > seen.updatedAt) reflections.set(r.id, r);
  }
  const pauses = new Map<string, PauseLogEntry>();
  for (const p of data.pauses) {
    if (!passes(pauseLogEntryProblem, p) || pauses.has(p.id)) continue;
    pauses.set(p.id, p);
  }
  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: new Date(now).toISOString(),
    reflections: [...reflections.values()].sort(reflectionOrder).map(canonicalReflection),
    pauses: [...pauses.values()].sort(pauseOrder).map(canonicalPauseLogEntry),
    settings: normaliseSettings(data.settings),
  };
}

/**
 * The file as JSON text: two-space indents, keys in one fixed order whatever
 * order the objects were built in, and a trailing newline. The same file
 * always gives the same bytes.
 */
export function exportJson(file: ExportFile): string {
  const canonical: ExportFile = {
    format: file.format,
    version: file.version,
    exportedAt: file.exportedAt,
    reflections: file.reflections.map(canonicalReflection),
    pauses: file.pauses.map(canonicalPauseLogEntry),
    settings: normaliseSettings(file.settings),
  };
  return `${JSON.stringify(canonical, null, 2)}\n`;
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** The local calendar date, e.g. "2026-11-25". */
export function localDate(time: number): string {
  const d = new Date(time);
  return `${pad(d.getFullYear(), 4)}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** The local time of day, e.g. "14:03". */
function localTime(time: number): string {
  const d = new Date(time);
  return `${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** Where a reflection was written, in words: "At a pause on Reddit", "Before a meeting on Zoom". */
export function describeSource(source: ReflectionSource): string {
  switch (source.kind) {
    case 'popup':
      return 'Written in the popup';
    case 'site-pause':
      return `At a pause on ${oneLine(source.siteLabel)}`;
    case 'check-in':
      return `At a check-in on ${oneLine(source.siteLabel)}`;
    case 'meeting': {
      const when = { before: 'Before', during: 'During', after: 'After' }[source.moment];
      return `${when} a meeting on ${oneLine(source.platform)}`;
    }
  }
}

/**
 * One line of user text made safe to place in Markdown: it stays ordinary
 * paragraph text, so it can never start a heading, list, quote, code fence,
 * table, thematic break, setext underline, link definition, math or container
 * block, or raw HTML, in the file or in the entries after it. It stays
 * readable: only what would be read as structure gets a backslash, and
 * inline emphasis is left as the writer typed it.
 *
 * - A backslash before punctuation is doubled, so the text's own backslashes
 *   show as typed.
 * - `<` before a letter, `/`, `!` or `?` (a tag, comment or autolink) becomes
 *   `\<`, so no HTML (a `<script>`, an unclosed `<!--`) is ever rendered.
 * - Leading spaces and tabs become no-break spaces, so indentation can't make
 *   a code block or a nested list, yet still shows.
 * - A leading block marker (`# > - + * = _ ` ~ | [ $ :` or `1.` / `1)`) gets a
 *   backslash.
 */
export function escapeMarkdownLine(line: string): string {
  let out = line.replace(/\\(?=[!-/:-@[-`{-~])/g, '\\\\');
  out = out.replace(/<(?=[A-Za-z/!?])/g, '\\<');
  out = out.replace(/^[ \t]+/, (ws) => '\u00a0'.repeat(ws.replace(/\t/g, '    ').length));
  out = out.replace(/^(\u00a0*)([#>\-+*=_`~|[$:])/, '$1\\$2');
  out = out.replace(/^(\u00a0*)(\d{1,9})([.)])/, '$1$2\\$3');
  return out;
}

/**
 * Reflections as Markdown for journaling apps: a heading per local day, an
 * entry per reflection (oldest first) headed by its time, with where it was
 * written, its mood, the prompt as a quote, the text (line breaks kept as
 * hard breaks) and its tags as #tags. All user text goes through
 * `escapeMarkdownLine`, so no reflection can add a heading or swallow the
 * entries after it.
 */
export function reflectionsMarkdown(rs: readonly Reflection[]): string {
  const lines: string[] = ['# Pause Moment reflections', ''];
  let day = '';
  for (const r of [...rs].sort(reflectionOrder)) {
    const date = localDate(r.createdAt);
    if (date !== day) {
      day = date;
      lines.push(`## ${date}`, '');
    }
    lines.push(`### ${localTime(r.createdAt)}`, '');
    const about = [escapeMarkdownLine(describeSource(r.source))];
    if (r.mood) about.push(`feeling ${r.mood}`);
    // An edit within the first minute is part of writing it, not worth a note.
    if (r.updatedAt - r.createdAt >= 60_000) {
      about.push(`edited ${localDate(r.updatedAt)} ${localTime(r.updatedAt)}`);
    }
    lines.push(about.join(' · '), '');
    if (r.prompt) lines.push(`> ${escapeMarkdownLine(oneLine(r.prompt))}`, '');
    const text = r.text.replace(/\r\n?/g, '\n').replace(/\s+$/, '');
    if (text) {
      // Two trailing spaces: a hard line break in every Markdown flavour, so the text keeps its lines.
      lines.push(text.split('\n').map(escapeMarkdownLine).join('  \n'), '');
    }
    if (r.tags.length) lines.push(r.tags.map((t) => `#${t}`).join(' '), '');
  }
  return `${lines.join('\n').replace(/\n+$/, '')}\n`;
}

/** The CSV columns, in order. */
export const CSV_HEADER = ['id', 'created', 'updated', 'text', 'tags', 'mood', 'prompt', 'source'] as const;

/**
 * Reflections as RFC 4180 CSV (oldest first): a header row, CRLF after every
 * row, times in ISO 8601 UTC, tags space-separated, the source in words.
 */
export function reflectionsCsv(rs: readonly Reflection[]): string {
  const rows = [CSV_HEADER.join(',')];
  for (const r of [...rs].sort(reflectionOrder)) {
    const fields = [
      r.id,
      new Date(r.createdAt).toISOString(),
      new Date(r.updatedAt).toISOString(),
      r.text,
      r.tags.join(' '),
      r.mood ?? '',
      r.prompt ?? '',
      describeSource(r.source),
    ];
    rows.push(fields.map(csvField).join(','));
  }
  return `${rows.join('\r\n')}\r\n`;
}

/** A download name with the local date, e.g. "pause-moment-2026-11-25.json". */
export function exportFileName(kind: 'json' | 'md' | 'csv', now: number): string {
  return `pause-moment-${localDate(now)}.${kind}`;
}
