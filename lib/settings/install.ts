import { browser } from 'wxt/browser';
import { announceVersion } from './whats-new';

/** Why `runtime.onInstalled` fired, as both browsers report it. */
export interface InstallDetails {
  reason: string;
  previousVersion?: string;
}

/** The welcome tour's page. */
export const WELCOME_PAGE = '/welcome.html';

/** A fresh install opens the welcome tour; an update, a browser update or a shared module's update does not. */
export function shouldWelcome(details: InstallDetails): boolean {
  return details.reason === 'install';
}

/** The version whose news the popup should tell of: this one, after an update to a new version. */
export function versionToAnnounce(details: InstallDetails, version: string): string | undefined {
  return details.reason === 'update' && details.previousVersion !== version ? version : undefined;
}

/**
 * What an install or an update leaves behind: after an install, the welcome
 * tour in a new tab (when `welcome` allows it); after an update, the
 * popup's one line of news. Nothing else.
 */
export async function afterInstall(details: InstallDetails, { welcome }: { welcome: boolean }): Promise<void> {
  if (welcome && shouldWelcome(details)) {
    await browser.tabs.create({ url: browser.runtime.getURL(WELCOME_PAGE) });
    return;
  }
  const version = versionToAnnounce(details, browser.runtime.getManifest().version);
  if (version) await announceVersion(version);
}
