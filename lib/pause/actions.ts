import type { Sender } from '../browser/messages';
import { browser } from 'wxt/browser';
import { isTimeSortableId } from '../browser/ids';
import { oneLine } from '../browser/text';
import { createWriteQueue } from '../browser/write-queue';
import { saveReflection } from '../journal/store';
import { newReflection } from '../journal/reflection';
import { leaveTab } from './leave';
import type { PauseProtocol, PauseRef } from '../browser/messages';
import { recordPauseChoice, recordPauseShown, type PauseRecord } from './log';
import { WINDOW_MINUTES, type TriggerSite } from '../settings/settings';
import { getSettings } from '../settings/store';
import { rulesOf } from '../sites/trigger-sites';
import { urlMatchesSite } from '../sites/site-rules';
import { isWindowOpen, newWindow, windowAlarmName, normaliseWindows, type SiteWindows } from './open-time';
import { windowsItem } from './open-time-store';

/**
 * The site a pause message may act on: only our own pause page, framed in a
 * tab that is on that site, may record a choice or open a window. Anything
 * else (another extension page, a forged message) gets undefined.
 */
export async function siteForPauseSender(
  sender: Sender,
  siteId: string,
  pauseId: unknown,
): Promise<{ site: TriggerSite; tabId: number } | undefined> {
  const pageUrl = browser.runtime.getURL('/pause.html');
  if (!sender.url?.startsWith(pageUrl) || sender.tab?.id == null || !isTimeSortableId(pauseId)) return undefined;
  const site = (await getSettings()).sites.find((s) => s.id === siteId);
  if (!site) return undefined;
  // The browser reports the tab's address because we hold access to the site; without it, refuse.
  const tabUrl = sender.tab.url;
  if (!tabUrl || !rulesOf(site).some((r) => urlMatchesSite(r, tabUrl))) return undefined;
  return { site, tabId: sender.tab.id };
}

function hostOf(url: string | undefined): string {
  try {
    return url ? new URL(url).hostname : '';
  } catch {
    return '';
  }
}

function fallbackRecord(site: TriggerSite, tabUrl: string | undefined): Omit<PauseRecord, 'v' | 'id' | 'choice' | 'shownAt'> {
  return { siteId: site.id, siteLabel: site.label, host: hostOf(tabUrl), reason: 'arrived', waitSeconds: site.waitSeconds };
}

/**
 * Changes the stored windows (undefined: no change). Continue and window
 * alarms both read, change and write back the whole record, so the writes are
 * queued: otherwise one could write back a copy read before the other's write
 * and undo it (a new window lost, so the pause stays up after Continue).
 */
const windowsWrites = createWriteQueue();
function updateWindows(change: (windows: SiteWindows) => SiteWindows | undefined): Promise<void> {
  return windowsWrites(async () => {
    const next = change(normaliseWindows(await windowsItem.getValue()));
    if (next) await windowsItem.setValue(next);
  });
}

/** Records a pause the user is looking at. */
export async function handlePauseShown(data: Parameters<PauseProtocol['pauseShown']>[0], sender: Sender, now = Date.now()): Promise<void> {
  const ok = await siteForPauseSender(sender, data.siteId, data.pauseId);
  if (!ok) return;
  await recordPauseShown(
    {
      siteId: ok.site.id,
      siteLabel: ok.site.label,
      host: hostOf(sender.tab?.url) || data.host,
      reason: data.reason === 'window-ended' ? 'window-ended' : 'arrived',
      waitSeconds: ok.site.waitSeconds,
    },
    now,
    undefined,
    data.pauseId,
  );
}

/** The user chose Leave: record it and take the tab away from the site. */
export async function handlePauseLeave(data: PauseRef & { canGoBack?: boolean }, sender: Sender, now = Date.now()): Promise<void> {
  const ok = await siteForPauseSender(sender, data.siteId, data.pauseId);
  if (!ok) return;
  await recordPauseChoice(data.pauseId, 'leave', {}, now, fallbackRecord(ok.site, sender.tab?.url));
  await leaveTab(
    { goBack: (id) => browser.tabs.goBack(id), close: (id) => browser.tabs.remove(id) },
    ok.tabId,
    data.canGoBack !== false,
  );
}

/**
 * The user chose Continue: open a window for the whole site (every tab hears
 * of it through storage) and set an alarm for its end, measured in wall-clock
 * time so it survives the background sleeping.
 */
export async function handlePauseContinue(
  data: PauseRef & { minutes: number; intention?: string },
  sender: Sender,
  now = Date.now(),
): Promise<void> {
  const ok = await siteForPauseSender(sender, data.siteId, data.pauseId);
  if (!ok) return;
  const minutes = Number.isFinite(data.minutes)
    ? Math.min(WINDOW_MINUTES.max, Math.max(WINDOW_MINUTES.min, Math.round(data.minutes)))
    : ok.site.windowMinutes;
  const window = newWindow(minutes, now, data.intention);
  await updateWindows((windows) => ({ ...windows, [ok.site.id]: window }));
  await browser.alarms.create(windowAlarmName(ok.site.id), { when: window.until });
  await recordPauseChoice(
    data.pauseId,
    'continue',
    { windowMinutes: minutes, ...(window.intention ? { intention: window.intention } : {}) },
    now,
    fallbackRecord(ok.site, sender.tab?.url),
  );
}

/**
 * A window's alarm fired: mark the window ended, which every open tab of the
 * site hears through storage and answers by pausing again. The tabs also keep
 * their own timers; this covers tabs whose timers the browser throttled.
 */
export function handleWindowAlarm(siteId: string, now = Date.now()): Promise<void> {
  return updateWindows((windows) => {
    const w = windows[siteId];
    if (!w || w.endedAt || isWindowOpen(w, now)) return undefined;
    return { ...windows, [siteId]: { ...w, endedAt: now } };
  });
}

/** Longest note kept from a pause: it is one line. */
export const PAUSE_NOTE_MAX = 500;

/**
 * Keeps a note written at a pause as a reflection linked to it. The pause
 * page is framed inside the site, so it hands the note to the background
 * rather than touching the journal itself; the id comes from the page, so a
 * retried message saves once.
 */
export async function handlePauseNote(
  data: PauseRef & { noteId: string; text: string; prompt: string },
  sender: Sender,
  now = Date.now(),
): Promise<void> {
  const ok = await siteForPauseSender(sender, data.siteId, data.pauseId);
  if (!ok || !isTimeSortableId(data.noteId) || typeof data.text !== 'string') return;
  const text = oneLine(data.text, PAUSE_NOTE_MAX);
  if (!text) return;
  const prompt = typeof data.prompt === 'string' ? data.prompt.slice(0, 200) : undefined;
  await saveReflection(
    newReflection(data.noteId, now, text, { kind: 'site-pause', siteId: ok.site.id, siteLabel: ok.site.label, pauseId: data.pauseId }, prompt ? { prompt } : {}),
  );
}
