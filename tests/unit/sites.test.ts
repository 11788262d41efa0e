import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MatchPattern } from '@webext-core/match-patterns';
import {
  formatSite,
  matchPatternsFor,
  parseSite,
  sameSiteRule,
  urlMatchesSite,
  type ParsedSite,
  type SiteRule,
} from '../../lib/sites/site-rules';

const rule = (host: string, more: Partial<SiteRule> = {}): SiteRule => ({
  host,
  includeSubdomains: true,
  path: '',
  scheme: 'any',
  ...more,
});

function okRule(input: string): SiteRule {
  const parsed = parseSite(input);
  if (!parsed.ok) throw new Error(`expected ${input} to parse: ${parsed.error}`);
  return parsed.rule;
}

// ---------- independent oracles ----------

const isIPv4 = (h: string) => /^\d+\.\d+\.\d+\.\d+$/.test(h);

/** Label-by-label host comparison, written without endsWith so it does not share the implementation's idea. */
function oracleHost(r: SiteRule, hostname: string): boolean {
  const want = r.host.split('.');
  const got = hostname.split('.');
  const subdomains = r.includeSubdomains && !isIPv4(r.host) && r.host !== 'localhost';
  if (got.length < want.length || (!subdomains && got.length !== want.length)) return false;
  const tail = got.slice(got.length - want.length);
  return tail.every((label, i) => label === want[i]);
}

/** Segment-by-segment path prefix. */
function oraclePath(r: SiteRule, pathname: string): boolean {
  const want = r.path.split('/').slice(1);
  const got = pathname.split('/').slice(1);
  return want.every((seg, i) => got[i] === seg);
}

function oracle(r: SiteRule, url: string): boolean {
  const u = new URL(url);
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return false;
  if (r.scheme !== 'any' && `${r.scheme}:` !== u.protocol) return false;
  return oracleHost(r, u.hostname) && oraclePath(r, u.pathname);
}

const patternsInclude = (r: SiteRule, url: string) =>
  matchPatternsFor(r).some((p) => new MatchPattern(p).includes(url));

const parses = (url: string) => {
  try {
    new URL(url);
    return true;
  } catch {
    return false;
  }
};

// ---------- generators ----------

const label = fc
  .stringMatching(/^[a-z0-9](?:[a-z0-9-]{0,8}[a-z0-9])?$/)
  .filter((l) => l.slice(2, 4) !== '--'); // "xn--" and friends are reserved for punycode
const tld = fc.stringMatching(/^[a-z]{2,6}$/);
const namedHost = fc.tuple(fc.array(label, { minLength: 1, maxLength: 3 }), tld).map(([ls, t]) => [...ls, t].join('.'));
const ipv4 = fc.tuple(fc.nat(255), fc.nat(255), fc.nat(255), fc.nat(255)).map((n) => n.join('.'));
const segment = fc.stringMatching(/^[A-Za-z0-9_~.-]{1,8}$/).filter((s) => s !== '.' && s !== '..');

/** A valid site as a person might type it, with the rule it must parse to. */
const typedSite = fc
  .record({
    kind: fc.constantFrom('named', 'named', 'named', 'ip', 'localhost'),
    named: namedHost,
    ip: ipv4,
    star: fc.boolean(),
    upper: fc.array(fc.boolean(), { maxLength: 40 }),
    scheme: fc.constantFrom('', '', 'http://', 'https://', 'HTTPS://', 'Http://'),
    port: fc.option(fc.nat(65535)),
    segments: fc.array(segment, { maxLength: 4 }),
    slashes: fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 5, maxLength: 5 }),
    trailing: fc.constantFrom('', '/', '//'),
    query: fc.constantFrom('', '?x=1', '?a=/b*', '#top', '?q=1#h'),
    pad: fc.constantFrom('', ' ', '\t', '  \n'),
  })
  .map((g) => {
    const host = g.kind === 'named' ? g.named : g.kind === 'ip' ? g.ip : 'localhost';
    const cased = [...host].map((c, i) => (g.upper[i] ? c.toUpperCase() : c)).join('');
    const star = g.kind === 'named' && g.star ? '*.' : '';
    const port = g.port === null ? '' : `:${g.port}`;
    const path = g.segments.map((s, i) => '/'.repeat(g.slashes[i] ?? 1) + s).join('');
    const typed = `${g.pad}${g.scheme}${star}${cased}${port}${path}${g.trailing}${g.query}${g.pad}`;
    const expected: SiteRule = {
      host,
      includeSubdomains: g.kind === 'named',
      path: g.segments.length ? `/${g.segments.join('/')}` : '',
      scheme: g.scheme === '' ? 'any' : g.scheme.toLowerCase().startsWith('https') ? 'https' : 'http',
    };
    return { typed, expected };
  });

