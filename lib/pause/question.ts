import { plainMessage } from '../browser/plain-message';
import type { TriggerSite } from '../settings/settings';

/** The question a pause asks unless the user wrote their own, in the browser's language. */
export function defaultQuestion(): string {
  return plainMessage('pause.question');
}

/**
 * The question one pause asks: the default, or one of the user's own for the
 * site. With several, each pause picks one from its id, so the questions take
 * turns across pauses while a reload of the same pause asks the same one.
 */
export function questionFor(site: Pick<TriggerSite, 'questions'> | undefined, pauseId: string): string {
  const questions = site?.questions ?? [];
  if (questions.length === 0) return defaultQuestion();
  return questions[turnOf(pauseId, questions.length)]!;
}

/** Which of `count` things pause `pauseId` takes: the same for the same pause, spread across pauses. */
export function turnOf(pauseId: string, count: number): number {
  // FNV-1a: ids made a moment apart differ only in their last characters, and still spread.
  let hash = 0x811c9dc5;
  for (let i = 0; i < pauseId.length; i++) hash = Math.imul(hash ^ pauseId.charCodeAt(i), 0x01000193);
  return (hash >>> 0) % count;
}

/**
 * The heading the cover paints with the breath, before the pause page loads
 * over it: the pause's question, or none when the pause page asks about what
 * the user came for instead (`endedIntention`, after an open time ended),
 * because what the user typed never goes into the site's page.
 */
export function paintedQuestion(site: Pick<TriggerSite, 'questions'> | undefined, pauseId: string, endedIntention?: string): string {
  return endedIntention ? '' : questionFor(site, pauseId);
}
