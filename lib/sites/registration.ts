import type { CurrentRegistration, RegisteredScript, RunAt, ScriptingPort } from '../browser/ports';
import { createWriteQueue } from '../browser/write-queue';
import type { Settings, SiteKind } from '../settings/settings';
import { originsOf } from './trigger-sites';

/** The id of the feed pause's registered content script. */
export const PAUSE_SCRIPT_ID = 'pause-moment';
/** Where WXT puts the built feed content script inside the extension. */
export const PAUSE_SCRIPT_FILE = 'content-scripts/guard.js';
/** The meeting cards' content script. */
export const MEETING_SCRIPT_ID = 'pause-moment-meeting';
export const MEETING_SCRIPT_FILE = 'content-scripts/meeting.js';
/** The check-in while scrolling, beside the feed pause on the same sites. */
export const CHECK_IN_SCRIPT_ID = 'pause-moment-check-in';
export const CHECK_IN_SCRIPT_FILE = 'content-scripts/scroll-check.js';

/**
 * When each kind's script runs, as registered and as the entrypoints declare:
 * the feed pause before the page can paint; the meeting cards from the same
 * moment, reading the page as it builds (with them at document_end, the first
 * card came while a call page was still putting focus into its frames, and
 * Firefox sometimes lost the user's focus: seen in the meetings e2e).
 */
export const SCRIPT_RUN_AT = { feed: 'document_start', meeting: 'document_start' } as const satisfies Record<SiteKind, RunAt>;
/**
 * The check-in counts scrolling inside an open time, which only starts once
 * the page is up: it loads when the page is idle, so the feed pause that runs
 * before the first paint carries none of it.
 */
export const CHECK_IN_RUN_AT = 'document_idle' satisfies RunAt;

/** Which script runs on which kind of site. */
const SCRIPTS: ReadonlyArray<RegisteredScript & { kind: SiteKind }> = [
  { kind: 'feed', id: PAUSE_SCRIPT_ID, file: PAUSE_SCRIPT_FILE, name: 'guard', runAt: SCRIPT_RUN_AT.feed },
  // After the feed pause, so an open tab gets the guard before its check-in.
  { kind: 'feed', id: CHECK_IN_SCRIPT_ID, file: CHECK_IN_SCRIPT_FILE, name: 'scroll-check', runAt: CHECK_IN_RUN_AT },
  { kind: 'meeting', id: MEETING_SCRIPT_ID, file: MEETING_SCRIPT_FILE, name: 'meeting', runAt: SCRIPT_RUN_AT.meeting },
];


/** Match patterns a content script should run on: enabled sites (of one kind), access granted. */
export async function desiredMatches(
  settings: Settings,
  isGranted: (origin: string) => Promise<boolean>,
  kind: SiteKind = 'feed',
): Promise<string[]> {
  const origins = [...new Set(settings.sites.filter((s) => s.enabled && s.kind === kind).flatMap(originsOf))];
  const granted = await Promise.all(origins.map(async (o) => ((await isGranted(o)) ? o : undefined)));
  return granted.filter((o): o is string => !!o).sort();
}

/** Registration runs, one at a time. */
const runs = createWriteQueue();

/** Whether the browser already runs `script` on exactly `matches`. */
function isRegisteredAs(current: CurrentRegistration, script: RegisteredScript, matches: string[]): boolean {
  const same = (a: string[], b: string[]) => a.length === b.length && [...a].sort().every((v, i) => v === [...b].sort()[i]);
  // A registration read back may leave out the default run time, or name files with a leading slash.
  const files = current.files.map((f) => f.replace(/^\//, ''));
  return same(current.matches, matches) && same(files, [script.file]) && (current.runAt ?? 'document_idle') === script.runAt;
}

/**
 * Makes the registered content scripts match the settings and granted access,
 * then runs each in already-open tabs that do not run it yet (registration
 * alone only reaches pages loaded later): after an install, update or reload,
 * every open tab of a chosen site gets the new version.
 * A script that is already registered as wanted is left alone, and one that
 * changes is updated in place, never unregistered and registered again: a
 * page loading in between would get no pause at all (a schedule change made
 * just before opening a feed did exactly that in Firefox).
 * Runs are queued, so overlapping triggers (install, start, a settings change,
 * a permission change) never interleave. Returns the feed pause's matches
 * followed by the meeting script's.
 */
export function reconcileRegistration(port: ScriptingPort, settings: Settings): Promise<string[]> {
  return runs(async () => {
    const wanted = await Promise.all(
      SCRIPTS.map(async (script) => ({ ...script, matches: await desiredMatches(settings, (o) => port.isGranted(o), script.kind) })),
    );
    const registered = await port.registered();
    for (const script of wanted) {
      const current = registered.find((r) => r.id === script.id);
      if (script.matches.length === 0) {
        if (current) await port.unregister([script.id]);
        continue;
      }
      if (!current) await port.register(script, script.matches);
      else if (!isRegisteredAs(current, script, script.matches)) await port.update(script, script.matches);
      const tabs = await port.tabsMatching(script.matches);
      // A tab that cannot take a script (a closing tab, an error page) must not stop the others.
      await Promise.allSettled(tabs.map((tabId) => port.inject(tabId, script)));
    }
    return wanted.filter((s) => s.id !== CHECK_IN_SCRIPT_ID).flatMap((s) => s.matches);
  });
}
