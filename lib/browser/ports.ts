import { browser } from 'wxt/browser';
import type { ScriptPublicPath } from 'wxt/utils/inject-script';

/** What registering content scripts needs from the browser; the background passes the real APIs. */
export interface ScriptingPort {
  registeredIds(): Promise<string[]>;
  unregister(ids: string[]): Promise<void>;
  register(script: { id: string; matches: string[]; js: string[] }): Promise<void>;
  /** Whether the user granted access to this match pattern. */
  isGranted(origin: string): Promise<boolean>;
  /** Ids of open tabs whose URL matches one of the patterns. */
  tabsMatching(patterns: string[]): Promise<number[]>;
  /** Runs the content script in a tab (it ignores a second run). */
  inject(tabId: number, file: string): Promise<void>;
}

/** The real browser behind the registration reconcile. */
export const browserScripting: ScriptingPort = {
  async registeredIds() {
    return (await browser.scripting.getRegisteredContentScripts()).map((s) => s.id);
  },
  async unregister(ids) {
    await browser.scripting.unregisterContentScripts({ ids });
  },
  async register({ id, matches, js }) {
    await browser.scripting.registerContentScripts([{ id, matches, js, runAt: 'document_start', allFrames: false }]);
  },
  async isGranted(origin) {
    return browser.permissions.contains({ origins: [origin] });
  },
  async tabsMatching(patterns) {
    const tabs = await browser.tabs.query({ url: patterns });
    return tabs.map((t) => t.id).filter((id): id is number => id != null);
  },
  async inject(tabId, file) {
    // WXT types script paths from the build; ours comes from entrypoints/guard.content.ts.
    await browser.scripting.executeScript({ target: { tabId }, files: [file as ScriptPublicPath] });
  },
};
