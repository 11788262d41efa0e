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

const EMPTY = 'Type a site, like reddit.com.';

/**
 * Endings people may type on their own. Naming the ending ("every .com site")
 * explains the problem better than asking for an ending they already typed.
 */
const COMMON_ENDINGS = /^(?:com|net|org|edu|gov|io|co|app|dev|me|tv|ai|gg|info|biz|xyz|uk|de|fr|es|it|nl|eu|us|ca|au|jp|ru|cn|in|br|ch|se|no)$/;

/** Quoted user text is kept short, since a 2000-character quote helps nobody. */
const QUOTE_MAX = 40;
const quote = (s: string): string => `“${clipWithEllipsis(s, QUOTE_MAX)}”`;

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
      return EMPTY;
    case 'input-too-long':
      return 'That is too long for a site.';
    case 'space':
      return "A site can't contain spaces.";
    case 'star':
      return 'A * can only stand at the start, as in *.reddit.com.';
    case 'ipv6':
      return "IPv6 addresses can't be paused; use the site's name.";
    case 'no-name':
      return "Start with the site's name, like youtube.com/shorts.";
    case 'port':
      return `${quote(problem.port)} isn't a port number; a port looks like localhost:8080.`;
    case 'no-colon': {
      const fix = fixed(problem.scheme, problem.after) || `${problem.scheme}:// and then the site`;
      return `${quote(problem.text)} is missing the colon after ${problem.scheme}: write ${fix}.`;
    }
    case 'slashes': {
      const fix = fixed(problem.scheme, problem.after);
      return `Write the start as ${problem.scheme}:// (two slashes)${fix && `, as in ${fix}`}.`;
    }
    case 'scheme': {
      if (!isHttpTypo(problem.name)) return 'Only http:// and https:// sites can be paused.';
      const meant = problem.name.includes('s') ? 'https' : 'http';
      const fix = fixed(meant, problem.after) || `${meant}:// and then the site`;
      return `${quote(`${problem.name}:${problem.slashes}`)} is misspelled: write ${fix}.`;
    }
    case 'char':
      return `${quote(problem.char)} can't be part of a web address.`;
    case 'extra-dot':
      return `${quote(problem.host)} has an extra dot.`;
    case 'label-too-long':
      return `${quote(problem.label)} is too long: each part between dots can have at most 63 characters.`;
    case 'hyphen':
      return `${quote(problem.label)} can't start or end with a hyphen (-).`;
    case 'host-too-long':
      return 'That site name is too long: it can have at most 253 characters.';
    case 'number':
      return problem.host.split('.').every((l) => /^\d+$/.test(l))
        ? `${quote(problem.host)} isn't a valid IP address: use four numbers from 0 to 255, like 127.0.0.1.`
        : `${quote(problem.host)} can't end in a number; a site ends in a name, like .com.`;
    case 'ending':
      return COMMON_ENDINGS.test(problem.host)
        ? `That would pause every .${problem.host} site; add the name, like reddit.com.`
        : `Add the ending, like ${clipWithEllipsis(problem.host, QUOTE_MAX)}.com.`;
    case 'invalid':
      return `${quote(problem.host)} isn't a valid web address.`;
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
