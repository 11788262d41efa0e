import { i18n } from '#i18n';
import { browser } from 'wxt/browser';
import { DEFAULT_SETTINGS, type Settings, type TriggerSite } from '../settings/settings';
import { getSettings, updateSettings } from '../settings/store';
import { settingsItem } from '../settings/storage-registry';
import { giveBackAccess, originsNoLongerNeeded, requestAccess } from './access';
import { addSites } from './add-sites';
import { originsOf, withoutSite, withSiteChanged } from './trigger-sites';

/** The sections of the options page that report what an action did. */
export type StatusSection = 'feeds' | 'add' | 'sites' | 'meetings';

const NO_STATUS: Record<StatusSection, string> = { feeds: '', add: '', sites: '', meetings: '' };

/** Where a site's own row is listed. */
export const sectionOf = (site: Pick<TriggerSite, 'kind'>): StatusSection => (site.kind === 'meeting' ? 'meetings' : 'sites');

/**
 * The sites the user chose, as the options page's sections share them: the
 * settings, which sites the browser still gives access to, and one line per
 * section saying what the last action did. Every section adds, changes and
 * removes sites through it, so each does so the same way.
 *
 * Each section's line always exists (a polite live region is announced only
 * when its text changes) and is emptied when the next action starts, so an
 * old message never stands beside a new one.
 */
export class ChosenSites {
  settings = $state<Settings>(structuredClone(DEFAULT_SETTINGS));
  /** Whether the browser gives access to each site, by site id. */
  granted = $state<Record<string, boolean>>({});
  /** Set once the settings have been read. */
  loaded = $state(false);
  status = $state<Record<StatusSection, string>>({ ...NO_STATUS });

  /** Reads the settings and the browser's access again. */
  async refresh(): Promise<void> {
    const settings = await getSettings();
    const entries = await Promise.all(
      settings.sites.map(async (s) => [s.id, await browser.permissions.contains({ origins: originsOf(s) }).catch(() => false)] as const),
    );
    this.settings = settings;
    this.granted = Object.fromEntries(entries);
    this.loaded = true;
  }

  /** Keeps up with changes from any page and with access given or taken in the browser, until the returned function is called. */
  follow(): () => void {
    const again = (): void => void this.refresh();
    const unwatch = settingsItem.watch(again);
    browser.permissions.onAdded.addListener(again);
    browser.permissions.onRemoved.addListener(again);
    void this.refresh();
    return () => {
      unwatch();
      browser.permissions.onAdded.removeListener(again);
      browser.permissions.onRemoved.removeListener(again);
    };
  }

  /** A new action starts: what the last one said is over. */
  clearStatus(): void {
    this.status = { ...NO_STATUS };
  }

  say(section: StatusSection, text: string): void {
    this.status = { ...NO_STATUS, [section]: text };
  }

  /**
   * Adds a site once the browser gives access to it, through the one
   * add-a-site flow (`add-sites.ts`). Call it synchronously from the click or
   * Enter that asked: the browser shows its prompt only inside that gesture.
   * `done` runs once the site is saved.
   */
  add(site: TriggerSite, section: StatusSection, words: { added: string; refused: string }, done?: () => void): Promise<void> {
    this.clearStatus();
    return addSites([site]).then(async ({ refused }) => {
      if (refused) {
        this.say(section, words.refused);
        await this.refresh();
        return;
      }
      done?.();
      this.say(section, words.added);
    });
  }

  /** Removes a site and gives back access no remaining site needs; `section` is where the user asked. */
  async remove(id: string, section: StatusSection): Promise<void> {
    this.clearStatus();
    const before = this.settings;
    const label = before.sites.find((s) => s.id === id)?.label ?? id;
    const next = await updateSettings((current) => withoutSite(current, id));
    await giveBackAccess(originsNoLongerNeeded(before, next));
    this.say(section, i18n.t('options.sites.removed', { site: label }));
  }

  change(id: string, patch: Partial<Omit<TriggerSite, 'id'>>): void {
    this.clearStatus();
    void updateSettings((current) => withSiteChanged(current, id, patch));
  }

  /** Changes settings other than the sites (the meeting choices). */
  changeSettings(change: (current: Settings) => Settings): void {
    this.clearStatus();
    void updateSettings(change);
  }

  /** Asks the browser again for access it took away; call it from the click. */
  grantAgain(site: TriggerSite): void {
    this.clearStatus();
    void requestAccess(site).then((ok) => {
      this.say(sectionOf(site), i18n.t(ok ? 'options.sites.accessBack' : 'options.sites.accessNotGiven', { site: site.label }));
      return this.refresh();
    });
  }
}
