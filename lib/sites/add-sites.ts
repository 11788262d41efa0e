import type { TriggerSite } from '../settings/settings';
import { updateSettings } from '../settings/store';
import { requestAccessToAll } from './access';
import { withSite } from './trigger-sites';

/** What adding sites did: the sites now saved that were not there before, or a refusal (nothing saved). */
export interface AddSitesResult {
  added: TriggerSite[];
  refused: boolean;
}

/**
 * Adds the sites a person chose: asks the browser for access to all of them
 * in one prompt, then saves them. Call it synchronously from the click or key
 * handler that asked, like `requestAccess`: the request goes out before
 * anything is awaited. If the browser refuses, nothing is saved. A site
 * already in the list keeps what the person set for it.
 */
export function addSites(sites: readonly TriggerSite[]): Promise<AddSitesResult> {
  const asked = requestAccessToAll(sites);
  return asked.then(async (granted) => {
    if (!granted) return { added: [], refused: true };
    let added: TriggerSite[] = [];
    await updateSettings((current) => {
      const have = new Set(current.sites.map((s) => s.id));
      added = sites.filter((s, i) => !have.has(s.id) && sites.findIndex((t) => t.id === s.id) === i);
      return added.reduce(withSite, current);
    });
    return { added, refused: false };
  });
}
