import { describe, expect, it } from 'vitest';
import {
  describeReading,
  describeUnread,
  normaliseUnread,
  unreadPart,
  UNREAD_AFTER_MS,
  withoutUnread,
  withUnread,
  type ReadHistory,
} from '@/lib/meetings/reading';
import type { MeetingReading } from '@/lib/browser/messages';
import { inGerman } from '../german';

const R = (phase: MeetingReading['phase'], mic: MeetingReading['mic']): MeetingReading => ({ platform: 'meet', label: 'Google Meet', phase, mic });

describe('describeReading', () => {
  it.each<[string, MeetingReading | undefined, string]>([
    ['in call, mic on', R('in-call', 'unmuted'), 'Google Meet · in call · microphone on'],
    ['in call, mic off', R('in-call', 'muted'), 'Google Meet · in call · microphone off'],
    ['in call, mic unreadable', R('in-call', 'unknown'), 'Google Meet · in call'],
    ['before joining', R('pre-join', 'muted'), 'Google Meet · before joining · microphone off'],
    ['after the call the mic is not worth saying', R('left', 'muted'), 'Google Meet · call ended'],
    ['a phase it cannot read', R('unknown', 'unmuted'), "Google Meet: can't tell the call's state here; the shortcut and chip still work."],
    ['a page that does not answer', undefined, "Can't tell the call's state here; the shortcut and chip still work."],
  ])('%s', (_name, reading, line) => {
    expect(describeReading(reading)).toBe(line);
  });
});

describe('unreadPart', () => {
  const H = (h: Partial<ReadHistory>): ReadHistory => ({ openMs: 0, phaseKnown: false, inCallMs: 0, micKnown: false, ...h });
  const LONG = UNREAD_AFTER_MS;
  it.each<[string, ReadHistory, ReturnType<typeof unreadPart>]>([
    ['a page just opened', H({ openMs: 5000 }), undefined],
    ['a whole visit with no phase', H({ openMs: LONG }), 'phase'],
    ['a phase read once is enough', H({ openMs: LONG * 10, phaseKnown: true }), undefined],
    ['a whole call without the mic', H({ openMs: LONG * 2, phaseKnown: true, inCallMs: LONG }), 'mic'],
    ['a short call without the mic', H({ openMs: LONG * 2, phaseKnown: true, inCallMs: LONG - 1 }), undefined],
    ['a call with the mic read', H({ openMs: LONG * 2, phaseKnown: true, inCallMs: LONG, micKnown: true }), undefined],
  ])('%s', (_name, history, part) => {
    expect(unreadPart(history)).toBe(part);
  });
});

describe('unread notes', () => {
  const at = Date.UTC(2026, 11, 2, 12);
  it('keeps well-formed notes only', () => {
    expect(normaliseUnread({ zoom: { part: 'phase', at }, meet: { part: 'camera', at }, skype: { part: 'mic', at }, teams: { part: 'mic', at: 'x' } })).toEqual({
      zoom: { part: 'phase', at },
    });
    expect(normaliseUnread('junk')).toEqual({});
    expect(normaliseUnread(null)).toEqual({});
  });

  it('sets one platform, and clears it only when it is there', () => {
    const one = withUnread(undefined, 'zoom', { part: 'phase', at });
    expect(one).toEqual({ zoom: { part: 'phase', at } });
    expect(withUnread(one, 'webex', { part: 'mic', at })).toEqual({ zoom: { part: 'phase', at }, webex: { part: 'mic', at } });
    expect(withoutUnread(one, 'zoom')).toEqual({});
    expect(withoutUnread(one, 'meet')).toBeUndefined();
  });

  it('says what could not be read, and what it means for the user', () => {
    expect(describeUnread('Zoom', { part: 'phase', at }, 'en-GB')).toMatch(/^On 2 December, Pause Moment could not tell where you were in a Zoom call/);
    expect(describeUnread('Webex', { part: 'mic', at }, 'en-GB')).toMatch(/could not read your microphone in a Webex call, so the breath on unmute could not show/);
  });

  it('says it in German in a German browser, the day too', () => {
    expect(inGerman(() => describeUnread('Zoom', { part: 'phase', at }))).toMatch(/^Am 2\. Dezember konnte Pause Moment in einem Meeting in Zoom nicht erkennen/);
    expect(inGerman(() => describeReading(R('in-call', 'muted')))).toBe('Google Meet · im Meeting · Mikrofon aus');
  });
});
