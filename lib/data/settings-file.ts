import { i18n } from '#i18n';
import { clipWithEllipsis } from '../browser/text';
import { normaliseSettings, type Settings } from '../settings/settings';
import { EXPORT_FORMAT, EXPORT_VERSIONS_READ, localDate } from './export';
import { isPlainObject, refuse, settingsProblems, versionsText } from './parse-import';

/**
 * The settings alone, as a JSON file: to keep a copy of one's choices or
 * bring them to another browser by hand. Never holds the journal. Pure; the
 * options page downloads it, and `apply-settings-file.ts` imports it.
 */

/** Marks a settings file, so an import can refuse anything else before reading further. */
export const SETTINGS_FILE_FORMAT = 'pause-moment-settings';
/** Bumped when the file's shape changes; an import refuses versions newer than it knows. */
export const SETTINGS_FILE_VERSION = 1;
/** Largest settings file read (in UTF-16 code units): far more than 1,000 sites take. */
export const SETTINGS_FILE_MAX_BYTES = 16 * 1024 * 1024;

export interface SettingsFile {
  format: typeof SETTINGS_FILE_FORMAT;
  version: typeof SETTINGS_FILE_VERSION;
  /** ISO 8601, UTC. */
  exportedAt: string;
  settings: Settings;
}

/** The file for these settings, normalised (fields a newer version wrote stay in). */
export function buildSettingsFile(settings: Settings, now: number): SettingsFile {
  return { format: SETTINGS_FILE_FORMAT, version: SETTINGS_FILE_VERSION, exportedAt: new Date(now).toISOString(), settings: normaliseSettings(settings) };
}

/** The file as JSON text: two-space indents and a trailing newline. */
export function settingsFileJson(file: SettingsFile): string {
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** A download name with the local date, e.g. "pause-moment-settings-2026-11-25.json". */
export function settingsFileName(now: number): string {
  return `pause-moment-settings-${localDate(now)}.json`;
}

export type SettingsFileResult = { ok: true; settings: Settings } | { ok: false; problems: string[] };

/**
 * Reads a settings file without writing anything, whole: either settings
 * that can be imported as they are, or the problems found, each saying where.
 * A full export (`export.ts`) is read for its settings too. Never throws.
 */
export function parseSettingsFile(text: string): SettingsFileResult {
  try {
    return parseChecked(text);
  } catch (error) {
    return refuse(i18n.t('options.data.cannotRead', { reason: error instanceof Error ? error.message : String(error) }));
  }
}

function parseChecked(text: string): SettingsFileResult {
  if (typeof text !== 'string') return refuse(i18n.t('options.data.notText'));
  if (text.length > SETTINGS_FILE_MAX_BYTES) return refuse(i18n.t('options.data.settingsTooLarge', { mb: SETTINGS_FILE_MAX_BYTES / (1024 * 1024) }));
  let root: unknown;
  try {
    root = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    return refuse(i18n.t('options.data.notJson', { reason: clipWithEllipsis(error instanceof Error ? error.message : String(error), 120) }));
  }
  if (!isPlainObject(root) || (root.format !== SETTINGS_FILE_FORMAT && root.format !== EXPORT_FORMAT)) {
    return refuse(i18n.t('options.data.notSettingsFile'));
  }
  const known = root.format === SETTINGS_FILE_FORMAT ? [SETTINGS_FILE_VERSION] : EXPORT_VERSIONS_READ;
  if (typeof root.version === 'number' && root.version > Math.max(...known)) {
    return refuse(i18n.t('options.data.newer'));
  }
  if (!known.includes(root.version as number)) return refuse(i18n.t('options.data.noVersion', { versions: versionsText(known) }));
  const problems = settingsProblems(root.settings);
  if (problems.length) return { ok: false, problems };
  const settings = normaliseSettings(root.settings);
  // Fields a newer version wrote are kept; they must still be storable (JSON, not nested past reading).
  try {
    JSON.stringify(settings);
  } catch {
    return refuse(i18n.t('options.importProblems.tooDeep'));
  }
  return { ok: true, settings };
}

/**
 * The settings after importing `incoming`: what the file names replaces what
 * is here (each of its sites by id, in place; its preferences), and sites
 * here that the file does not have are kept, so an import never loses one.
 * New sites go at the end, in the file's order.
 */
export function restoreSettings(current: Settings, incoming: Settings): Settings {
  const fromFile = new Map(incoming.sites.map((s) => [s.id, s]));
  const here = new Set(current.sites.map((s) => s.id));
  const sites = [...current.sites.map((s) => fromFile.get(s.id) ?? s), ...incoming.sites.filter((s) => !here.has(s.id))];
  return normaliseSettings({ ...current, ...incoming, sites });
}
