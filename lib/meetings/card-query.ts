import { i18n } from '#i18n';
import { clipWhole } from '../browser/text';
import type { MeetingMoment } from '../browser/messages';

/** What the meeting content script tells the card through its URL. */
export interface MeetingCardQuery {
  moment: MeetingMoment;
  platform: string;
  label: string;
}

const MOMENTS: readonly MeetingMoment[] = ['before', 'during', 'unmute', 'after'];

/** Reads the card's query string; an unknown moment reads as the plain pause. */
export function readMeetingCardQuery(search: string): MeetingCardQuery {
  const q = new URLSearchParams(search);
  const moment = MOMENTS.find((m) => m === q.get('moment')) ?? 'during';
  return { moment, platform: clipWhole(q.get('platform') ?? '', 40), label: clipWhole(q.get('label') ?? 'the meeting', 60) };
}

/** The question each card asks, in the browser's language. */
export const MEETING_PROMPTS: Record<MeetingMoment, string> = {
  before: i18n.t('meetings.prompt.before'),
  during: i18n.t('meetings.prompt.during'),
  unmute: i18n.t('meetings.prompt.unmute'),
  after: i18n.t('meetings.prompt.after'),
};

/** How long a card stays when the user does nothing: one slow breath, or three seconds on unmute. */
export const AUTO_CLOSE_MS: Partial<Record<MeetingMoment, number>> = { during: 8000, unmute: 3000 };
