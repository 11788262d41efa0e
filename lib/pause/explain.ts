import type { TriggerSite } from '../settings/settings';
import { formatSite, urlMatchesSite } from '../sites/site-rules';
import { rulesOf } from '../sites/trigger-sites';
import { decidePause } from './decision';
import type { PauseState } from './state';

/**
 * The answer to "Does this address pause?", as the options page gives it:
 * whether a page at the address would pause now, and the rule that decides,
 * in words. It puts the guard's own decision (`decision.ts`) into words.
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

/** The time of day of `at`, as the user's clock shows it. */
function clockTime(at: number, locale?: string): string {
  return new Date(at).toLocaleTimeString(locale, { hour: 'numeric', minute: '2-digit' });
}

/** Whether a page at `input` pauses at `now`, and why, in the words the options page shows. */
export function explainUrl(state: PauseState, input: string, now: number, locale?: string): UrlExplanation {
  const url = pageAddressOf(input);
  if (!url) return { pauses: false, text: 'That is not a web page address. Paste one like https://www.reddit.com/r/all.' };
  const decision = decidePause(state, url, now);
  if (decision.kind === 'open') {
    const { site } = decision;
    return {
      pauses: false,
      siteId: site.id,
      text: `Not now: you chose time on ${site.label} until ${clockTime(decision.until, locale)}. After that it pauses (${ruleText(site, url)}).`,
    };
  }
  if (decision.kind === 'pause') {
    const { site } = decision;
    return { pauses: true, siteId: site.id, text: `It pauses: ${url.hostname}${url.pathname === '/' ? '' : url.pathname} is part of ${site.label} (${ruleText(site, url)}).` };
  }
  const covering = state.settings.sites.filter((s) => rulesOf(s).some((r) => urlMatchesSite(r, url)));
  const meeting = covering.find((s) => s.kind === 'meeting' && s.enabled);
  if (meeting) return { pauses: false, siteId: meeting.id, text: `No pause: ${meeting.label} is a meeting site. It gets the gentle meeting cards instead.` };
  const off = covering.find((s) => !s.enabled);
  if (off) return { pauses: false, siteId: off.id, text: `No pause: ${off.label} covers it, but it is switched off.` };
  return { pauses: false, text: `No pause: none of your sites covers ${url.hostname}.` };
}
