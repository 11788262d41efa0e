import { clipWithEllipsis } from '../browser/text';

/**
 * The sites a person chooses to pause on: what they type in the options page,
 * turned into a rule we can store, show back, request permission for and match
 * against tab URLs. Framework-free so the options page, the background and the
 * tests all share one definition of "this site".
 */

/** One site to pause on, in normalised form. */
export interface SiteRule {
  /** lowercased ASCII (punycode) host, no port, no leading "*." e.g. "reddit.com", "127.0.0.1", "localhost" */
  host: string;
  /** true: the host and all its subdomains (www., old., m.) match. IP addresses and localhost: always false. */
  includeSubdomains: boolean;
  /** '' for the whole site, else a normalised path prefix beginning with '/' and without trailing slash, e.g. '/shorts' */
  path: string;
  /** 'any' unless the user typed a scheme */
  scheme: 'any' | 'http' | 'https';
}

/** The outcome of reading a typed site: a rule with its display form, or a message to show the person. */
export type ParsedSite = { ok: true; rule: SiteRule; display: string } | { ok: false; error: string };

const EMPTY = 'Type a site, like reddit.com.';
const STAR = 'A * can only stand at the start, as in *.reddit.com.';
const ONLY_WEB = 'Only http:// and https:// sites can be paused.';
const MAX_INPUT = 2000;

/**
 * Endings people may type on their own. Naming the ending ("every .com site")
 * explains the problem better than asking for an ending they already typed.
 */
const COMMON_ENDINGS = new Set(
  'com net org edu gov io co app dev me tv ai gg info biz xyz uk de fr es it nl eu us ca au jp ru cn in br ch se no'.split(' '),
);

const fail = (error: string): ParsedSite => ({ ok: false, error });
/** Quoted user text is kept short, since a 2000-character quote helps nobody. */
const QUOTE_MAX = 40;
const quote = (s: string): string => `“${clipWithEllipsis(s, QUOTE_MAX)}”`;

/** Dotted decimal only: browsers read "1.2.3" or "010.0.0.1" differently from what people mean. */
function isIPv4(host: string): boolean {
  const parts = host.split('.');
  return parts.length === 4 && parts.every((p) => /^(0|[1-9]\d{0,2})$/.test(p) && Number(p) <= 255);
}

/**
 * An IP address has no subdomains, and localhost's rarely mean the same thing,
 * so both stay exact even if a stored rule says otherwise.
 */
const subdomainsApply = (rule: SiteRule): boolean =>
  rule.includeSubdomains && rule.host !== 'localhost' && !isIPv4(rule.host);

/** Looks like someone aiming for http/https ("htps", "htttp", "ttps") rather than another scheme. */
const isHttpTypo = (name: string): boolean => /^(h+t*|t+)p+s*$/.test(name);

/** The corrected address to suggest, or '' when nothing followed the scheme. */
const fixed = (scheme: string, after: string): string => {
  const site = after.replace(/^\/+/, '');
  return site ? `${scheme}://${clipWithEllipsis(site, QUOTE_MAX)}` : '';
};

type SchemeSplit = { scheme: SiteRule['scheme']; rest: string } | { error: string };

