import { defineExtensionMessaging } from '@webext-core/messaging';

/** Who sent a message, as the background sees it: only our own pages in a tab may act. */
export interface Sender {
  url?: string;
  tab?: { id?: number; url?: string };
}

/** Why a pause showed: the user arrived, or their open time on the site ended. */
export type PauseReason = 'arrived' | 'window-ended';

/** Today's pauses, for the popup. */
export interface PauseSummary {
  pauses: number;
  leaves: number;
  continues: number;
}

/** The moments a meeting card is shown for. */
export type MeetingMoment = 'before' | 'during' | 'unmute' | 'after';

/** Where the user is in a call, as a meeting page reads it. */
export type CallPhase = 'pre-join' | 'in-call' | 'left' | 'unknown';

/** The user's own microphone, as the meeting's own toggle shows it. */
export type MicState = 'muted' | 'unmuted' | 'unknown';

/** The meeting platforms Pause Moment knows. */
export type PlatformId = 'meet' | 'zoom' | 'teams' | 'webex' | 'jitsi' | 'whereby';

/** One meeting tab's reading, as its content script answers the popup. */
export interface MeetingReading {
  platform: PlatformId;
  /** "Google Meet", as the adapter names it. */
  label: string;
  phase: CallPhase;
  mic: MicState;
}

/** Identifies one pause: made by the content script when it shows the pause. */
export interface PauseRef {
  pauseId: string;
  siteId: string;
}

/**
 * How a pause looks: the question and a breath (the default), what the user
 * came for asked first, their own earlier words at the centre, or a longer breath.
 */
export type PauseStyle = 'question' | 'intention-first' | 'words' | 'long-breath';

/**
 * What only the background knows about a pause, as it answers the pause page
 * (never the content script): how long this pause waits and why, which visit
 * of the day it is, the style it shows, and one line the user wrote earlier.
 */
export interface PauseShownAnswer {
  waitSeconds: number;
  /** Which visit of the day this is, counted since the latest note at a pause on the site: 1 for the first. */
  visit: number;
  /** Why the wait is longer than the site's own, in words; absent when it is not. */
  waitReason?: string;
  /** One line the user wrote earlier, with when (epoch ms). */
  words?: { text: string; at: number };
  style: PauseStyle;
  /** The style shows for the first time on this site, so the pause says why it looks different. */
  styleIsNew: boolean;
}

/** The payload of message `K` of protocol `P`: what its handler takes. */
export type Payload<P, K extends keyof P> = P[K] extends (data: infer D) => unknown ? D : never;

/**
 * Messages from the pause page (an extension page framed inside the site)
 * to the background. The background checks the sender is our own pause page
 * in a tab before acting, so a site cannot forge a choice.
 */
export interface PauseProtocol {
  /** The pause page is up: the background records it and answers with what it needs (undefined for a sender it refuses). */
  pauseShown(data: PauseRef & { host: string; reason: PauseReason }): PauseShownAnswer | undefined;
  pauseLeave(data: PauseRef & { canGoBack: boolean }): void;
  pauseContinue(data: PauseRef & { minutes: number; intention?: string }): void;
  /** A one-line note written at the pause, kept as a reflection linked to it. `noteId` is made by the writer. */
  pauseNote(data: PauseRef & { noteId: string; text: string; prompt: string }): void;
}

/**
 * How long the user snoozed pauses for, as chosen in the popup: 15 minutes,
 * an hour, until the next morning, or (in a test build only) 20 seconds.
 */
export type SnoozeLength = '15m' | '1h' | 'morning' | 'test-20s';

/** Messages from the popup to the background, which alone starts and ends a snooze (its record, alarm and badge). */
export interface SnoozeProtocol {
  /** Snoozes pauses for `length`: on one site (`siteId`, a chosen feed site), or on all when absent. */
  snoozeStart(data: { length: SnoozeLength; siteId?: string }): void;
  /** Ends the snooze now. */
  snoozeEnd(): void;
}

/**
 * Messages from the check-in card (an extension page framed at the corner of
 * a feed site, inside an open time) to the background, which checks the
 * sender the same way as the pause's before acting on the site's open time.
 */
export interface CheckInProtocol {
  /** Keep going: the tab hides the card and sets the next check-in one interval further on. */
  checkInKeepGoing(data: { siteId: string }): void;
  /** Leave: the open time on the site ends (the next visit pauses) and the tab leaves the site. */
  checkInLeave(data: { siteId: string; canGoBack: boolean }): void;
  /** A one-line note, kept as a reflection linked to the open time. `noteId` is made by the writer. */
  checkInNote(data: { siteId: string; noteId: string; text: string; prompt: string }): void;
}

/** Typed messaging between extension pages and the background. */
export const messaging = defineExtensionMessaging<PauseProtocol & MeetingProtocol & SnoozeProtocol & CheckInProtocol>();

/**
 * Messages from the meeting card (an extension page framed in the meeting
 * page) to the background, which checks the sender the same way.
 */
export interface MeetingProtocol {
  /** A line written on a meeting card, kept as a reflection linked to the meeting. */
  meetingNote(data: { noteId: string; text: string; prompt: string; moment: MeetingMoment; platform: string }): void;
  /** The card is done (saved, skipped or timed out): the background tells the tab to take it away. */
  meetingCardClose(data: { moment: MeetingMoment }): void;
  /** The card's drawn height in CSS px: the background tells the tab to fit the card's frame to it. */
  meetingCardHeight(data: { moment: MeetingMoment; height: number }): void;
}

/** Messages from the background to a meeting tab's content script. */
export interface MeetingTabProtocol {
  meetingOpenPause(): void;
  meetingCloseCard(): void;
  /** Fits the frame of the card showing `moment` to the card's own height. */
  meetingFitCard(data: { moment: MeetingMoment; height: number }): void;
  /** What the page reads of the call, for the popup's line. */
  meetingReading(): MeetingReading;
}

/** Typed messaging from the background to meeting tabs. */
export const meetingTabMessaging = defineExtensionMessaging<MeetingTabProtocol>();
