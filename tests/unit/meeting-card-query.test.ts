import { describe, expect, it } from 'vitest';
import { AUTO_CLOSE_MS, MEETING_PROMPTS, readMeetingCardQuery, type MeetingCardQuery } from '@/lib/meetings/card-query';
import type { MeetingMoment } from '@/lib/browser/messages';
import { CARD_SIZE } from '@/lib/meetings/guard';

describe('readMeetingCardQuery', () => {
  it.each<[string, string, MeetingCardQuery]>([
    ['what the content script writes', '?moment=after&platform=meet&label=Google+Meet', { moment: 'after', platform: 'meet', label: 'Google Meet' }],
    ['each moment it knows: before', '?moment=before&platform=zoom&label=Zoom', { moment: 'before', platform: 'zoom', label: 'Zoom' }],
    ['each moment it knows: unmute', 'moment=unmute&platform=teams&label=Microsoft%20Teams', { moment: 'unmute', platform: 'teams', label: 'Microsoft Teams' }],
    ['an unknown moment is the plain pause', '?moment=sideways&platform=jitsi&label=Jitsi+Meet', { moment: 'during', platform: 'jitsi', label: 'Jitsi Meet' }],
    ['a moment in other case is unknown', '?moment=AFTER', { moment: 'during', platform: '', label: 'the meeting' }],
    ['nothing at all', '', { moment: 'during', platform: '', label: 'the meeting' }],
    ['the first of repeated fields', '?moment=before&moment=after&label=A&label=B', { moment: 'before', platform: '', label: 'A' }],
  ])('%s', (_, search, query) => {
    expect(readMeetingCardQuery(search)).toEqual(query);
  });

  it('clips a long platform to 40 and a long label to 60 characters', () => {
    const q = readMeetingCardQuery(`?moment=during&platform=${'p'.repeat(100)}&label=${'l'.repeat(100)}`);
    expect(q.platform).toBe('p'.repeat(40));
    expect(q.label).toBe('l'.repeat(60));
  });
});

describe('what each card asks, and how long it stays', () => {
  const MOMENTS = Object.keys(CARD_SIZE) as MeetingMoment[];

  it.each<[MeetingMoment, string]>([
    ['before', 'What do I want from this meeting? What will I not agree to without thinking?'],
    ['during', 'Is this really my choice?'],
    ['unmute', 'A breath before speaking.'],
    ['after', "Did I agree to anything I didn't choose?"],
  ])('the %s card asks “%s”', (moment, prompt) => {
    expect(MEETING_PROMPTS[moment]).toBe(prompt);
  });

  it('every moment a card is shown for has a question', () => {
    expect(Object.keys(MEETING_PROMPTS).sort()).toEqual([...MOMENTS].sort());
  });

  it.each<[MeetingMoment, number | undefined]>([
    ['unmute', 3000], // three seconds
    ['during', 8000], // one slow breath
    ['before', undefined], // stays until the user answers or closes it
    ['after', undefined],
  ])('the %s card closes itself after %s ms', (moment, ms) => {
    expect(AUTO_CLOSE_MS[moment]).toBe(ms);
  });
});
