import type { TriggerSite } from '../settings/settings';
import { formatSite, urlMatchesSite } from '../sites/site-rules';
import { rulesOf } from '../sites/trigger-sites';
import { decidePause } from './decision';
import { scheduleFor } from './schedule';
import { clockText, scheduleText } from '../settings/schedule-words';
import { snoozeEndText } from './snooze';
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

/** The page as a person reads it: host and path, without a lone "/". */
function pageText(url: URL): string {
  return `${url.hostname}${url.pathname === '/' ? '' : url.pathname}`;
}

/** The time of day of `at`, as the user's clock shows it. */
function clockTime(at: number, locale?: string): string {
  return new Date(at).toLocaleTimeString(locale, { hour: 'numeric', minute: '2-digit' });
}

/** When a schedule next changes, on the clock of `timeZone`: "today 14:00", "tomorrow 9:00", "Monday 9:00". */
function momentText(at: number, now: number, timeZone?: string): string {
  const format = new Intl.DateTimeFormat('en-US', { timeZone, weekday: 'long', day: 'numeric', hour: 'numeric', minute: 'numeric', hourCycle: 'h23' });
  const parts = (t: number) => Object.fromEntries(format.formatToParts(t).map((p) => [p.type, p.value]));
  const then = parts(at);
  const day = then.day === parts(now).day ? 'today' : then.day === parts(now + 86_400_000).day ? 'tomorrow' : then.weekday;
  return `${day} ${clockText((Number(then.hour) % 24) * 60 + Number(then.minute))}`;
}

/**
 * Whether a page at `input` pauses at `now`, and why, in the words the
 * options page shows; schedules are read on the clock of `timeZone` (default: the browser's).
 */
export function explainUrl(state: PauseState, input: string, now: number, locale?: string, timeZone?: string): UrlExplanation {
  const url = pageAddressOf(input);
  if (!url) return { pauses: false, text: 'That is not a web page address. Paste one like https://www.reddit.com/r/all.' };
  const decision = decidePause(state, url, now, timeZone);
  if (decision.kind === 'open') {
    const { site } = decision;
    return {
      pauses: false,
      siteId: site.id,
      text: `Not now: you chose time on ${site.label} until ${clockTime(decision.until, locale)}. After that it pauses (${ruleText(site, url)}).`,
    };
  }
  if (decision.kind === 'snoozed') {
    const { site } = decision;
    const which = state.snooze?.site ? `pauses on ${site.label} are` : 'pauses are';
    return {
      pauses: false,
      siteId: site.id,
      text: `Not now: ${which} snoozed until ${snoozeEndText(decision.until, now, locale)}. After that it pauses (${ruleText(site, url)}).`,
    };
  }
  if (decision.kind === 'excepted') {
    const { site, exception } = decision;
    const page = pageText(url);
    const where = page === exception ? `${page} is` : `${page} falls under ${exception},`;
    return { pauses: false, siteId: site.id, text: `No pause: ${where} an exception you made for ${site.label}.` };
  }
  if (decision.kind === 'off-schedule') {
    const { site, recheckAt } = decision;
    const next = recheckAt ? `; the next starts ${momentText(recheckAt, now, timeZone)}` : '';
    return { pauses: false, siteId: site.id, text: `Not now: ${site.label} pauses ${scheduleText(scheduleFor(state.settings, site))}${next}.` };
  }
  if (decision.kind === 'pause') {
    const { site, recheckAt } = decision;
    const until = recheckAt ? ` ${site.label} pauses ${scheduleText(scheduleFor(state.settings, site))}; this stretch ends ${momentText(recheckAt, now, timeZone)}.` : '';
    return { pauses: true, siteId: site.id, text: `It pauses: ${pageText(url)} is part of ${site.label} (${ruleText(site, url)}).${until}` };
  }
  const covering = state.settings.sites.filter((s) => rulesOf(s).some((r) => urlMatchesSite(r, url)));
  const meeting = covering.find((s) => s.kind === 'meeting' && s.enabled);
  if (meeting) return { pauses: false, siteId: meeting.id, text: `No pause: ${meeting.label} is a meeting site. It gets the gentle meeting cards instead.` };
  const off = covering.find((s) => !s.enabled);
  if (off) return { pauses: false, siteId: off.id, text: `No pause: ${off.label} covers it, but it is switched off.` };
  return { pauses: false, text: `No pause: none of your sites covers ${url.hostname}.` };
}
