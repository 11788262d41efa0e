import { browser } from 'wxt/browser';
import { pendingMeetingItem } from '../settings/storage-registry';
import { isTimeSortableId } from '../browser/ids';
import { clipWhole, oneLine } from '../browser/text';
import { saveReflection } from '../journal/store';
import { meetingTabMessaging, type MeetingProtocol, type Payload } from '../browser/messages';
import { meetingIdOf } from './pending-meeting';
import { newReflection } from '../journal/reflection';
import { getSettings } from '../settings/store';
import { siteForUrl } from '../sites/trigger-sites';
import type { Sender } from '../browser/messages';
import { isOwnPage } from '../browser/own-page';

/** Longest line kept from a meeting card. */
export const MEETING_NOTE_MAX = 500;

/**
 * The tab a meeting card message may act for: only our own card page, framed
 * in a tab that is on one of the user's enabled meeting sites.
 */
export async function tabForCardSender(sender: Sender): Promise<{ tabId: number; url: string } | undefined> {
  const url = sender.tab?.url;
  if (!isOwnPage(sender.url, '/meeting-card.html') || sender.tab?.id == null || !url) return undefined;
  if (!siteForUrl(await getSettings(), url, 'meeting')) return undefined;
  return { tabId: sender.tab.id, url };
}

/** Keeps a line from a meeting card as a reflection linked to the meeting; after the call it also settles the pending reflection. */
export async function handleMeetingNote(data: Payload<MeetingProtocol, 'meetingNote'>, sender: Sender, now = Date.now()): Promise<void> {
  const tab = await tabForCardSender(sender);
  if (!tab || !isTimeSortableId(data.noteId) || typeof data.text !== 'string') return;
  const text = oneLine(data.text, MEETING_NOTE_MAX);
  const moment = (['before', 'during', 'after'] as const).find((m) => m === data.moment);
  if (!text || !moment) return;
  const platform = typeof data.platform === 'string' ? clipWhole(data.platform, 40) : 'meeting';
  const prompt = typeof data.prompt === 'string' ? clipWhole(data.prompt, 200) : undefined;
  await saveReflection(newReflection(data.noteId, now, text, { kind: 'meeting', platform, moment, meetingId: meetingIdOf(tab.url) }, prompt ? { prompt } : {}));
  if (moment === 'after') await pendingMeetingItem.setValue(null);
}

/** Takes the card away in the tab that showed it. Closing the after-call card settles the pending reflection too. */
export async function handleMeetingCardClose(data: Payload<MeetingProtocol, 'meetingCardClose'>, sender: Sender): Promise<void> {
  const tab = await tabForCardSender(sender);
  if (!tab) return;
  if (data?.moment === 'after') await pendingMeetingItem.setValue(null);
  await meetingTabMessaging.sendMessage('meetingCloseCard', undefined, { tabId: tab.tabId, frameId: 0 }).catch(() => undefined);
}

/** Passes the card's drawn height on to the tab that shows it, so its frame ends where the card does. */
export async function handleMeetingCardHeight(data: Payload<MeetingProtocol, 'meetingCardHeight'>, sender: Sender): Promise<void> {
  const height = Number(data?.height);
  const moment = (['before', 'during', 'unmute', 'after'] as const).find((m) => m === data?.moment);
  if (!moment || !Number.isFinite(height) || height <= 0) return;
  const tab = await tabForCardSender(sender);
  if (!tab) return;
  await meetingTabMessaging.sendMessage('meetingFitCard', { moment, height }, { tabId: tab.tabId, frameId: 0 }).catch(() => undefined);
}

/** The keyboard shortcut: open the pause card in the active tab, if it is a meeting page of the user's. */
export async function handlePauseShortcut(): Promise<void> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (tab?.id == null) return;
  await meetingTabMessaging.sendMessage('meetingOpenPause', undefined, { tabId: tab.id, frameId: 0 }).catch(() => undefined);
}
