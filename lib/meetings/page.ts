import { browser } from 'wxt/browser';
import { meetingTabMessaging } from '../browser/messages';
import type { ScriptLife } from '../browser/script-life';
import { lastCallAskedItem, meetingAsksItem, meetingChipItem, pendingMeetingItem } from '../settings/storage-registry';
import { dayKey } from '../browser/day';
import { getSettings } from '../settings/store';
import { siteForUrl } from '../sites/trigger-sites';
import { askAfterThisCall, countAsk } from './after-call';
import { startMeetingGuard } from './guard';
import { chipPositionOf } from './overlay';
import { isPendingFor, normalisePendingMeeting, pendingMeetingFor } from './pending-meeting';
import { adapterForSite } from './platforms';
import { dropUnread, noteUnread } from './reading';

/** Guards this meeting page with the real browser behind it, for as long as `life` lasts. */
export async function guardThisMeeting(life: ScriptLife): Promise<void> {
  const site = siteForUrl(await getSettings(), location.href, 'meeting');
  if (!site || life.signal.aborted) return;
  const adapter = adapterForSite(site);
  startMeetingGuard({
    win: window,
    doc: document,
    adapter,
    unmuteCardOn: async () => (await getSettings()).meetings.unmuteCard,
    cardUrl: (params) => `${browser.runtime.getURL('/meeting-card.html')}?${params}`,
    chipPosition: async () => chipPositionOf(await meetingChipItem.getValue()),
    saveChipPosition: (p) => void meetingChipItem.setValue(p),
    url: () => location.href,
    async callStarted() {
      const [settings, askedLast] = await Promise.all([getSettings(), lastCallAskedItem.getValue()]);
      const ask = askAfterThisCall(settings.meetings.afterCall, askedLast === true);
      await lastCallAskedItem.setValue(ask);
      if (ask) {
        await pendingMeetingItem.setValue(pendingMeetingFor(adapter.label, location.href, Date.now()));
        await meetingAsksItem.setValue(countAsk(await meetingAsksItem.getValue(), dayKey(Date.now())));
      }
      return ask;
    },
    async callPending() {
      return isPendingFor(normalisePendingMeeting(await pendingMeetingItem.getValue()), adapter.label, Date.now());
    },
    reportUnread: (part) => void noteUnread(adapter.platform, { part, at: Date.now() }),
    reportRead: () => void dropUnread(adapter.platform),
    life,
    listen({ open, close, fit, reading }, signal) {
      const offs = [
        meetingTabMessaging.onMessage('meetingOpenPause', open),
        meetingTabMessaging.onMessage('meetingCloseCard', close),
        meetingTabMessaging.onMessage('meetingFitCard', ({ data }) => fit(data.moment, data.height)),
        meetingTabMessaging.onMessage('meetingReading', reading),
      ];
      signal.addEventListener('abort', () => offs.forEach((off) => off()));
    },
  });
}
