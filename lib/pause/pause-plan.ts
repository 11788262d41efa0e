import type { PauseShownAnswer, PauseStyle } from '../browser/messages';
import { searchReflections } from '../journal/search';
import { reflectionsNewestFirst } from '../journal/store';
import { normaliseFrictionRule } from '../settings/friction-rule';
import type { Settings, TriggerSite } from '../settings/settings';
import { pastWordsShownItem, pauseStylesItem } from '../settings/storage-registry';
import { frictionReason, frictionWait, LONGEST_DAY_MS } from './friction';
import { pausesSince } from './log';
import { chooseWords, firstLine } from './past-words';
import { longBreathSeconds, nextStyle, normaliseStyleTurns } from './pause-style';
import { siteTags } from './site-tags';

/**
 * What the background answers a pause page with when it shows: what only the
 * background can know (the day's pauses, the journal, what earlier pauses
 * showed). It goes to the pause page alone, never to the content script.
 */
export async function planPause(site: TriggerSite, settings: Settings, pauseId: string, now: number): Promise<PauseShownAnswer> {
  const words = await pastWords(site, pauseId).catch((error) => {
    // The pause never waits on the journal: without it, it shows no words.
    console.error('Pause Moment could not read the journal for the pause', error);
    return undefined;
  });
  const { style, isNew } = await styleInTurn(site, pauseId, !!words);
  const base = style === 'long-breath' ? longBreathSeconds(site.waitSeconds) : site.waitSeconds;
  const wait = frictionWait(base, normaliseFrictionRule(settings.friction), await pausesSince(now - LONGEST_DAY_MS), site.id, now, { pauseId });
  const waitReason = frictionReason(wait, base);
  return {
    waitSeconds: wait.waitSeconds,
    visit: wait.steps + 1,
    ...(waitReason ? { waitReason } : {}),
    ...(words ? { words } : {}),
    style,
    styleIsNew: isNew,
  };
}

/** The site's next pause style, with its turn kept for the next pause. */
async function styleInTurn(site: TriggerSite, pauseId: string, wordsAvailable: boolean): Promise<{ style: PauseStyle; isNew: boolean }> {
  const all = await pauseStylesItem.getValue();
  const before = normaliseStyleTurns(all[site.id]);
  const turn = nextStyle(site.pauseStyles, before, pauseId, wordsAvailable);
  if (turn.turns !== before) await pauseStylesItem.setValue({ ...all, [site.id]: turn.turns });
  return turn;
}

/**
 * The newest reflections read for notes at earlier pauses on the site, and
 * the most read for each of its #tags (through the journal's word index): a
 * bound on the work of one pause, however large the journal grows.
 */
const RECENT_READ = 200;
const TAGGED_READ = 20;

/** One line the user wrote earlier about the site, for pause `pauseId`; remembers it so the next pause shows another. */
async function pastWords(site: TriggerSite, pauseId: string): Promise<PauseShownAnswer['words']> {
  const tags = siteTags(site);
  const [recent, ...tagged] = await Promise.all([
    reflectionsNewestFirst(RECENT_READ),
    ...tags.map(async (tag) => (await searchReflections('', { tag, limit: TAGGED_READ })).results),
  ]);
  const shown = await pastWordsShownItem.getValue();
  const last = shown[site.id];
  const chosen = chooseWords([...recent, ...tagged.flat()], site.id, tags, pauseId, last);
  if (last?.pauseId !== pauseId && (chosen || last)) {
    // A pause that showed nothing ends the run: the line shown before it may show next.
    const { [site.id]: _dropped, ...others } = shown;
    await pastWordsShownItem.setValue(chosen ? { ...others, [site.id]: { id: chosen.id, pauseId } } : others);
  }
  return chosen && { text: firstLine(chosen.text), at: chosen.createdAt };
}
