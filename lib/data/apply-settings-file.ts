import { i18n } from '#i18n';
import { clipWithEllipsis } from '../browser/text';
import type { TriggerSite } from '../settings/settings';
import { hasAccess } from '../sites/access';
import { countText, refuse } from './parse-import';
import { parseSettingsFile, restoreSettings } from './settings-file';
import { dataWrites, resolveStores, type DataDeps } from './stores';

/** What importing a settings file did. */
export type SettingsImportResult =
  | {
      ok: true;
      /** Sites the file holds. */
      sites: number;
      /** Of them, sites that were not here before. */
      added: number;
      /**
       * The file's sites this browser has not given access to. Access can only
       * be asked for from a click, so the options page names them and offers
       * "Grant access again" beside each.
       */
      needAccess: TriggerSite[];
    }
  | { ok: false; problems: string[] };

/**
 * Imports a settings file (`settings-file.ts`), all or nothing: the file is
 * checked whole first, and only a valid one is written, in one save of the
 * settings (`restoreSettings` says what it changes). Never throws: every
 * failure is a problem to show, with nothing changed.
 */
export function importSettingsFile(text: string, deps: DataDeps & { hasAccess?: (site: TriggerSite) => Promise<boolean> } = {}): Promise<SettingsImportResult> {
  const parsed = parseSettingsFile(text);
  if (!parsed.ok) return Promise.resolve(parsed);
  const { settings } = resolveStores(deps);
  const accessOf = deps.hasAccess ?? hasAccess;
  return dataWrites(async (): Promise<SettingsImportResult> => {
    let added = 0;
    try {
      await settings.update((current) => {
        const here = new Set(current.sites.map((s) => s.id));
        added = parsed.settings.sites.filter((s) => !here.has(s.id)).length;
        return restoreSettings(current, parsed.settings);
      });
    } catch (error) {
      return refuse(i18n.t('options.data.settingsNotSaved', { reason: clipWithEllipsis(error instanceof Error ? error.message : String(error), 160) }));
    }
    const access = await Promise.all(parsed.settings.sites.map((s) => accessOf(s).catch(() => false)));
    return { ok: true, sites: parsed.settings.sites.length, added, needAccess: parsed.settings.sites.filter((_, i) => !access[i]) };
  });
}

/** Sites named in one message; more are counted. */
const NAMED_MAX = 8;

/** What the options page says after importing `name`, naming the sites that still need access. */
export function describeSettingsImport(name: string, result: Extract<SettingsImportResult, { ok: true }>): string {
  const said = i18n.t('options.data.settingsImported', result.sites, { name, sites: countText(result.sites), added: countText(result.added) });
  if (result.needAccess.length === 0) return said;
  const labels = result.needAccess.map((s) => s.label);
  const named =
    labels.length > NAMED_MAX
      ? i18n.t('options.data.andMore', { sites: labels.slice(0, NAMED_MAX).join(', '), more: countText(labels.length - NAMED_MAX) })
      : labels.join(', ');
  return `${said} ${i18n.t('options.data.needAccess', { sites: named, button: i18n.t('options.sites.grantAgain') })}`;
}
