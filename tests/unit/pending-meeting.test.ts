import { describe, expect, it } from 'vitest';
import { pendingMeetingItem } from '@/lib/settings/storage-registry';
import { meetingIdOf, normalisePendingMeeting, pendingMeetingFor, type PendingMeeting } from '@/lib/meetings/pending-meeting';

const T = 1_700_000_000_000;
const good: PendingMeeting = { platform: 'Google Meet', meetingId: 'https://meet.google.com/abc-defg-hij', joinedAt: T };

describe('normalisePendingMeeting', () => {
  it.each<[string, unknown]>([
    ['nothing', undefined],
    ['null', null],
    ['a string', 'https://meet.google.com/abc'],
    ['a number', 42],
    ['true', true],
    ['an empty object', {}],
    ['a list', [good]],
    ['no platform', { meetingId: good.meetingId, joinedAt: T }],
    ['a platform that is not text', { ...good, platform: 1 }],
    ['no meeting id', { platform: 'Zoom', joinedAt: T }],
    ['a meeting id that is not text', { ...good, meetingId: { href: 'x' } }],
    ['no time', { platform: 'Zoom', meetingId: good.meetingId }],
    ['a time as text', { ...good, joinedAt: String(T) }],
  ])('reads %s as no pending meeting', (_, raw) => {
    expect(normalisePendingMeeting(raw)).toBeNull();
  });

  it('keeps a well-formed one as it is, without extra fields', () => {
    expect(normalisePendingMeeting({ ...good, extra: '<script>' })).toEqual(good);
  });

  it('cuts an overlong platform and meeting id', () => {
    const p = normalisePendingMeeting({ platform: 'p'.repeat(100), meetingId: `https://x.example/${'m'.repeat(400)}`, joinedAt: T })!;
    expect(p.platform).toHaveLength(40);
    expect(p.meetingId).toHaveLength(300);
  });

  it('starts empty, so a fresh install asks about no call', async () => {
    expect(await pendingMeetingItem.getValue()).toBeNull();
  });
});

describe('meetingIdOf', () => {
  it.each<[string, string, string]>([
    ['drops the query', 'https://meet.google.com/abc-defg-hij?authuser=1&pli=1', 'https://meet.google.com/abc-defg-hij'],
    ['drops the fragment', 'https://meet.jit.si/TeamSync#config.startWithAudioMuted=true', 'https://meet.jit.si/TeamSync'],
    ['drops both, keeping the path', 'https://app.zoom.us/wc/123456/join?pwd=secret#x', 'https://app.zoom.us/wc/123456/join'],
    ['drops credentials in the address', 'https://user:pass@whereby.com/room', 'https://whereby.com/room'],
    ['keeps a port', 'http://localhost:8443/room', 'http://localhost:8443/room'],
    ['lowercases the host', 'https://Teams.Microsoft.com/l/meetup-join/1', 'https://teams.microsoft.com/l/meetup-join/1'],
    ['not an address', 'meet.google.com/abc', ''],
    ['empty', '', ''],
    ['garbage', '::::', ''],
  ])('%s', (_, url, id) => {
    expect(meetingIdOf(url)).toBe(id);
  });

  it('caps a very long address at 300 characters', () => {
    expect(meetingIdOf(`https://whereby.com/${'r'.repeat(500)}`)).toHaveLength(300);
  });
});

describe('pendingMeetingFor', () => {
  it('links the call to the meeting address without what the page put in the query, and keeps when it started', () => {
    expect(pendingMeetingFor('Google Meet', 'https://meet.google.com/abc-defg-hij?authuser=1#x', 42)).toEqual({
      platform: 'Google Meet',
      meetingId: 'https://meet.google.com/abc-defg-hij',
      joinedAt: 42,
    });
  });
});
