import type { Sender } from '../browser/messages';
import { openTimesItem } from '../settings/storage-registry';
import { browser } from 'wxt/browser';
import { isTimeSortableId } from '../browser/ids';
import { clipWhole, oneLine } from '../browser/text';
import { createWriteQueue } from '../browser/write-queue';
import { saveReflection } from '../journal/store';
import { newReflection } from '../journal/reflection';
import { leaveTab } from './leave';
import type { Payload, PauseProtocol, PauseShownAnswer } from '../browser/messages';
import { recordPauseChoice, recordPauseNoted, recordPauseShown, type PauseRecord } from './log';
import { planPause } from './pause-plan';
import { OPEN_MINUTES, type TriggerSite } from '../settings/settings';
import { getSettings } from '../settings/store';
import { rulesOf } from '../sites/trigger-sites';
import { urlMatchesSite } from '../sites/site-rules';
import { isOpenNow, newOpenTime, openTimeAlarmName, normaliseOpenTimes, siteIdOfAlarm, type OpenTimes } from './open-time';
import { isOwnPage } from '../browser/own-page';

/**
 * The site a pause message may act on: only our own pause page, framed in a
 * tab that is on that site, may record a choice or start an open time. Anything
 * else (another extension page, a forged message) gets undefined.
 */
export async function siteForPauseSender(
  sender: Sender,
  siteId: string,
  pauseId: unknown,
): Promise<{ site: TriggerSite; tabId: number } | undefined> {
  return isTimeSortableId(pauseId) ? siteForFramedSender(sender, '/pause.html', siteId) : undefined;
}

/** The site a message from our own `page`, framed in a tab that is on that site, may act on; anything else gets undefined. */
export async function siteForFramedSender(sender: Sender, page: '/pause.html' | '/check-in.html', siteId: string): Promise<{ site: TriggerSite; tabId: number } | undefined> {
  if (!isOwnPage(sender.url, page) || sender.tab?.id == null) return undefined;
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
 * Changes the stored open times (undefined: no change). Continue and open time
 * alarms both read, change and write back the whole record, so the writes are
 * queued: otherwise one could write back a copy read before the other's write
 * and undo it (a new open time lost, so the pause stays up after Continue).
 */
const openTimeWrites = createWriteQueue();
export function updateOpenTimes(change: (openTimes: OpenTimes) => OpenTimes | undefined): Promise<void> {
  return openTimeWrites(async () => {
    const next = change(normaliseOpenTimes(await openTimesItem.getValue()));
    if (next) await openTimesItem.setValue(next);
  });
}

/**
 * Records a pause the user is looking at, with the wait it really has, and
 * answers the pause page with what it shows (`pause-plan.ts`). The same pause
 * shown again (its page reloaded) keeps its first wait.
 */
export async function handlePauseShown(
  data: Payload<PauseProtocol, 'pauseShown'>,
  sender: Sender,
  now = Date.now(),
): Promise<PauseShownAnswer | undefined> {
  const ok = await siteForPauseSender(sender, data.siteId, data.pauseId);
  if (!ok) return undefined;
  const plan = await planPause(ok.site, await getSettings(), data.pauseId, now);
  const record = await recordPauseShown(
    {
      siteId: ok.site.id,
      siteLabel: ok.site.label,
      host: hostOf(sender.tab?.url) || data.host,
      reason: data.reason === 'window-ended' ? 'window-ended' : 'arrived',
      waitSeconds: plan.waitSeconds,
    },
    now,
    undefined,
    data.pauseId,
  );
  return { ...plan, waitSeconds: record.waitSeconds };
}

/** The user chose Leave: record it and take the tab away from the site. */
export async function handlePauseLeave(data: Payload<PauseProtocol, 'pauseLeave'>, sender: Sender, now = Date.now()): Promise<void> {
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
 * The user chose Continue: start an open time for the whole site (every tab hears
 * of it through storage) and set an alarm for its end, measured in wall-clock
 * time so it survives the background sleeping.
 */
export async function handlePauseContinue(
  data: Payload<PauseProtocol, 'pauseContinue'>,
  sender: Sender,
  now = Date.now(),
): Promise<void> {
  const ok = await siteForPauseSender(sender, data.siteId, data.pauseId);
  if (!ok) return;
  const minutes = Number.isFinite(data.minutes)
    ? Math.min(OPEN_MINUTES.max, Math.max(OPEN_MINUTES.min, Math.round(data.minutes)))
    : ok.site.windowMinutes;
  const opened = newOpenTime(minutes, now, data.intention);
  await updateOpenTimes((times) => ({ ...times, [ok.site.id]: opened }));
  await browser.alarms.create(openTimeAlarmName(ok.site.id), { when: opened.until });
  await recordPauseChoice(
    data.pauseId,
    'continue',
    { windowMinutes: minutes, ...(opened.intention ? { intention: opened.intention } : {}) },
    now,
    fallbackRecord(ok.site, sender.tab?.url),
  );
}

/**
 * An open time's alarm fired: mark the open time ended, which every open tab of the
 * site hears through storage and answers by pausing again. The tabs also keep
 * their own timers; this covers tabs whose timers the browser throttled.
 */
export function handleOpenTimeAlarm(siteId: string, now = Date.now()): Promise<void> {
  return updateOpenTimes((times) => {
    const w = times[siteId];
    if (!w || w.endedAt || isOpenNow(w, now)) return undefined;
    return { ...times, [siteId]: { ...w, endedAt: now } };
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
  data: Payload<PauseProtocol, 'pauseNote'>,
  sender: Sender,
  now = Date.now(),
): Promise<void> {
  const ok = await siteForPauseSender(sender, data.siteId, data.pauseId);
  if (!ok || !isTimeSortableId(data.noteId) || typeof data.text !== 'string') return;
  const text = oneLine(data.text, PAUSE_NOTE_MAX);
  if (!text) return;
  const prompt = typeof data.prompt === 'string' ? clipWhole(data.prompt, 200) : undefined;
  await saveReflection(
    newReflection(data.noteId, now, text, { kind: 'site-pause', siteId: ok.site.id, siteLabel: ok.site.label, pauseId: data.pauseId }, prompt ? { prompt } : {}),
  );
  // A note at a pause starts the day's friction count again.
  await recordPauseNoted(data.pauseId);
}

/** Clears the alarms that would end open times: with everything deleted, none is left to end. */
export async function clearOpenTimeAlarms(): Promise<void> {
  const alarms = await browser.alarms.getAll();
  await Promise.all(alarms.filter((a) => siteIdOfAlarm(a.name) !== undefined).map((a) => browser.alarms.clear(a.name)));
}
