import type { Settings, TriggerSite } from '../settings/settings';
import { formatSite } from '../sites/site-rules';
import { rulesOf } from '../sites/trigger-sites';
import { urlMatchesSite } from '../sites/site-rules';
import { isOpenNow, type OpenTimes } from './open-time';

/**
 * The answer to "Does this address pause?", as the options page gives it:
 * whether a page at the address would pause now, and the rule that decides,
 * in words. It decides the way the guard on the page does (`guard.ts`).
 */
export type UrlExplanation =
  | { pauses: true; siteId: string; text: string }
  | { pauses: false; siteId?: string; text: string };

/** A host name (as the URL parser gives it, in ASCII) or an IP address. */
const HOST = /^(\[[0-9a-f:.]+\]|[a-z0-9_-]+(\.[a-z0-9_-]+)*\.?)$/i;

/** Reads what a person pasted as a page address; a bare host or path gets https. */
export function pageAddressOf(input: string): URL | undefined {
  const text = input.trim();
  // Browsers differ on spaces in a host (Chromium escapes them): an address has none.
  if (!text || /\s/.test(text)) return undefined;
  try {
    const url = new URL(/^[a-z][a-z0-9+.-]*:/i.test(text) ? text : `https://${text}`);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
    return HOST.test(url.hostname) ? url : undefined;
  } catch {
    return undefined;
  }
}

/** The first of the site's rules that covers `url`, as the user would type it. */
function ruleText(site: TriggerSite, url: URL): string {
  const rule = rulesOf(site).find((r) => urlMatchesSite(r, url));
  return rule ? formatSite(rule) : site.label;
}

/** Whether a page at `input` pauses at `now`, and why, in the words the options page shows. */
export function explainUrl(settings: Settings, openTimes: OpenTimes, input: string, now: number, locale?: string): UrlExplanation {
  const url = pageAddressOf(input);
  if (!url) return { pauses: false, text: 'That is not a web page address. Paste one like https://www.reddit.com/r/all.' };
  const covering = settings.sites.filter((s) => rulesOf(s).some((r) => urlMatchesSite(r, url)));
  const feed = covering.find((s) => s.kind === 'feed' && s.enabled);
  if (feed) {
    const rule = ruleText(feed, url);
    const open = openTimes[feed.id];
    if (open && isOpenNow(open, now)) {
      const until = new Date(open.until).toLocaleTimeString(locale, { hour: 'numeric', minute: '2-digit' });
      return { pauses: false, siteId: feed.id, text: `Not now: you chose time on ${feed.label} until ${until}. After that it pauses (${rule}).` };
    }
    return { pauses: true, siteId: feed.id, text: `It pauses: ${url.hostname}${url.pathname === '/' ? '' : url.pathname} is part of ${feed.label} (${rule}).` };
  }
  const meeting = covering.find((s) => s.kind === 'meeting' && s.enabled);
  if (meeting) return { pauses: false, siteId: meeting.id, text: `No pause: ${meeting.label} is a meeting site. It gets the gentle meeting cards instead.` };
  const off = covering.find((s) => !s.enabled);
  if (off) return { pauses: false, siteId: off.id, text: `No pause: ${off.label} covers it, but it is switched off.` };
  return { pauses: false, text: `No pause: none of your sites covers ${url.hostname}.` };
}
