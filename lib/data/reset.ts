import { storage } from '@wxt-dev/storage';
import { STORED_ITEMS } from '../settings/storage-registry';
import { clearSyncedSettings } from '../settings/settings-sync';
import { clear, promisifyRequest } from 'idb-keyval';
import { clearJournal, countReflections } from '../journal/store';
import { clearOpenTimeAlarms } from '../pause/actions';
import { clearSnoozeAlarmAndBadge } from '../pause/snooze-actions';
import { originsOf } from '../sites/trigger-sites';
import { dataWrites, resolveStores, type DataDeps } from './stores';

/** Deleting everything the extension keeps, after saying what that is. */

/** What `deleteEverything` would delete, for the confirmation shown before it: the sites are those whose access is given back too. */
export async function describeEverything(deps: DataDeps = {}): Promise<{ reflections: number; pauses: number; sites: number }> {
  const { journal, pauses, settings } = resolveStores(deps);
  const [reflections, pauseCount, current] = await Promise.all([
    countReflections(journal),
    pauses('readonly', (s) => promisifyRequest(s.count())),
    settings.get(),
  ]);
  return { reflections, pauses: pauseCount, sites: current.sites.length };
}

/**
 * Deletes everything the extension keeps in this browser: the journal, the
 * pause history, and every item in storage (`STORED_ITEMS`: the settings,
 * open times, the popup's unsaved draft, the meeting pages' notes), and the
 * settings' copy in the browser's sync storage. It ends open times with
 * their alarms and a snooze with its alarm and badge, and gives back the
 * access granted for the sites. Every part is attempted even if one fails;
 * then it throws naming what could not be deleted. Returns the counts deleted.
 */
export function deleteEverything(deps: DataDeps = {}): Promise<{ reflections: number; pauses: number; sites: number }> {
  const { journal, pauses, settings, giveBackAccess } = resolveStores(deps);
  return dataWrites(async () => {
    const counts = await describeEverything(deps);
    const origins = [...new Set((await settings.get()).sites.flatMap(originsOf))];
    // The settings' copy in sync storage goes first: settings gone from here while a copy is
    // still there would be brought back from it, as on a new device.
    const synced = clearSyncedSettings();
    const parts: [string, Promise<void>][] = [
      ['the journal', clearJournal(journal)],
      ['the pause history', clear(pauses)],
      ["the settings' copy in your browser's sync", synced],
      [
        'the settings and the rest kept in storage',
        // The settings' version meta stays: without it, the next start would run every
        // settings migration again over whatever the user saves from now on.
        synced.catch(() => undefined).then(() => storage.removeItems([...STORED_ITEMS])),
      ],
      ['the open times', clearOpenTimeAlarms()],
      ['the snooze', clearSnoozeAlarmAndBadge()],
      ['the access to your sites', giveBackAccess(origins)],
    ];
    const results = await Promise.allSettled(parts.map(([, p]) => p));
    const failed = parts.filter((_, i) => results[i]!.status === 'rejected').map(([name]) => name);
    if (failed.length) throw new Error(`Could not delete ${failed.join(', ')}. Try again.`);
    return counts;
  });
}
