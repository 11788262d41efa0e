import { get } from 'idb-keyval';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { timeSortableId } from '@/lib/browser/ids';
import type { Sender } from '@/lib/browser/messages';
import { handlePauseContinue, handlePauseNote, handlePauseShown } from '@/lib/pause/actions';
import { pauseLogStore, type PauseRecord } from '@/lib/pause/log';
import type { TriggerSite } from '@/lib/settings/settings';
import { settingsItem } from '@/lib/settings/storage-registry';
import { siteFromPreset } from '@/lib/sites/trigger-sites';
import { presetById } from './builders';
import { saveReflection } from '@/lib/journal/store';
import { newReflection } from '@/lib/journal/reflection';

const MIN = 60_000;
const reddit: TriggerSite = { ...siteFromPreset(presetById('reddit')!), waitSeconds: 5 };
const fromPause = (): Sender => ({ url: `${browser.runtime.getURL('/pause.html')}?site=reddit`, tab: { id: 7, url: 'https://www.reddit.com/r/all' } });
const record = (id: string) => get<PauseRecord>(id, pauseLogStore());

/** Noon (UTC) of a day of its own for each test: the pause history outlives the fake browser's reset. */
let day = Date.UTC(2031, 0, 1, 12);
beforeEach(async () => {
  day += 3 * 24 * 60 * MIN;
  await settingsItem.setValue({ sites: [reddit], meetings: { unmuteCard: false, afterCall: 'some' } });
  vi.spyOn(fakeBrowser.alarms, 'create').mockResolvedValue(undefined);
});

/** A pause shown at `at`, as the pause page reports it; returns its id and the background's answer. */
async function show(at: number) {
  const pauseId = timeSortableId(at);
  const answer = await handlePauseShown({ pauseId, siteId: 'reddit', host: 'www.reddit.com', reason: 'arrived' }, fromPause(), at);
  return { pauseId, answer };
}