/** Separates an optional scheme, telling a mistyped web address apart from a host with a port. */
function splitScheme(text: string): SchemeSplit {
  const noColon = /^(https?)\/+(.+)$/i.exec(text);
  if (noColon) {
    const name = noColon[1]!.toLowerCase();
    const fix = fixed(name, noColon[2]!) || `${name}:// and then the site`;
    return { error: `${quote(text)} is missing the colon after ${name}: write ${fix}.` };
  }
  const m = /^([a-z][a-z0-9+.-]*):(\/*)(.*)$/is.exec(text);
  if (!m) return { scheme: 'any', rest: text };
  const name = m[1]!.toLowerCase();
  const slashes = m[2]!;
  const after = m[3]!;
  if (name === 'http' || name === 'https') {
    if (slashes.length === 2) return { scheme: name, rest: after };
    const fix = fixed(name, after);
    return { error: `Write the start as ${name}:// (two slashes)${fix && `, as in ${fix}`}.` };
  }
  // "localhost:8080" or "reddit.com:abc" is a host with a (maybe bad) port, not a scheme.
  if (!slashes && (/^\d*([/?#\\]|$)/.test(after) || name.includes('.') || name === 'localhost')) {
    return { scheme: 'any', rest: text };
  }
  if (isHttpTypo(name)) {
    const meant = name.includes('s') ? 'https' : 'http';
    const fix = fixed(meant, after) || `${meant}:// and then the site`;
    return { error: `${quote(`${name}:${slashes}`)} is misspelled: write ${fix}.` };
  }
  return { error: ONLY_WEB };
}

/**
 * What is wrong with a lowercased host, or null. Runs before punycode
 * conversion (so messages quote what was typed) and again after it (so the
 * stored host is sound too).
 */
function hostError(host: string): string | null {
  for (const ch of host) {
    if (ch < '\u0080' && !/[a-z0-9.-]/.test(ch)) return `${quote(ch)} can't be part of a web address.`;
  }
  const labels = host.split('.');
  if (labels.includes('')) return `${quote(host)} has an extra dot.`;
  for (const label of labels) {
    if (label.length > 63) return `${quote(label)} is too long: each part between dots can have at most 63 characters.`;
    if (label.startsWith('-') || label.endsWith('-')) return `${quote(label)} can't start or end with a hyphen (-).`;
  }
  if (host.length > 253) return 'That site name is too long: it can have at most 253 characters.';
  // Browsers read a host ending in a number as an IP address, whatever comes before it.
  if (/^(\d+|0x[0-9a-f]*)$/.test(labels.at(-1)!) && !isIPv4(host)) {
    return labels.every((l) => /^\d+$/.test(l))
      ? `${quote(host)} isn't a valid IP address: use four numbers from 0 to 255, like 127.0.0.1.`
      : `${quote(host)} can't end in a number; a site ends in a name, like .com.`;
  }
  if (labels.length === 1 && host !== 'localhost') {
    return COMMON_ENDINGS.has(host)
      ? `That would pause every .${host} site; add the name, like reddit.com.`
      : `Add the ending, like ${clipWithEllipsis(host, QUOTE_MAX)}.com.`;
  }
  return null;
}

/** Validates a host and converts it to the ASCII form browsers report in URLs. */
function normaliseHost(typed: string): { host: string } | { error: string } {
  // IDNA reads these as dots too; mapping them first lets the checks below quote labels as typed.
  const dotted = typed.replace(/[\u3002\uff0e\uff61]/g, '.');
  // "reddit.com." is the fully-qualified spelling of the same site.
  const host = dotted.endsWith('.') ? dotted.slice(0, -1) : dotted;
  if (!host) return { error: EMPTY };
  const early = hostError(host);
  if (early) return { error: early };
  let ascii: string;
  try {
    // The URL parser does IDNA (Bücher.de -> xn--bcher-kva.de) in browsers and Node alike.
    ascii = new URL(`http://${host}/`).hostname;
  } catch {
    return { error: `${quote(host)} isn't a valid web address.` };
  }
  if (ascii.endsWith('.')) ascii = ascii.slice(0, -1);
  const late = ascii ? hostError(ascii) : EMPTY;
  return late ? { error: late } : { host: ascii };
}

/** The path as URL.pathname would spell it, so it compares with real URLs; '' for the whole site. */
function normalisePath(raw: string): string {
  let path = raw.replace(/[/\\]+/g, '/');
  try {
    path = new URL(path, 'http://host.invalid').pathname;
  } catch {
    // Keep the collapsed path; a base URL with a rooted path does not fail in practice.
  }
  return path.replace(/\/+/g, '/').replace(/\/+$/, '');
}

/**
 * Reads what a person typed as a site to pause on. Never throws: bad input
 * gives `{ ok: false, error }` with a sentence to show next to the field.
 * The scheme and host are case-insensitive; the path keeps its case, as URLs do.
 */
export function parseSite(input: string): ParsedSite {
  if (typeof input !== 'string') return fail(EMPTY);
  const text = input.trim();
  if (!text) return fail(EMPTY);
  if (text.length > MAX_INPUT) return fail('That is too long for a site.');
  if (/\s/.test(text)) return fail("A site can't contain spaces.");
  const split = splitScheme(text);
  if ('error' in split) return fail(split.error);

  const rest = split.rest.replace(/[?#].*$/s, '');
  const slash = rest.search(/[/\\]/);
  let hostPort = slash < 0 ? rest : rest.slice(0, slash);
  const rawPath = slash < 0 ? '' : rest.slice(slash);
  // "*." asks for subdomains, which every named host gets by default anyway.
  if (hostPort.startsWith('*.')) hostPort = hostPort.slice(2);
  if (hostPort.includes('*') || rawPath.includes('*')) return fail(STAR);
  if (hostPort.startsWith('[')) return fail("IPv6 addresses can't be paused; use the site's name.");

  const colon = hostPort.indexOf(':');
  if (colon >= 0) {
    // Match patterns cannot name a port, so the rule covers every port of the host.
    const port = hostPort.slice(colon + 1);
    if (!/^\d{0,5}$/.test(port) || Number(port) > 65535) {
      return fail(`${quote(port)} isn't a port number; a port looks like localhost:8080.`);
    }
    hostPort = hostPort.slice(0, colon);
  }
  if (!hostPort) return fail(rawPath ? "Start with the site's name, like youtube.com/shorts." : EMPTY);

  const normal = normaliseHost(hostPort.toLowerCase());
  if ('error' in normal) return fail(normal.error);
  const { host } = normal;
  const rule: SiteRule = {
    host,
    includeSubdomains: host !== 'localhost' && !isIPv4(host),
    path: normalisePath(rawPath),
    scheme: split.scheme,
  };
  return { ok: true, rule, display: formatSite(rule) };
}

/**
 * The normalised text of a rule, as shown in the options page and as stored.
 * It has no syntax for includeSubdomains (the UI has a toggle for that), so
 * parsing it back gives the same rule with parse's default for subdomains.
 */
export function formatSite(rule: SiteRule): string {
  return `${rule.scheme === 'any' ? '' : `${rule.scheme}://`}${rule.host}${rule.path}`;
}

/**
 * Host-level match patterns for a rule, for optional host permission requests
 * and for content-script registration. A path is never included: single-page
 * apps move between paths without a page load, so the script must be on the
 * whole host and urlMatchesSite makes the precise call. "*.host" also covers
 * the host itself in both Chrome and Firefox.
 */
export function matchPatternsFor(rule: SiteRule): string[] {
  const scheme = rule.scheme === 'any' ? '*' : rule.scheme;
  return [`${scheme}://${subdomainsApply(rule) ? '*.' : ''}${rule.host}/*`];
}

/**
 * Whether a page URL falls under a rule: http(s) only, the scheme if the rule
 * names one, the host or (when subdomains are on) a subdomain on a label
 * boundary, and the path prefix on a segment boundary. Port, query and hash
 * play no part. Never throws; an unparseable URL is simply no match.
 */
export function urlMatchesSite(rule: SiteRule, url: string | URL): boolean {
  try {
    const u = typeof url === 'string' ? new URL(url) : url;
    const scheme = u.protocol.slice(0, -1);
    if (scheme !== 'http' && scheme !== 'https') return false;
    if (rule.scheme !== 'any' && rule.scheme !== scheme) return false;
    const h = u.hostname;
    if (h !== rule.host && !(subdomainsApply(rule) && h.endsWith(`.${rule.host}`))) return false;
    const p = u.pathname;
    return !rule.path || p === rule.path || p.startsWith(`${rule.path}/`);
  } catch {
    return false;
  }
}

/**
 * Whether two rules name the same site, for duplicate detection. The
 * subdomain toggle is ignored on purpose: "reddit.com" with and without
 * subdomains read the same in the list, so adding it twice is a duplicate.
 */
export function sameSiteRule(a: SiteRule, b: SiteRule): boolean {
  return a.host === b.host && a.path === b.path && a.scheme === b.scheme;
}
