import { browser } from 'wxt/browser';
import { sendCheckInCommand } from '../browser/guard-messages';
import { isTimeSortableId } from '../browser/ids';
import type { CheckInProtocol, Payload, Sender } from '../browser/messages';
import { oneLine } from '../browser/text';
import { newReflection } from '../journal/reflection';
import { saveReflection } from '../journal/store';
import { openTimesItem } from '../settings/storage-registry';
import type { TriggerSite } from '../settings/settings';
import { PAUSE_NOTE_MAX, siteForFramedSender, updateOpenTimes } from './actions';
import { leaveTab } from './leave';
import { isOpenNow, normaliseOpenTimes, openTimeAlarmName, type OpenTime } from './open-time';

type Data<K extends keyof CheckInProtocol> = Payload<CheckInProtocol, K>;

/**
 * The site and open time a check-in message may act on: only our own
 * check-in page, framed in a tab that is on the site, while the site's open
 * time is still open. Anything else gets undefined.
 */
async function checkInFor(sender: Sender, siteId: unknown, now: number): Promise<{ site: TriggerSite; tabId: number; open: OpenTime } | undefined> {
  if (typeof siteId !== 'string') return undefined;
  const ok = await siteForFramedSender(sender, '/check-in.html', siteId);
  const open = ok && normaliseOpenTimes(await openTimesItem.getValue())[ok.site.id];
  return ok && open && isOpenNow(open, now) ? { ...ok, open } : undefined;
}

/** Keep going: the tab hides its card and sets its next check-in one interval further on. */
export async function handleCheckInKeepGoing(data: Data<'checkInKeepGoing'>, sender: Sender, now = Date.now()): Promise<void> {
  const ok = await checkInFor(sender, data?.siteId, now);
  if (ok) await sendCheckInCommand(ok.tabId, 'keepGoing');
}

/**
 * Leave: the tab leaves the site as from the pause, then the open time on the
 * site ends now (kept, with its end, as the record of leaving early), so every
 * tab of the site and the next visit pause again. The tab leaves first, so it
 * is not covered by a pause on its way out.
 */
export async function handleCheckInLeave(data: Data<'checkInLeave'>, sender: Sender, now = Date.now()): Promise<void> {
  const ok = await checkInFor(sender, data?.siteId, now);
  if (!ok) return;
  await leaveTab(
    { goBack: (id) => browser.tabs.goBack(id), close: (id) => browser.tabs.remove(id) },
    ok.tabId,
    data.canGoBack !== false,
  ).catch(() => undefined);
  await updateOpenTimes((times) => {
    const w = times[ok.site.id];
    return w && w.openedAt === ok.open.openedAt && isOpenNow(w, now) ? { ...times, [ok.site.id]: { ...w, until: now, endedAt: now } } : undefined;
  });
  await browser.alarms.clear(openTimeAlarmName(ok.site.id));
}

/** A note written at a check-in, kept as a reflection linked to the open time it was written in. */
export async function handleCheckInNote(data: Data<'checkInNote'>, sender: Sender, now = Date.now()): Promise<void> {
  const ok = await checkInFor(sender, data?.siteId, now);
  if (!ok || !isTimeSortableId(data.noteId) || typeof data.text !== 'string') return;
  const text = oneLine(data.text, PAUSE_NOTE_MAX);
  if (!text) return;
  const prompt = typeof data.prompt === 'string' ? oneLine(data.prompt, 300) : '';
  await saveReflection(
    newReflection(data.noteId, now, text, { kind: 'check-in', siteId: ok.site.id, siteLabel: ok.site.label, openedAt: ok.open.openedAt }, prompt ? { prompt } : {}),
  );
}