describe('what the background answers a pause with', () => {
  it('the first pause of the day: the site’s own wait, no reason', async () => {
    const { pauseId, answer } = await show(day);
    expect(answer).toMatchObject({ waitSeconds: 5, visit: 1, style: 'question', styleIsNew: false });
    expect(answer?.waitReason).toBeUndefined();
    expect((await record(pauseId))?.waitSeconds).toBe(5);
  });

  it('after two Continues that day, a longer wait with its reason, recorded in the history; the same pause shown again keeps it', async () => {
    for (const at of [day, day + MIN]) {
      const { pauseId } = await show(at);
      await handlePauseContinue({ pauseId, siteId: 'reddit', minutes: 1 }, fromPause(), at + 1000);
    }
    const { pauseId, answer } = await show(day + 2 * MIN);
    expect(answer).toMatchObject({ waitSeconds: 15, visit: 3, waitReason: 'Third visit today, so a longer breath: 15 s.' });
    expect((await record(pauseId))?.waitSeconds).toBe(15);
    const again = await handlePauseShown({ pauseId, siteId: 'reddit', host: 'www.reddit.com', reason: 'arrived' }, fromPause(), day + 3 * MIN);
    expect(again?.waitSeconds).toBe(15);
  });

  it('a note written at a pause starts the count again', async () => {
    for (const [i, at] of [day, day + MIN].entries()) {
      const { pauseId } = await show(at);
      if (i === 1) await handlePauseNote({ pauseId, siteId: 'reddit', noteId: timeSortableId(at + 500), text: 'Just the one thread.', prompt: 'What do I want right now?' }, fromPause(), at + 500);
      await handlePauseContinue({ pauseId, siteId: 'reddit', minutes: 1 }, fromPause(), at + 1000);
    }
    const { answer } = await show(day + 2 * MIN);
    expect(answer).toMatchObject({ waitSeconds: 5, visit: 1 });
  });

  it('follows the rule in the settings: off, or another step and cap', async () => {
    await settingsItem.setValue({ sites: [reddit], meetings: { unmuteCard: false, afterCall: 'some' }, friction: { on: true, stepSeconds: 20, capSeconds: 12 } });
    const first = await show(day);
    await handlePauseContinue({ pauseId: first.pauseId, siteId: 'reddit', minutes: 1 }, fromPause(), day + 1000);
    expect((await show(day + MIN)).answer?.waitSeconds).toBe(12);
    await settingsItem.setValue({ sites: [reddit], meetings: { unmuteCard: false, afterCall: 'some' }, friction: { on: false, stepSeconds: 5, capSeconds: 30 } });
    expect((await show(day + 2 * MIN)).answer?.waitSeconds).toBe(5);
  });

  it('answers nothing to a sender it refuses', async () => {
    const pauseId = timeSortableId(day);
    expect(await handlePauseShown({ pauseId, siteId: 'reddit', host: 'x', reason: 'arrived' }, { url: 'https://www.reddit.com/', tab: { id: 7 } }, day)).toBeUndefined();
  });

  it('shows a note written at an earlier pause on the site at the next, never twice in a row, and a #tagged reflection too', async () => {
    const youtube: TriggerSite = { ...siteFromPreset(presetById('youtube')!), waitSeconds: 5 };
    await settingsItem.setValue({ sites: [reddit, youtube], meetings: { unmuteCard: false, afterCall: 'some' } });
    const fromYoutube = (): Sender => ({ url: `${browser.runtime.getURL('/pause.html')}?site=youtube`, tab: { id: 8, url: 'https://www.youtube.com/' } });
    const showYoutube = (at: number) => {
      const pauseId = timeSortableId(at);
      return handlePauseShown({ pauseId, siteId: 'youtube', host: 'www.youtube.com', reason: 'arrived' }, fromYoutube(), at).then((answer) => ({ pauseId, answer }));
    };
    const first = await showYoutube(day);
    expect(first.answer?.words).toBeUndefined();
    await handlePauseNote({ pauseId: first.pauseId, siteId: 'youtube', noteId: timeSortableId(day + 1), text: 'One video, then bed.', prompt: '' }, fromYoutube(), day + 1);
    const second = await showYoutube(day + MIN);
    expect(second.answer?.words).toEqual({ text: 'One video, then bed.', at: day + 1 });
    // The same pause shown again shows the same; the next pause does not show it twice in a row.
    expect((await handlePauseShown({ pauseId: second.pauseId, siteId: 'youtube', host: 'www.youtube.com', reason: 'arrived' }, fromYoutube(), day + MIN + 5))?.words?.text).toBe('One video, then bed.');
    expect((await showYoutube(day + 2 * MIN)).answer?.words).toBeUndefined();
    await saveReflection(newReflection(timeSortableId(day + 3 * MIN), day + 3 * MIN, 'Shorts eat my mornings #YouTube', { kind: 'popup' }));
    const texts = new Set<string | undefined>();
    for (let i = 4; i < 8; i++) texts.add((await showYoutube(day + i * MIN)).answer?.words?.text);
    expect(texts).toEqual(new Set(['One video, then bed.', 'Shorts eat my mornings #YouTube']));
  });
});

describe('a pause with a note, in the history', () => {
  it('keeps its mark through export and import, and refuses a forged one', async () => {
    const { canonicalPauseRecord, pauseRecordProblem } = await import('@/lib/pause/record');
    const noted: PauseRecord = { v: 1, id: timeSortableId(day), siteId: 'reddit', siteLabel: 'Reddit', host: 'www.reddit.com', shownAt: day, reason: 'arrived', waitSeconds: 5, choice: 'leave', noted: true };
    expect(pauseRecordProblem(noted)).toBeUndefined();
    expect(canonicalPauseRecord(noted).noted).toBe(true);
    expect(pauseRecordProblem({ ...noted, noted: 'yes' })).toEqual({ code: 'invalid', field: 'noted' });
  });
});