/** Valid inputs with random damage: the region where parsing bugs live. */
const almostValid = fc
  .tuple(
    typedSite.map((s) => s.typed),
    fc.array(
      fc.record({
        op: fc.constantFrom('insert', 'delete', 'replace', 'duplicate'),
        at: fc.nat(),
        piece: fc.constantFrom(
          ...'/:.*-_ %@[]?#\\!,;\'"<>^|{}~+=&'.split(''),
          'ü', '。', 'ß', '\u0000', '\u00ad', '\u200b', 'İ', '０', '..', 'xn--', 'http:', 'https//', '0x', '256', '-.', '*.',
        ),
      }),
      { maxLength: 4 },
    ),
  )
  .map(([text, edits]) =>
    edits.reduce((s, { op, at, piece }) => {
      const i = at % (s.length + 1);
      if (op === 'insert') return s.slice(0, i) + piece + s.slice(i);
      if (op === 'delete') return s.slice(0, i) + s.slice(i + 1);
      if (op === 'replace') return s.slice(0, i) + piece + s.slice(i + 1);
      return s.slice(0, i) + s.slice(i, i + 3) + s.slice(i);
    }, text),
  );

const anyInput = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc.string({ unit: 'grapheme' }),
  almostValid,
  almostValid,
  fc.webUrl(),
);

/** A valid rule, optionally with subdomains switched off as the options toggle does. */
const anyRule = fc
  .tuple(typedSite, fc.boolean())
  .map(([s, exact]) => ({ ...okRule(s.typed), ...(exact ? { includeSubdomains: false } : {}) }));

/** URLs near a rule: same host, subdomains, look-alikes, path edges, other schemes. */
const urlNear = (r: SiteRule) =>
  fc
    .record({
      scheme: fc.constantFrom('http', 'https', 'HTTPS', 'ftp', 'ws', 'file'),
      host: fc.constantFrom('same', 'sub', 'deep', 'glued', 'suffixed', 'parent', 'upper', 'dot', 'other'),
      sub: label,
      port: fc.constantFrom('', ':80', ':443', ':8080'),
      path: fc.constantFrom('same', 'slash', 'child', 'glued', 'root', 'parent', 'upper', 'random'),
      random: fc.webPath(),
      tail: fc.constantFrom('', '?x=1', '#h', '?a=b#c', '?next=/shorts'),
    })
    .map((u) => {
      const hosts: Record<string, string> = {
        same: r.host,
        sub: `${u.sub}.${r.host}`,
        deep: `a.${u.sub}.${r.host}`,
        glued: `${u.sub}${r.host}`,
        suffixed: `${r.host}.evil.com`,
        parent: r.host.split('.').slice(1).join('.') || 'com',
        upper: r.host.toUpperCase(),
        dot: `${r.host}.`,
        other: `${u.sub}.example`,
      };
      const paths: Record<string, string> = {
        same: r.path,
        slash: `${r.path}/`,
        child: `${r.path}/abc`,
        glued: `${r.path}xyz`,
        root: '/',
        parent: r.path.split('/').slice(0, -1).join('/'),
        upper: r.path.toUpperCase(),
        random: u.random,
      };
      const path = paths[u.path]!;
      return `${u.scheme}://${hosts[u.host]}${u.port}${path.startsWith('/') ? path : `/${path}`}${u.tail}`;
    });

// ---------- properties ----------

