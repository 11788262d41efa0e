import type { IntentionMode } from '../settings/site-options';
import type { TriggerSite } from '../settings/settings';

/** How many characters an intention needs when the site requires one: a few words' worth, not a single key. */
export const INTENTION_REQUIRED_MIN = 3;

/** Whether the pause asks what the user came for on this site: off, optional (the default) or required. */
export function intentionModeOf(site: Pick<TriggerSite, 'intention'> | undefined): IntentionMode {
  return site?.intention ?? 'optional';
}

/** Whether Continue may go ahead with this intention: always, unless the site requires one and it is too short. */
export function intentionReady(mode: IntentionMode, intention: string): boolean {
  return mode !== 'required' || intention.trim().length >= INTENTION_REQUIRED_MIN;
}
