import { i18n } from '#i18n';
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

/** When a schedule next changes, on the clock of `timeZone`: "today 14:00", "tomorrow 9:00", "Monday 9:00"; the weekday in `locale`. */
function momentText(at: number, now: number, timeZone?: string, locale?: string): string {
  // Read in en-US for its plain digits; only the weekday's name is shown in the user's language.
  const format = new Intl.DateTimeFormat('en-US', { timeZone, day: 'numeric', hour: 'numeric', minute: 'numeric', hourCycle: 'h23' });
  const parts = (t: number) => Object.fromEntries(format.formatToParts(t).map((p) => [p.type, p.value]));
  const then = parts(at);
  const time = clockText((Number(then.hour) % 24) * 60 + Number(then.minute));
  if (then.day === parts(now).day) return i18n.t('options.tester.today', { time });
  if (then.day === parts(now + 86_400_000).day) return i18n.t('options.tester.tomorrow', { time });
  const day = new Intl.DateTimeFormat(locale, { timeZone, weekday: 'long' }).format(at);
  return i18n.t('options.tester.onDay', { day, time });
}

/**
 * Whether a page at `input` pauses at `now`, and why, in the words the
 * options page shows; schedules are read on the clock of `timeZone` (default: the browser's).
 */
export function explainUrl(state: PauseState, input: string, now: number, locale?: string, timeZone?: string): UrlExplanation {
  const url = pageAddressOf(input);
  if (!url) return { pauses: false, text: i18n.t('options.tester.notAddress') };
  const decision = decidePause(state, url, now, timeZone);
  if (decision.kind === 'open') {
    const { site } = decision;
    return {
      pauses: false,
      siteId: site.id,
      text: i18n.t('options.tester.open', { site: site.label, time: clockTime(decision.until, locale), rule: ruleText(site, url) }),
    };
  }
  if (decision.kind === 'snoozed') {
    const { site } = decision;
    const end = snoozeEndText(decision.until, now, locale);
    const rule = ruleText(site, url);
    return {
      pauses: false,
      siteId: site.id,
      text: state.snooze?.site ? i18n.t('options.tester.snoozedSite', { site: site.label, end, rule }) : i18n.t('options.tester.snoozedAll', { end, rule }),
    };
  }
  if (decision.kind === 'excepted') {
    const { site, exception } = decision;
    const page = pageText(url);
    const text =
      page === exception
        ? i18n.t('options.tester.exception', { page, site: site.label })
        : i18n.t('options.tester.underException', { page, exception, site: site.label });
    return { pauses: false, siteId: site.id, text };
  }
  if (decision.kind === 'off-schedule') {
    const { site, recheckAt } = decision;
    const schedule = scheduleText(scheduleFor(state.settings, site));
    const text = recheckAt
      ? i18n.t('options.tester.offScheduleNext', { site: site.label, schedule, moment: momentText(recheckAt, now, timeZone, locale) })
      : i18n.t('options.tester.offSchedule', { site: site.label, schedule });
    return { pauses: false, siteId: site.id, text };
  }
  if (decision.kind === 'pause') {
    const { site, recheckAt } = decision;
    const text = i18n.t('options.tester.pauses', { page: pageText(url), site: site.label, rule: ruleText(site, url) });
    if (!recheckAt) return { pauses: true, siteId: site.id, text };
    const stretch = i18n.t('options.tester.stretch', {
      site: site.label,
      schedule: scheduleText(scheduleFor(state.settings, site)),
      moment: momentText(recheckAt, now, timeZone, locale),
    });
    return { pauses: true, siteId: site.id, text: `${text} ${stretch}` };
  }
  const covering = state.settings.sites.filter((s) => rulesOf(s).some((r) => urlMatchesSite(r, url)));
  const meeting = covering.find((s) => s.kind === 'meeting' && s.enabled);
  if (meeting) return { pauses: false, siteId: meeting.id, text: i18n.t('options.tester.meeting', { site: meeting.label }) };
  const off = covering.find((s) => !s.enabled);
  if (off) return { pauses: false, siteId: off.id, text: i18n.t('options.tester.switchedOff', { site: off.label }) };
  return { pauses: false, text: i18n.t('options.tester.none', { host: url.hostname }) };
}
