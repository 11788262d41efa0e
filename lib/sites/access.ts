import { browser } from 'wxt/browser';
import type { Settings, TriggerSite } from '../settings/settings';
import { originsOf } from './trigger-sites';

/**
 * Asks the browser for access to a site. Call it synchronously from a click
 * or key handler on an extension page: browsers only show the prompt for a
 * user gesture, and Firefox closes a popup when the prompt takes focus.
 */
export function requestAccess(site: TriggerSite): Promise<boolean> {
  return requestAccessToAll([site]);
}

/**
 * Asks the browser for access to several sites in one prompt, for every
 * origin any of them needs. The same rule holds: call it synchronously from
 * the click or key handler. No sites, nothing to ask: resolves true.
 */
export function requestAccessToAll(sites: readonly TriggerSite[]): Promise<boolean> {
  const origins = [...new Set(sites.flatMap(originsOf))];
  if (origins.length === 0) return Promise.resolve(true);
  return browser.permissions.request({ origins }).catch(() => false);
}

/**
 * Gives back the browser's access to `origins`, one at a time: an origin the
 * extension holds from its manifest cannot be given back, and must not keep
 * the others.
 */
export async function giveBackAccess(origins: readonly string[]): Promise<void> {
  await Promise.allSettled(origins.map(async (origin) => browser.permissions.remove({ origins: [origin] })));
}

/** Whether the browser gives the extension every origin `site` needs. */
export function hasAccess(site: TriggerSite): Promise<boolean> {
  return browser.permissions.contains({ origins: originsOf(site) }).catch(() => false);
}

/** Origins the `before` settings needed that `after` no longer does: safe to give back. */
export function originsNoLongerNeeded(before: Settings, after: Settings): string[] {
  const still = new Set(after.sites.flatMap(originsOf));
  return [...new Set(before.sites.flatMap(originsOf))].filter((o) => !still.has(o));
}
