import type { Settings } from './settings';
import { originsOf } from './trigger-sites';

/** The id of our one registered content script. */
export const PAUSE_SCRIPT_ID = 'pause-moment';
/** Where WXT puts the built content script inside the extension. */
export const PAUSE_SCRIPT_FILE = 'content-scripts/guard.js';

/** What the reconcile needs from the browser; the background passes the real APIs. */
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

/** Match patterns the content script should run on: enabled sites, access granted. */
export async function desiredMatches(settings: Settings, isGranted: (origin: string) => Promise<boolean>): Promise<string[]> {
  const origins = [...new Set(settings.sites.filter((s) => s.enabled).flatMap(originsOf))];
  const granted = await Promise.all(origins.map(async (o) => ((await isGranted(o)) ? o : undefined)));
  return granted.filter((o): o is string => !!o).sort();
}

let running: Promise<string[]> = Promise.resolve([]);

/**
 * Makes the registered content script match the settings and granted access,
 * in one pass: unregister ours, register the whole desired set, then run it
 * in already-open tabs (registration alone only reaches pages loaded later).
 * Runs are queued, so overlapping triggers (install, start, a settings change,
 * a permission change) never interleave. Returns the registered matches.
 */
export function reconcileRegistration(port: ScriptingPort, settings: Settings): Promise<string[]> {
  const run = running.catch(() => []).then(async () => {
    const matches = await desiredMatches(settings, (o) => port.isGranted(o));
    const ours = (await port.registeredIds()).filter((id) => id === PAUSE_SCRIPT_ID);
    if (ours.length) await port.unregister(ours);
    if (matches.length === 0) return matches;
    await port.register({ id: PAUSE_SCRIPT_ID, matches, js: [PAUSE_SCRIPT_FILE] });
    const tabs = await port.tabsMatching(matches);
    // A tab that cannot take a script (a closing tab, an error page) must not stop the others.
    await Promise.allSettled(tabs.map((tabId) => port.inject(tabId, PAUSE_SCRIPT_FILE)));
    return matches;
  });
  running = run;
  return run;
}
