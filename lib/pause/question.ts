import { DEFAULT_QUESTION } from '../settings/site-options';
import type { TriggerSite } from '../settings/settings';

/**
 * The question one pause asks: the default, or one of the user's own for the
 * site. With several, each pause picks one from its id, so the questions take
 * turns across pauses while a reload of the same pause asks the same one.
 */
export function questionFor(site: Pick<TriggerSite, 'questions'> | undefined, pauseId: string): string {
  const questions = site?.questions ?? [];
  if (questions.length === 0) return DEFAULT_QUESTION;
  // FNV-1a: ids made a moment apart differ only in their last characters, and still spread.
  let hash = 0x811c9dc5;
  for (let i = 0; i < pauseId.length; i++) hash = Math.imul(hash ^ pauseId.charCodeAt(i), 0x01000193);
  return questions[(hash >>> 0) % questions.length]!;
}
