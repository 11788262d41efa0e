/**
 * What a site is: how the text a person types (or settings keep) reads as a
 * rule, the rule's normalised text, its match patterns, and whether a page
 * URL falls under it. The one definition of "this site" for the content
 * scripts, the background, the pages and the tests. A site that cannot be
 * read says why as data (`SiteProblem`); the sentences for the person live in
 * `site-rules.ts`, which only the extension's pages load, so no content script
 * carries them.
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

/** Why typed text is not a site, with what a sentence about it quotes. `site-rules.ts` words each one. */
export type SiteProblem =
  | { code: 'empty' | 'input-too-long' | 'space' | 'star' | 'ipv6' | 'no-name' | 'host-too-long' }
  /** "http//x.com": `text` as typed, `after` what followed the slashes */
  | { code: 'no-colon'; text: string; scheme: 'http' | 'https'; after: string }
  /** "https:/x.com": the web scheme without its two slashes */
  | { code: 'slashes'; scheme: 'http' | 'https'; after: string }
  /** "ftp://x.com", or a misspelled web scheme such as "htps://x.com" */
  | { code: 'scheme'; name: string; slashes: string; after: string }
  | { code: 'port'; port: string }
  /** a character no web address holds */
  | { code: 'char'; char: string }
  /** extra-dot: an empty label; number: ends in a number but is no IPv4 address; ending: one label; invalid: IDNA refused it */
  | { code: 'extra-dot' | 'number' | 'ending' | 'invalid'; host: string }
  | { code: 'label-too-long' | 'hyphen'; label: string };

/** Typed text read as a site: its rule, or why it is not one. */
export type SiteReading = { ok: true; rule: SiteRule } | { ok: false; problem: SiteProblem };

const MAX_INPUT = 2000;

const fail = (problem: SiteProblem): SiteReading => ({ ok: false, problem });

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

type SchemeSplit = { scheme: SiteRule['scheme']; rest: string } | { problem: SiteProblem };

/** Separates an optional scheme, telling a mistyped web address apart from a host with a port. */
function splitScheme(text: string): SchemeSplit {
  const noColon = /^(https?)\/+(.+)$/i.exec(text);
  if (noColon) {
    return { problem: { code: 'no-colon', text, scheme: noColon[1]!.toLowerCase() as 'http' | 'https', after: noColon[2]! } };
  }
  const m = /^([a-z][a-z0-9+.-]*):(\/*)(.*)$/is.exec(text);
  if (!m) return { scheme: 'any', rest: text };
  const name = m[1]!.toLowerCase();
  const slashes = m[2]!;
  const after = m[3]!;
  if (name === 'http' || name === 'https') {
    return slashes.length === 2 ? { scheme: name, rest: after } : { problem: { code: 'slashes', scheme: name, after } };
  }
  // "localhost:8080" or "reddit.com:abc" is a host with a (maybe bad) port, not a scheme.
  if (!slashes && (/^\d*([/?#\\]|$)/.test(after) || name.includes('.') || name === 'localhost')) {
    return { scheme: 'any', rest: text };
  }
  return { problem: { code: 'scheme', name, slashes, after } };
}

/**
 * What is wrong with a lowercased host, or null. Runs before punycode
 * conversion (so messages quote what was typed) and again after it (so the
 * stored host is sound too).
 */
function hostProblem(host: string): SiteProblem | null {
  for (const ch of host) {
    if (ch < '\u0080' && !/[a-z0-9.-]/.test(ch)) return { code: 'char', char: ch };
  }
  const labels = host.split('.');
  if (labels.includes('')) return { code: 'extra-dot', host };
  for (const label of labels) {
    if (label.length > 63) return { code: 'label-too-long', label };
    if (label.startsWith('-') || label.endsWith('-')) return { code: 'hyphen', label };
  }
  if (host.length > 253) return { code: 'host-too-long' };
  // Browsers read a host ending in a number as an IP address, whatever comes before it.
  if (/^(\d+|0x[0-9a-f]*)$/.test(labels.at(-1)!) && !isIPv4(host)) return { code: 'number', host };
  if (labels.length === 1 && host !== 'localhost') return { code: 'ending', host };
  return null;
}

/** Validates a host and converts it to the ASCII form browsers report in URLs. */
function normaliseHost(typed: string): { host: string } | { problem: SiteProblem } {
  // IDNA reads these as dots too; mapping them first lets the checks below quote labels as typed.
  const dotted = typed.replace(/[\u3002\uff0e\uff61]/g, '.');
  // "reddit.com." is the fully-qualified spelling of the same site.
  const host = dotted.endsWith('.') ? dotted.slice(0, -1) : dotted;
  if (!host) return { problem: { code: 'empty' } };
  const early = hostProblem(host);
  if (early) return { problem: early };
  let ascii: string;
  try {
    // The URL parser does IDNA (Bücher.de -> xn--bcher-kva.de) in browsers and Node alike.
    ascii = new URL(`http://${host}/`).hostname;
  } catch {
    return { problem: { code: 'invalid', host } };
  }
  if (ascii.endsWith('.')) ascii = ascii.slice(0, -1);
  const late = ascii ? hostProblem(ascii) : { code: 'empty' as const };
  return late ? { problem: late } : { host: ascii };
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
 * Reads text as a site to pause on. Never throws: text that is not a site
 * gives `{ ok: false, problem }`. The scheme and host are case-insensitive;
 * the path keeps its case, as URLs do.
 */
export function readSite(input: string): SiteReading {
  if (typeof input !== 'string') return fail({ code: 'empty' });
  const text = input.trim();
  if (!text) return fail({ code: 'empty' });
  if (text.length > MAX_INPUT) return fail({ code: 'input-too-long' });
  if (/\s/.test(text)) return fail({ code: 'space' });
  const split = splitScheme(text);
  if ('problem' in split) return fail(split.problem);

  const rest = split.rest.replace(/[?#].*$/s, '');
  const slash = rest.search(/[/\\]/);
  let hostPort = slash < 0 ? rest : rest.slice(0, slash);
  const rawPath = slash < 0 ? '' : rest.slice(slash);
  // "*." asks for subdomains, which every named host gets by default anyway.
  if (hostPort.startsWith('*.')) hostPort = hostPort.slice(2);
  if (hostPort.includes('*') || rawPath.includes('*')) return fail({ code: 'star' });
  if (hostPort.startsWith('[')) return fail({ code: 'ipv6' });

  const colon = hostPort.indexOf(':');
  if (colon >= 0) {
    // Match patterns cannot name a port, so the rule covers every port of the host.
    const port = hostPort.slice(colon + 1);
    if (!/^\d{0,5}$/.test(port) || Number(port) > 65535) return fail({ code: 'port', port });
    hostPort = hostPort.slice(0, colon);
  }
  if (!hostPort) return fail({ code: rawPath ? 'no-name' : 'empty' });

  const normal = normaliseHost(hostPort.toLowerCase());
  if ('problem' in normal) return fail(normal.problem);
  const { host } = normal;
  return {
    ok: true,
    rule: {
      host,
      includeSubdomains: host !== 'localhost' && !isIPv4(host),
      path: normalisePath(rawPath),
      scheme: split.scheme,
    },
  };
}

/** The rule of each text that reads as a site; text that does not is skipped. */
export function rulesIn(texts: readonly string[]): SiteRule[] {
  return texts.flatMap((text) => {
    const read = readSite(text);
    return read.ok ? [read.rule] : [];
  });
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
