import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { pendingMeetingItem, settingsItem } from '@/lib/settings/storage-registry';
import { browser, type Browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { timeSortableId } from '@/lib/browser/ids';
import { getReflection } from './journal-fixtures';
import { handleMeetingCardClose, handleMeetingNote, handlePauseShortcut, MEETING_NOTE_MAX } from '@/lib/meetings/actions';
import type { MeetingMoment } from '@/lib/browser/messages';
import { MEETING_PLATFORMS } from '@/lib/meetings/platforms';
import type { Sender } from '@/lib/browser/messages';
import { type PendingMeeting } from '@/lib/meetings/pending-meeting';
import type { TriggerSite } from '@/lib/settings/settings';
import { siteFromPreset } from '@/lib/sites/trigger-sites';
import { siteFromInput } from '@/lib/sites/site-input';
import { presetById } from './builders';

const NOW = 1_700_000_000_000;
const MIN = 60_000;
const CALL = 'https://meet.google.com/abc-defg-hij';
const platform = (id: string) => MEETING_PLATFORMS.find((p) => p.id === id)!;
const meet = siteFromPreset(platform('meet'), 'meeting');
const zoomOff: TriggerSite = { ...siteFromPreset(platform('zoom'), 'meeting'), enabled: false };
const reddit = siteFromPreset(presetById('reddit')!);
const pending: PendingMeeting = { platform: 'Google Meet', meetingId: CALL, joinedAt: NOW - 30 * MIN };

const cardPage = () => `${browser.runtime.getURL('/meeting-card.html')}?moment=after&platform=meet&label=Google+Meet`;
const fromCard = (tabUrl = `${CALL}?authuser=1#chat`): Sender => ({ url: cardPage(), tab: { id: 7, url: tabUrl } });

/** What reached tabs, as [tab, message type, options]. */
let sent: [number, string, unknown][];
let noteId: string;
beforeEach(async () => {
  noteId = timeSortableId(NOW); // a fresh id each test: the journal outlives fakeBrowser.reset()
  const ownHost = siteFromInput({ sites: [], meetings: { unmuteCard: false, afterCall: 'some' } }, 'jitsi.example.org', 'meeting');
  if (!ownHost.ok) throw new Error(ownHost.error);
  await settingsItem.setValue({ sites: [meet, zoomOff, reddit, ownHost.site], meetings: { unmuteCard: false, afterCall: 'some' } });
  await pendingMeetingItem.setValue(pending);
  sent = [];
  answerWith({ res: undefined });
});

/**
 * @webext-core/messaging calls chrome.tabs.sendMessage with a callback (the test setup makes
 * `chrome` the fake browser, whose tabs.sendMessage is not implemented): record what is sent,
 * and answer the way the browser calls back.
 */
function answerWith(reply: unknown): void {
  const send = (tabId: number, message: unknown, options?: unknown, respond?: (r: unknown) => void): Promise<void> => {
    sent.push([tabId, (message as { type: string }).type, options]);
    respond?.(reply);
    return Promise.resolve();
  };
  vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation(send);
}
afterEach(() => {
  vi.restoreAllMocks();
});

const note = (over: Partial<Parameters<typeof handleMeetingNote>[0]> = {}) => ({
  noteId,
  text: 'Agreed to the launch date, not to extra scope',
  prompt: 'What do I want from this meeting?',
  moment: 'before' as MeetingMoment,
  platform: 'meet',
  ...over,
});

const forged: [string, () => Sender][] = [
  ['the meeting page itself', () => ({ url: CALL, tab: { id: 7, url: CALL } })],
  ['another page of the extension', () => ({ url: browser.runtime.getURL('/options.html'), tab: { id: 7, url: CALL } })],
  ['the feed pause page', () => ({ url: browser.runtime.getURL('/pause.html'), tab: { id: 7, url: CALL } })],
  ['another extension’s card', () => ({ url: 'chrome-extension://someone-else/meeting-card.html', tab: { id: 7, url: CALL } })],
  ['the card outside a tab', () => ({ url: cardPage() })],
  ['the card in a tab whose address the browser did not give', () => ({ url: cardPage(), tab: { id: 7 } })],
  ['the card in a tab with no id', () => ({ url: cardPage(), tab: { url: CALL } })],
  ['the card on a site not in the list', () => fromCard('https://evil.example/meet.google.com')],
  ['the card on a feed site', () => fromCard('https://www.reddit.com/r/all')],
  ['the card on a meeting site the user turned off', () => fromCard('https://app.zoom.us/wc/123/join')],
];

describe('who may act for a meeting card', () => {
  it.each(forged)('ignores a line from %s', async (_, sender) => {
    await handleMeetingNote(note({ moment: 'after' }), sender(), NOW);
    expect(await getReflection(noteId)).toBeUndefined();
    expect(await pendingMeetingItem.getValue()).toEqual(pending);
  });

  it.each(forged)('ignores a close from %s', async (_, sender) => {
    await handleMeetingCardClose({ moment: 'after' }, sender());
    expect(sent).toEqual([]);
    expect(await pendingMeetingItem.getValue()).toEqual(pending);
  });

  it('accepts the card on a meeting host the user added', async () => {
    await handleMeetingNote(note(), fromCard('https://jitsi.example.org/team-sync'), NOW);
    expect((await getReflection(noteId))?.source).toEqual({ kind: 'meeting', platform: 'meet', moment: 'before', meetingId: 'https://jitsi.example.org/team-sync' });
  });
});

describe('handleMeetingNote', () => {
  it.each<[MeetingMoment, PendingMeeting | null]>([
    ['before', pending],
    ['during', pending],
    ['after', null],
  ])('keeps a line written %s the call, linked to the meeting; settles the pending question: %o', async (moment, left) => {
    await handleMeetingNote(note({ moment, text: 'Said yes to the report #boundary' }), fromCard(), NOW);
    expect(await getReflection(noteId)).toEqual({
      v: 1,
      id: noteId,
      createdAt: NOW,
      updatedAt: NOW,
      text: 'Said yes to the report #boundary',
      tags: ['boundary'],
      prompt: 'What do I want from this meeting?',
      // The meeting is its address without what the page put in the query or fragment.
      source: { kind: 'meeting', platform: 'meet', moment, meetingId: CALL },
    });
    expect(await pendingMeetingItem.getValue()).toEqual(left);
  });

  it.each([
    ['empty', ''],
    ['spaces', '   '],
    ['blank lines and tabs', '\n\t \r\n'],
    ['not text', 42],
    ['missing', undefined],
  ])('saves nothing for %s text, and leaves the question after the call open', async (_, text) => {
    await handleMeetingNote(note({ moment: 'after', text: text as string }), fromCard(), NOW);
    expect(await getReflection(noteId)).toBeUndefined();
    expect(await pendingMeetingItem.getValue()).toEqual(pending);
  });

  it.each([
    ['empty', ''],
    ['made up', 'note-1'],
    ['uppercase', 'LOUDLOUD0-ABCDEFGH'],
    ['a path', '../../reflections'],
    ['a number', 12345],
  ])('refuses a %s note id', async (_, id) => {
    await handleMeetingNote(note({ noteId: id as string }), fromCard(), NOW);
    expect(await getReflection(String(id))).toBeUndefined();
  });

  it.each(['unmute', 'whenever', undefined])('refuses a line for the moment %s (only before, during and after take one)', async (moment) => {
    await handleMeetingNote(note({ moment: moment as MeetingMoment }), fromCard(), NOW);
    expect(await getReflection(noteId)).toBeUndefined();
    expect(await pendingMeetingItem.getValue()).toEqual(pending);
  });

  it.each([
    ['folds lines and runs of space into one line', '  Said yes\n\n to  the\treport  ', 'Said yes to the report'],
    ['caps a long line', 'a'.repeat(MEETING_NOTE_MAX + 300), 'a'.repeat(MEETING_NOTE_MAX)],
    ['caps after folding, so spaces do not eat the room', `${' \n'.repeat(400)}${'b'.repeat(MEETING_NOTE_MAX)}`, 'b'.repeat(MEETING_NOTE_MAX)],
  ])('%s', async (_, text, kept) => {
    await handleMeetingNote(note({ text }), fromCard(), NOW);
    expect((await getReflection(noteId))?.text).toBe(kept);
  });

  it.each([
    ['a long platform name is cut', { platform: 'p'.repeat(100) }, { platform: 'p'.repeat(40) }],
    ['a platform that is not text reads as "meeting"', { platform: 7 as unknown as string }, { platform: 'meeting' }],
  ])('%s', async (_, over, source) => {
    await handleMeetingNote(note(over), fromCard(), NOW);
    expect((await getReflection(noteId))?.source).toMatchObject(source);
  });

  it.each([
    ['a long prompt is cut', 'q'.repeat(300), 'q'.repeat(200)],
    ['a prompt that is not text is left out', 5 as unknown as string, undefined],
    ['an empty prompt is left out', '', undefined],
  ])('%s', async (_, prompt, kept) => {
    await handleMeetingNote(note({ prompt }), fromCard(), NOW);
    expect((await getReflection(noteId))?.prompt).toBe(kept);
  });
});

describe('handleMeetingCardClose', () => {
  it.each<[MeetingMoment, PendingMeeting | null]>([
    ['before', pending],
    ['during', pending],
    ['unmute', pending],
    ['after', null],
  ])('takes the %s card away in the tab that showed it; the pending question is then %o', async (moment, left) => {
    await handleMeetingCardClose({ moment }, fromCard());
    expect(sent).toEqual([[7, 'meetingCloseCard', { frameId: 0 }]]);
    expect(await pendingMeetingItem.getValue()).toEqual(left);
  });

  it('settles even when the tab cannot be reached any more', async () => {
    vi.mocked(fakeBrowser.tabs.sendMessage).mockImplementation(() => {
      throw new Error('Could not establish connection. Receiving end does not exist.');
    });
    await expect(handleMeetingCardClose({ moment: 'after' }, fromCard())).resolves.toBeUndefined();
    expect(await pendingMeetingItem.getValue()).toBeNull();
  });
});

describe('handlePauseShortcut', () => {
  // The fake browser keeps no focused window; what the browser reports is stood in for here.
  const activeTab = (tab: Partial<Browser.tabs.Tab> | undefined) =>
    vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue(tab ? [{ index: 0, highlighted: true, active: true, pinned: false, incognito: false, ...tab }] : []);

  it('asks the page in the active tab of the current window to open the pause card', async () => {
    const query = activeTab({ id: 12, url: CALL });
    await handlePauseShortcut();
    expect(query).toHaveBeenCalledWith({ active: true, currentWindow: true });
    expect(sent).toEqual([[12, 'meetingOpenPause', { frameId: 0 }]]);
  });

  it.each([
    ['no active tab', undefined],
    ['an active tab without an id (a devtools window)', {}],
  ])('does nothing with %s', async (_, tab) => {
    activeTab(tab);
    await handlePauseShortcut();
    expect(sent).toEqual([]);
  });

  it('settles when nothing in the active tab listens', async () => {
    activeTab({ id: 12, url: 'https://example.com/' });
    answerWith(undefined); // what the callback gets when no content script answered
    await expect(handlePauseShortcut()).resolves.toBeUndefined();
    expect(sent).toHaveLength(1);
  });
});