describe('parseSite properties', () => {
  it('never throws, and answers with a rule or a sentence', () => {
    fc.assert(
      fc.property(anyInput, (input) => {
        const parsed = parseSite(input);
        if (parsed.ok) {
          expect(parsed.rule.host).toMatch(/^[a-z0-9-]+(\.[a-z0-9-]+)*$/);
          expect(parsed.rule.path === '' || /^\/(?!.*\/\/)(?!.*\/$)/.test(parsed.rule.path)).toBe(true);
          expect(parsed.display).toBe(formatSite(parsed.rule));
        } else {
          expect(parsed.error.length).toBeGreaterThan(1);
          expect(parsed.error).toMatch(/\.$/);
          expect(parsed.error[0]).toBe(parsed.error[0]!.toUpperCase());
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('normalises idempotently: whatever parses, its display parses back to the same rule', () => {
    fc.assert(
      fc.property(anyInput, (input) => {
        const parsed = parseSite(input);
        if (!parsed.ok) return;
        const again = parseSite(parsed.display);
        expect(again).toEqual(parsed);
      }),
      { numRuns: 3000 },
    );
  });

  it('accepts every valid typed site and normalises it to the expected rule', () => {
    fc.assert(
      fc.property(typedSite, ({ typed, expected }) => {
        const parsed = parseSite(typed);
        expect(parsed).toEqual({ ok: true, rule: expected, display: formatSite(expected) });
        expect(parseSite(formatSite(expected))).toEqual(parsed);
      }),
      { numRuns: 1000 },
    );
  });

  it('gives match patterns the pattern library accepts, for anything that parses', () => {
    fc.assert(
      fc.property(anyInput, (input) => {
        const parsed = parseSite(input);
        if (!parsed.ok) return;
        for (const p of matchPatternsFor(parsed.rule)) {
          expect(() => new MatchPattern(p)).not.toThrow();
          expect(p).toMatch(/^(\*|https?):\/\/[^/:]+\/\*$/);
        }
      }),
      { numRuns: 1000 },
    );
  });
});

describe('urlMatchesSite properties', () => {
  const nearPairs = anyRule.chain((r) => fc.tuple(fc.constant(r), urlNear(r)));
  const loosePairs = fc.tuple(anyRule, fc.webUrl({ withQueryParameters: true, withFragments: true }));

  it.each([
    ['URLs near the rule', nearPairs],
    ['arbitrary web URLs', loosePairs],
  ] as const)('agrees with the oracle on %s, and the match patterns cover every match', (_name, pairs) => {
    fc.assert(
      fc.property(pairs, ([r, url]) => {
        if (!parses(url)) {
          expect(urlMatchesSite(r, url)).toBe(false);
          return;
        }
        const matches = urlMatchesSite(r, url);
        expect(matches).toBe(oracle(r, url));
        expect(urlMatchesSite(r, new URL(url))).toBe(matches);
        if (matches) expect(patternsInclude(r, url)).toBe(true);
        // Without a path, the patterns are exactly as broad as the rule for web URLs.
        if (r.path === '' && /^https?:$/.test(new URL(url).protocol)) expect(patternsInclude(r, url)).toBe(matches);
      }),
      { numRuns: 2000 },
    );
  });

  it('never throws, whatever the URL string or rule', () => {
    const oddRule = fc.record({
      host: fc.string(),
      includeSubdomains: fc.boolean(),
      path: fc.string(),
      scheme: fc.constantFrom('any', 'http', 'https'),
    });
    fc.assert(
      fc.property(fc.oneof(anyRule, oddRule), fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.webUrl()), (r, url) => {
        expect(typeof urlMatchesSite(r, url)).toBe('boolean');
      }),
      { numRuns: 2000 },
    );
  });
});

// ---------- tables ----------

describe('parseSite examples', () => {
  it.each([
    ['reddit.com', 'reddit.com', rule('reddit.com')],
    ['*.reddit.com', 'reddit.com', rule('reddit.com')],
    ['  Reddit.com/ ', 'reddit.com', rule('reddit.com')],
    ['reddit.com.', 'reddit.com', rule('reddit.com')],
    ['\u3000reddit.com\u3000', 'reddit.com', rule('reddit.com')],
    ['www.reddit.com', 'www.reddit.com', rule('www.reddit.com')],
    ['old.reddit.com/r/all/', 'old.reddit.com/r/all', rule('old.reddit.com', { path: '/r/all' })],
    ['youtube.com/shorts', 'youtube.com/shorts', rule('youtube.com', { path: '/shorts' })],
    ['youtube.com//shorts///', 'youtube.com/shorts', rule('youtube.com', { path: '/shorts' })],
    ['youtube.com/shorts?feature=x#t', 'youtube.com/shorts', rule('youtube.com', { path: '/shorts' })],
    ['https://x.com/home', 'https://x.com/home', rule('x.com', { path: '/home', scheme: 'https' })],
    ['HTTP://X.COM/Home', 'http://x.com/Home', rule('x.com', { path: '/Home', scheme: 'http' })],
    ['https://*.x.com', 'https://x.com', rule('x.com', { scheme: 'https' })],
    ['127.0.0.1', '127.0.0.1', rule('127.0.0.1', { includeSubdomains: false })],
    ['http://192.168.1.10:3000/app', 'http://192.168.1.10/app', rule('192.168.1.10', { includeSubdomains: false, path: '/app', scheme: 'http' })],
    ['localhost:8080/feed', 'localhost/feed', rule('localhost', { includeSubdomains: false, path: '/feed' })],
    ['localhost', 'localhost', rule('localhost', { includeSubdomains: false })],
    ['reddit.com:', 'reddit.com', rule('reddit.com')],
    ['Bücher.de', 'xn--bcher-kva.de', rule('xn--bcher-kva.de')],
    ['xn--bcher-kva.de', 'xn--bcher-kva.de', rule('xn--bcher-kva.de')],
    ['ＲＥＤＤＩＴ．ｃｏｍ', 'reddit.com', rule('reddit.com')],
    ['x.com/café', 'x.com/caf%C3%A9', rule('x.com', { path: '/caf%C3%A9' })],
    ['x.com/a%zz/%', 'x.com/a%zz/%', rule('x.com', { path: '/a%zz/%' })],
    ['x.com/a/../b/./c', 'x.com/b/c', rule('x.com', { path: '/b/c' })],
    ['x.com/..', 'x.com', rule('x.com')],
    ['reddit.com\\r\\all', 'reddit.com/r/all', rule('reddit.com', { path: '/r/all' })],
    ['my-site.co.uk', 'my-site.co.uk', rule('my-site.co.uk')],
    ['a'.repeat(63) + '.com', 'a'.repeat(63) + '.com', rule('a'.repeat(63) + '.com')],
  ])('%j -> %s', (input, display, expected) => {
    expect(parseSite(input)).toEqual({ ok: true, rule: expected, display });
  });

  const longHost = `${Array.from({ length: 4 }, () => 'a'.repeat(63)).join('.')}.com`; // 259 characters

  it.each([
    ['', 'Type a site, like reddit.com.'],
    ['   ', 'Type a site, like reddit.com.'],
    ['https://', 'Type a site, like reddit.com.'],
    ['/shorts', "Start with the site's name, like youtube.com/shorts."],
    ['reddit', 'Add the ending, like reddit.com.'],
    ['youtube', 'Add the ending, like youtube.com.'],
    ['YouTube/', 'Add the ending, like youtube.com.'],
    ['com', 'That would pause every .com site; add the name, like reddit.com.'],
    ['*.com', 'That would pause every .com site; add the name, like reddit.com.'],
    ['https://*.de', 'That would pause every .de site; add the name, like reddit.com.'],
    ['http//x.com', '“http//x.com” is missing the colon after http: write http://x.com.'],
    ['https//x.com/a', '“https//x.com/a” is missing the colon after https: write https://x.com/a.'],
    ['http//', '“http//” is missing the colon after http: write http:// and then the site.'],
    ['https:/x.com', 'Write the start as https:// (two slashes), as in https://x.com.'],
    ['http:x.com', 'Write the start as http:// (two slashes), as in http://x.com.'],
    ['https:///x.com', 'Write the start as https:// (two slashes), as in https://x.com.'],
    ['http:/', 'Write the start as http:// (two slashes).'],
    ['htps://x.com', '“htps://” is misspelled: write https://x.com.'],
    ['htttp://x.com', '“htttp://” is misspelled: write http://x.com.'],
    ['ttps:x.com', '“ttps:” is misspelled: write https://x.com.'],
    ['ftp://x.com', 'Only http:// and https:// sites can be paused.'],
    ['file:///home/me', 'Only http:// and https:// sites can be paused.'],
    ['chrome://extensions', 'Only http:// and https:// sites can be paused.'],
    ['about:blank', 'Only http:// and https:// sites can be paused.'],
    ['javascript:alert(1)', 'Only http:// and https:// sites can be paused.'],
    ['mailto:me@x.com', 'Only http:// and https:// sites can be paused.'],
    ['moz-extension://abc/page.html', 'Only http:// and https:// sites can be paused.'],
    ['red dit.com', "A site can't contain spaces."],
    ['reddit.com/r/a b', "A site can't contain spaces."],
    ['re*ddit.com', 'A * can only stand at the start, as in *.reddit.com.'],
    ['*reddit.com', 'A * can only stand at the start, as in *.reddit.com.'],
    ['reddit.*', 'A * can only stand at the start, as in *.reddit.com.'],
    ['reddit.com/*', 'A * can only stand at the start, as in *.reddit.com.'],
    ['*://reddit.com/*', 'A * can only stand at the start, as in *.reddit.com.'],
    ['*', 'A * can only stand at the start, as in *.reddit.com.'],
    ['re_dit.com', '“_” can\'t be part of a web address.'],
    ['red!t.com', '“!” can\'t be part of a web address.'],
    ['me@reddit.com', '“@” can\'t be part of a web address.'],
    ['[::1]', "IPv6 addresses can't be paused; use the site's name."],
    ['http://[::1]:8080/', "IPv6 addresses can't be paused; use the site's name."],
    ['a[b].com', '“[” can\'t be part of a web address.'],
    ['100%.com', '“%” can\'t be part of a web address.'],
    ['reddit..com', '“reddit..com” has an extra dot.'],
    ['.reddit.com', '“.reddit.com” has an extra dot.'],
    ['reddit.com..', '“reddit.com.” has an extra dot.'],
    ['.', 'Type a site, like reddit.com.'],
    ['-reddit.com', '“-reddit” can\'t start or end with a hyphen (-).'],
    ['reddit-.com', '“reddit-” can\'t start or end with a hyphen (-).'],
    ['reddit.-com', '“-com” can\'t start or end with a hyphen (-).'],
    [`${'a'.repeat(64)}.com`, `“${'a'.repeat(39)}…” is too long: each part between dots can have at most 63 characters.`],
    [longHost, 'That site name is too long: it can have at most 253 characters.'],
    ['1.2.3', '“1.2.3” isn\'t a valid IP address: use four numbers from 0 to 255, like 127.0.0.1.'],
    ['256.1.1.1', '“256.1.1.1” isn\'t a valid IP address: use four numbers from 0 to 255, like 127.0.0.1.'],
    ['1.2.3.4.5', '“1.2.3.4.5” isn\'t a valid IP address: use four numbers from 0 to 255, like 127.0.0.1.'],
    ['010.0.0.1', '“010.0.0.1” isn\'t a valid IP address: use four numbers from 0 to 255, like 127.0.0.1.'],
    ['example.123', '“example.123” can\'t end in a number; a site ends in a name, like .com.'],
    ['example.0x1f', '“example.0x1f” can\'t end in a number; a site ends in a name, like .com.'],
    ['reddit.com:abc', '“abc” isn\'t a port number; a port looks like localhost:8080.'],
    ['localhost:99999', '“99999” isn\'t a port number; a port looks like localhost:8080.'],
    ['xn--zz.com', '“xn--zz.com” isn\'t a valid web address.'],
    ['x'.repeat(2001), 'That is too long for a site.'],
  ])('%j -> %s', (input, message) => {
    expect(parseSite(input)).toEqual({ ok: false, error: message } satisfies ParsedSite);
  });

  it('treats non-string input as empty instead of throwing', () => {
    expect(parseSite(undefined as unknown as string)).toEqual({ ok: false, error: 'Type a site, like reddit.com.' });
  });
});

describe('formatSite, matchPatternsFor, sameSiteRule', () => {
  it.each([
    [rule('reddit.com'), 'reddit.com', ['*://*.reddit.com/*']],
    [rule('reddit.com', { includeSubdomains: false }), 'reddit.com', ['*://reddit.com/*']],
    [rule('youtube.com', { path: '/shorts' }), 'youtube.com/shorts', ['*://*.youtube.com/*']],
    [rule('x.com', { scheme: 'https', path: '/home' }), 'https://x.com/home', ['https://*.x.com/*']],
    [rule('x.com', { scheme: 'http', includeSubdomains: false }), 'http://x.com', ['http://x.com/*']],
    [rule('127.0.0.1', { includeSubdomains: false }), '127.0.0.1', ['*://127.0.0.1/*']],
    // A stored rule claiming subdomains for an IP or localhost still registers exactly.
    [rule('127.0.0.1'), '127.0.0.1', ['*://127.0.0.1/*']],
    [rule('localhost', { path: '/feed' }), 'localhost/feed', ['*://localhost/*']],
  ])('%j -> %s, %j', (r, display, patterns) => {
    expect(formatSite(r)).toBe(display);
    expect(matchPatternsFor(r)).toEqual(patterns);
  });

  it('round-trips formatSite through parseSite', () => {
    for (const input of ['reddit.com', 'youtube.com/shorts', 'https://x.com/home', 'localhost/feed', '10.0.0.1']) {
      const r = okRule(input);
      expect(okRule(formatSite(r))).toEqual(r);
    }
  });

  it('finds duplicates by host, path and scheme, not by the subdomain toggle', () => {
    expect(sameSiteRule(okRule('reddit.com'), okRule('*.Reddit.com/'))).toBe(true);
    expect(sameSiteRule(okRule('reddit.com'), { ...okRule('reddit.com'), includeSubdomains: false })).toBe(true);
    expect(sameSiteRule(okRule('reddit.com'), okRule('www.reddit.com'))).toBe(false);
    expect(sameSiteRule(okRule('youtube.com'), okRule('youtube.com/shorts'))).toBe(false);
    expect(sameSiteRule(okRule('x.com'), okRule('https://x.com'))).toBe(false);
  });
});

describe('urlMatchesSite examples', () => {
  it.each([
    ['reddit.com', 'https://reddit.com/', true],
    ['reddit.com', 'https://www.reddit.com/r/all', true],
    ['reddit.com', 'http://old.reddit.com/', true],
    ['reddit.com', 'https://REDDIT.COM/', true],
    ['reddit.com', 'https://reddit.com:8443/x', true],
    ['reddit.com', 'https://notreddit.com/', false],
    ['reddit.com', 'https://reddit.com.evil.com/', false],
    ['reddit.com', 'https://evil.com/reddit.com', false],
    ['reddit.com', 'https://evil.com/?u=https://reddit.com', false],
    ['reddit.com', 'ftp://reddit.com/', false],
    ['reddit.com', 'ws://reddit.com/', false],
    ['reddit.com', 'view-source:https://reddit.com/', false],
    ['reddit.com', 'not a url', false],
    ['reddit.com', '', false],
    ['www.reddit.com', 'https://www.reddit.com/', true],
    ['www.reddit.com', 'https://a.www.reddit.com/', true],
    ['www.reddit.com', 'https://reddit.com/', false],
    ['www.reddit.com', 'https://old.reddit.com/', false],
    ['youtube.com/shorts', 'https://www.youtube.com/shorts', true],
    ['youtube.com/shorts', 'https://www.youtube.com/shorts/', true],
    ['youtube.com/shorts', 'https://m.youtube.com/shorts/abc', true],
    ['youtube.com/shorts', 'https://www.youtube.com/shorts?x=1', true],
    ['youtube.com/shorts', 'https://www.youtube.com/shorts#x', true],
    ['youtube.com/shorts', 'https://www.youtube.com/shortsxyz', false],
    ['youtube.com/shorts', 'https://www.youtube.com/Shorts', false],
    ['youtube.com/shorts', 'https://www.youtube.com/watch?v=1&list=/shorts', false],
    ['youtube.com/shorts/', 'https://youtube.com/shorts/abc', true],
    ['https://x.com', 'https://x.com/home', true],
    ['https://x.com', 'http://x.com/home', false],
    ['http://x.com', 'http://x.com/', true],
    ['http://x.com', 'https://x.com/', false],
    ['x.com', 'http://x.com/', true],
    ['127.0.0.1', 'http://127.0.0.1:3000/', true],
    ['127.0.0.1', 'http://127.0.0.10/', false],
    ['127.0.0.1', 'http://1127.0.0.1/', false],
    ['127.0.0.1', 'http://localhost/', false],
    ['localhost', 'http://localhost:8080/feed', true],
    ['localhost', 'http://app.localhost/', false],
    ['Bücher.de', 'https://www.bücher.de/', true],
    ['Bücher.de', 'https://xn--bcher-kva.de/', true],
    ['xn--bcher-kva.de', 'https://bücher.de/', true],
    ['Bücher.de', 'https://bucher.de/', false],
  ])('%s on %s -> %s', (site, url, expected) => {
    const r = okRule(site);
    expect(urlMatchesSite(r, url)).toBe(expected);
    if (parses(url)) expect(urlMatchesSite(r, new URL(url))).toBe(expected);
  });

  it('honours the subdomain toggle', () => {
    const exact = { ...okRule('reddit.com'), includeSubdomains: false };
    expect(urlMatchesSite(exact, 'https://reddit.com/')).toBe(true);
    expect(urlMatchesSite(exact, 'https://www.reddit.com/')).toBe(false);
  });
});
