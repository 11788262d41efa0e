import { browser } from 'wxt/browser';
import type { GuardProtocol } from '../browser/guard-messages';
import { isTimeSortableId, timeSortableId } from '../browser/ids';
import type { Sender, SnoozeProtocol } from '../browser/messages';
import { createWriteQueue } from '../browser/write-queue';
import { snoozeItem } from '../settings/storage-registry';
import { getSettings } from '../settings/store';
import { urlMatchesSite } from '../sites/site-rules';
import { rulesOf } from '../sites/trigger-sites';
import { recordPauseSkipped, recordSnoozeEndedEarly, recordSnoozeStarted } from './log';
import { isSnoozeLength, isSnoozeOn, normaliseSnooze, snoozeCovers, snoozeLengths, snoozeUntil, SNOOZE_ALARM, type Snooze, type SnoozeLength } from './snooze';
import { clearSnoozeBadge, showSnoozeBadge } from './snooze-badge';

/**
 * What the background does for a snooze. It alone writes one: the popup asks
 * it to start or end, an alarm tells it the end has come. Each keeps the
 * stored snooze (which every feed page watches, and un-pauses or pauses again
 * at once), its alarm, the toolbar badge and the pause history in step.
 */

/** Start, end and alarm each read and write the snooze: one at a time, so none writes back a copy another has replaced. */
const snoozeWrites = createWriteQueue();

/** The lengths this build offers: the 20-second one only in a test build. */
const OFFERED = snoozeLengths(!!import.meta.env.PAUSE_MOMENT_TEST);

/** Only the popup may start or end a snooze. */
function fromPopup(sender: Sender): boolean {
  return !!sender.url?.startsWith(browser.runtime.getURL('/popup.html'));
}

async function storedSnooze(): Promise<Snooze | undefined> {
  return normaliseSnooze(await snoozeItem.getValue());
}

/** Clears the snooze (writing only when one is stored: every feed page hears of a write), its alarm and its badge. */
async function clearSnooze(): Promise<void> {
  if ((await snoozeItem.getValue()) !== null) await snoozeItem.setValue(null);
  await browser.alarms.clear(SNOOZE_ALARM);
  await clearSnoozeBadge();
}

/**
 * The user chose a snooze in the popup: store it (every open page of the
 * sites it covers lets the user in at once), set an alarm for its end,
 * show it on the toolbar icon and record it. A snooze already on ends early,
 * replaced by the new one.
 */
export function handleSnoozeStart(
  data: Parameters<SnoozeProtocol['snoozeStart']>[0],
  sender: Sender,
  now = Date.now(),
  offered: readonly SnoozeLength[] = OFFERED,
): Promise<void> {
  const length = data?.length;
  if (!fromPopup(sender) || !isSnoozeLength(length) || !offered.includes(length)) return Promise.resolve();
  return snoozeWrites(async () => {
    let site: Snooze['site'];
    if (data.siteId !== undefined) {
      const chosen = (await getSettings()).sites.find((s) => s.id === data.siteId && s.kind === 'feed');
      if (!chosen) return;
      site = { id: chosen.id, label: chosen.label };
    }
    const previous = await storedSnooze();
    if (isSnoozeOn(previous, now)) await recordSnoozeEndedEarly(previous.id, now);
    const snooze: Snooze = { id: timeSortableId(now), startedAt: now, until: snoozeUntil(length, now), length, ...(site ? { site } : {}) };
    await snoozeItem.setValue(snooze);
    await browser.alarms.create(SNOOZE_ALARM, { when: snooze.until });
    await showSnoozeBadge(snooze, now);
    await recordSnoozeStarted(snooze);
  });
}

/** The user chose "End now": record that it ended early, and clear it, its alarm and its badge. */
export function handleSnoozeEnd(sender: Sender, now = Date.now()): Promise<void> {
  if (!fromPopup(sender)) return Promise.resolve();
  return snoozeWrites(async () => {
    const snooze = await storedSnooze();
    if (isSnoozeOn(snooze, now)) await recordSnoozeEndedEarly(snooze.id, now);
    await clearSnooze();
  });
}

/**
 * The snooze's alarm fired, or the browser started: clear a snooze that is
 * over (its pages have paused again on their own clocks already), and show
 * one still on, with its alarm, since a browser forgets badges when it quits.
 */
export function settleSnooze(now = Date.now()): Promise<void> {
  return snoozeWrites(async () => {
    const snooze = await storedSnooze();
    if (!isSnoozeOn(snooze, now)) return clearSnooze();
    await browser.alarms.create(SNOOZE_ALARM, { when: snooze.until });
    await showSnoozeBadge(snooze, now);
  });
}

/**
 * A feed page would have paused but did not, because of the snooze: record it
 * in the pause history as a skipped pause. Only a page of the site, in a tab,
 * while that snooze covers the site, is recorded.
 */
export async function handlePauseSkipped(data: GuardProtocol['pauseSkipped'], sender: Sender, now = Date.now()): Promise<void> {
  const tabUrl = sender.tab?.url;
  if (!tabUrl || !isTimeSortableId(data.id)) return;
  const site = (await getSettings()).sites.find((s) => s.id === data.siteId && s.kind === 'feed');
  if (!site || !rulesOf(site).some((r) => urlMatchesSite(r, tabUrl))) return;
  const snooze = await storedSnooze();
  if (snooze?.id !== data.snoozeId || !snoozeCovers(snooze, site.id, now)) return;
  await recordPauseSkipped(
    { siteId: site.id, siteLabel: site.label, host: new URL(tabUrl).hostname, waitSeconds: site.waitSeconds, snoozeId: snooze.id },
    data.id,
    now,
  );
}

/** Clears the snooze's alarm and badge: with everything deleted (the stored snooze too), nothing is snoozed. */
export async function clearSnoozeAlarmAndBadge(): Promise<void> {
  await browser.alarms.clear(SNOOZE_ALARM);
  await clearSnoozeBadge();
}
