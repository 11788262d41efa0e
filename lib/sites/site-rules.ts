import { i18n } from '#i18n';
import { clipWithEllipsis } from '../browser/text';
import { formatSite, readSite, type SiteProblem, type SiteRule } from './site-syntax';

/**
 * The sites a person chooses to pause on, as the extension's pages read what
 * they type: a rule to store, show back, request permission for and match
 * against tab URLs (`site-syntax.ts` holds the rules of reading and matching),
 * or a sentence that says what is wrong. Content scripts read stored sites
 * with `site-syntax.ts` alone, so these sentences never reach a page.
 */

export { formatSite, matchPatternsFor, sameSiteRule, urlMatchesSite, type SiteRule } from './site-syntax';

/** The outcome of reading a typed site: a rule with its display form, or a message to show the person. */
export type ParsedSite = { ok: true; rule: SiteRule; display: string } | { ok: false; error: string };

/**
 * Endings people may type on their own. Naming the ending ("every .com site")
 * explains the problem better than asking for an ending they already typed.
 */
const COMMON_ENDINGS = /^(?:com|net|org|edu|gov|io|co|app|dev|me|tv|ai|gg|info|biz|xyz|uk|de|fr|es|it|nl|eu|us|ca|au|jp|ru|cn|in|br|ch|se|no)$/;

/** Quoted user text is kept short, since a 2000-character quote helps nobody. */
const QUOTE_MAX = 40;
const quote = (s: string): string => i18n.t('options.typed.quoted', { text: clipWithEllipsis(s, QUOTE_MAX) });

/** Looks like someone aiming for http/https ("htps", "htttp", "ttps") rather than another scheme. */
const isHttpTypo = (name: string): boolean => /^(h+t*|t+)p+s*$/.test(name);

/** The corrected address to suggest, or '' when nothing followed the scheme. */
const fixed = (scheme: string, after: string): string => {
  const site = after.replace(/^\/+/, '');
  return site ? `${scheme}://${clipWithEllipsis(site, QUOTE_MAX)}` : '';
};

/** The sentence shown next to the field for a site that cannot be read. */
function sentenceFor(problem: SiteProblem): string {
  switch (problem.code) {
    case 'empty':
      return i18n.t('options.typed.empty');
    case 'input-too-long':
      return i18n.t('options.typed.inputTooLong');
    case 'space':
      return i18n.t('options.typed.space');
    case 'star':
      return i18n.t('options.typed.star');
    case 'ipv6':
      return i18n.t('options.typed.ipv6');
    case 'no-name':
      return i18n.t('options.typed.noName');
    case 'port':
      return i18n.t('options.typed.port', { port: quote(problem.port) });
    case 'no-colon': {
      const fix = fixed(problem.scheme, problem.after) || i18n.t('options.typed.thenSite', { scheme: problem.scheme });
      return i18n.t('options.typed.noColon', { text: quote(problem.text), scheme: problem.scheme, fix });
    }
    case 'slashes': {
      const fix = fixed(problem.scheme, problem.after);
      return fix ? i18n.t('options.typed.slashesAsIn', { scheme: problem.scheme, fix }) : i18n.t('options.typed.slashes', { scheme: problem.scheme });
    }
    case 'scheme': {
      if (!isHttpTypo(problem.name)) return i18n.t('options.typed.scheme');
      const meant = problem.name.includes('s') ? 'https' : 'http';
      const fix = fixed(meant, problem.after) || i18n.t('options.typed.thenSite', { scheme: meant });
      return i18n.t('options.typed.misspelled', { text: quote(`${problem.name}:${problem.slashes}`), fix });
    }
    case 'char':
      return i18n.t('options.typed.char', { char: quote(problem.char) });
    case 'extra-dot':
      return i18n.t('options.typed.extraDot', { host: quote(problem.host) });
    case 'label-too-long':
      return i18n.t('options.typed.labelTooLong', { label: quote(problem.label) });
    case 'hyphen':
      return i18n.t('options.typed.hyphen', { label: quote(problem.label) });
    case 'host-too-long':
      return i18n.t('options.typed.hostTooLong');
    case 'number':
      return problem.host.split('.').every((l) => /^\d+$/.test(l))
        ? i18n.t('options.typed.badIp', { host: quote(problem.host) })
        : i18n.t('options.typed.endsInNumber', { host: quote(problem.host) });
    case 'ending':
      return COMMON_ENDINGS.test(problem.host)
        ? i18n.t('options.typed.everyEnding', { ending: problem.host })
        : i18n.t('options.typed.addEnding', { host: clipWithEllipsis(problem.host, QUOTE_MAX) });
    case 'invalid':
      return i18n.t('options.typed.invalid', { host: quote(problem.host) });
  }
}

/**
 * Reads what a person typed as a site to pause on. Never throws: bad input
 * gives `{ ok: false, error }` with a sentence to show next to the field.
 * The scheme and host are case-insensitive; the path keeps its case, as URLs do.
 */
export function parseSite(input: string): ParsedSite {
  const read = readSite(input);
  return read.ok ? { ok: true, rule: read.rule, display: formatSite(read.rule) } : { ok: false, error: sentenceFor(read.problem) };
}
