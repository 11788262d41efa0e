import { browser } from 'wxt/browser';
import type { ScriptPublicPath } from 'wxt/utils/inject-script';
import { hasLiveRun, liveRunArgs } from './live-run';

export type RunAt = 'document_start' | 'document_end' | 'document_idle';

/** One of our content scripts, as registered. */
export interface RegisteredScript {
  id: string;
  /** The built file inside the extension. */
  file: string;
  /** Its entrypoint name, which its runs are known by in a page. */
  name: string;
  runAt: RunAt;
}

/** What registering content scripts needs from the browser; the background passes the real APIs. */
/** A content script as the browser has it registered now. */
export interface CurrentRegistration {
  id: string;
  matches: string[];
  files: string[];
  runAt?: string;
}

export interface ScriptingPort {
  registered(): Promise<CurrentRegistration[]>;
  unregister(ids: string[]): Promise<void>;
  register(script: RegisteredScript, matches: string[]): Promise<void>;
  /** Changes a registered script in place, so no page loads while it is missing. */
  update(script: RegisteredScript, matches: string[]): Promise<void>;
  /** Whether the user granted access to this match pattern. */
  isGranted(origin: string): Promise<boolean>;
  /** Ids of open tabs whose URL matches one of the patterns. */
  tabsMatching(patterns: string[]): Promise<number[]>;
  /** Runs the content script in a tab, unless a live run of it is there already. */
  inject(tabId: number, script: RegisteredScript): Promise<void>;
}

/** The real browser behind the registration reconcile. */
export const browserScripting: ScriptingPort = {
  async registered() {
    return (await browser.scripting.getRegisteredContentScripts()).map((s) => ({ id: s.id, matches: s.matches ?? [], files: s.js ?? [], runAt: s.runAt }));
  },
  async unregister(ids) {
    await browser.scripting.unregisterContentScripts({ ids });
  },
  async register({ id, file, runAt }, matches) {
    await browser.scripting.registerContentScripts([{ id, matches, js: [file], runAt, allFrames: false }]);
  },
  // Chrome 88+, Firefox 102+: https://developer.mozilla.org/docs/Mozilla/Add-ons/WebExtensions/API/scripting/updateContentScripts
  async update({ id, file, runAt }, matches) {
    await browser.scripting.updateContentScripts([{ id, matches, js: [file], runAt, allFrames: false }]);
  },
  async isGranted(origin) {
    return browser.permissions.contains({ origins: [origin] });
  },
  async tabsMatching(patterns) {
    const tabs = await browser.tabs.query({ url: patterns });
    return tabs.map((t) => t.id).filter((id): id is number => id != null);
  },
  async inject(tabId, { file, name }) {
    // Content scripts and `executeScript` share the extension's isolated world in the tab.
    const [probe] = await browser.scripting.executeScript({ target: { tabId }, func: hasLiveRun, args: liveRunArgs(name) });
    if (probe?.result === true) return;
    // WXT types script paths from the build; ours come from entrypoints/*.content.ts.
    await browser.scripting.executeScript({ target: { tabId }, files: [file as ScriptPublicPath] });
  },
};
