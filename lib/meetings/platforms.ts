/**
 * The meeting platforms Pause Moment knows, the sites each runs on, and the
 * adapter that reads its page. Sites are inputs for parseSite in lib/sites/site-rules.ts:
 * a bare domain covers its subdomains, and a path is a prefix on segment
 * boundaries ("zoom.us/wc" covers app.zoom.us/wc/… and us02web.zoom.us/wc/…,
 * not zoom.us/j/… which only launches the desktop app).
 */

import { jitsiAdapter } from './jitsi';
import { meetAdapter } from './meet';
import { teamsAdapter } from './teams';
import type { MeetingAdapter, PlatformId } from './types';
import type { TriggerSite } from '../settings/settings';
import { webexAdapter } from './webex';
import { wherebyAdapter } from './whereby';
import { zoomAdapter } from './zoom';

export interface MeetingPlatform {
  id: PlatformId;
  label: string;
  /** Site inputs for parseSite. */
  sites: string[];
}

const ADAPTERS: Readonly<Record<PlatformId, MeetingAdapter>> = {
  meet: meetAdapter,
  zoom: zoomAdapter,
  teams: teamsAdapter,
  webex: webexAdapter,
  jitsi: jitsiAdapter,
  whereby: wherebyAdapter,
};

/** Every known platform, in the order the options page lists them. */
export const MEETING_PLATFORMS: readonly MeetingPlatform[] = [
  { id: 'meet', label: meetAdapter.label, sites: ['meet.google.com'] },
  // app.zoom.us/wc is inside zoom.us/wc; both are listed so the options page shows the usual address.
  { id: 'zoom', label: zoomAdapter.label, sites: ['app.zoom.us/wc', 'zoom.us/wc'] },
  // teams.cloud.microsoft is where Microsoft has been moving the Teams web app since 2024.
  { id: 'teams', label: teamsAdapter.label, sites: ['teams.microsoft.com', 'teams.live.com', 'teams.cloud.microsoft'] },
  { id: 'webex', label: webexAdapter.label, sites: ['webex.com'] },
  { id: 'jitsi', label: jitsiAdapter.label, sites: ['meet.jit.si'] },
  { id: 'whereby', label: wherebyAdapter.label, sites: ['whereby.com'] },
];

/** Whether a stored string (a preset id, a message field) names a known platform. */
export function isPlatformId(value: unknown): value is PlatformId {
  return typeof value === 'string' && Object.hasOwn(ADAPTERS, value);
}

/** The adapter that reads a platform's meeting page. */
export function adapterFor(platform: PlatformId): MeetingAdapter {
  return ADAPTERS[platform];
}

/** The adapter for a chosen meeting site: its platform's, or, for a host the user added, self-hosted Jitsi Meet's. */
export function adapterForSite(site: Pick<TriggerSite, 'presetId'>): MeetingAdapter {
  return adapterFor(site.presetId && isPlatformId(site.presetId) ? site.presetId : 'jitsi');
}
