import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSecureContext, TLSSocket } from 'node:tls';
import { CHROMIUM_RESOLVER_RULES } from './browsers.ts';
import { notFound, respond, type Route } from './server.ts';

/**
 * Real addresses (https://meet.google.com/abc-defg-hij, https://meet.jit.si/…)
 * served from local fixtures, so a test sees the URL a user would. A loopback
 * HTTP proxy that every browser request goes to: plain-http proxy requests are
 * answered directly; a CONNECT for a host that has routes is answered by
 * terminating TLS here with a self-signed certificate and serving the routes
 * over it. A CONNECT for any other host is refused (403, see below), a plain
 * http request for an unknown host or path and an https request for an
 * unknown path on a known host get a 404: nothing is ever forwarded, nothing
 * leaves the machine.
 *
 * Certificate: made at start with the `openssl` CLI (Debian's, always there)
 * in a temp dir that is deleted as soon as key and certificate are read: a
 * P-256 self-signed certificate with SANs for the route hosts and a wildcard
 * for each. No npm dependency is needed for one certificate that the browsers
 * are told to accept anyway (Chromium: `--ignore-certificate-errors`; Firefox:
 * puppeteer's `acceptInsecureCerts`, which WebDriver BiDi implements by
 * disabling certificate checks, HSTS-preloaded hosts included).
 */

/**
 * Route keys:
 * - a full URL, `https://meet.google.com/abc-defg-hij`: that scheme, host and
 *   path exactly (query and hash are ignored);
 * - a host and path prefix without a scheme, `meet.jit.si/static` or
 *   `app.zoom.us`: every path at or below it on segment boundaries, over
 *   http and https. The longest prefix wins; a full URL wins over any prefix.
 */
export type HostedRoutes = Record<string, Route>;

/** One request the proxy saw, for assertions and debugging. */
export interface HostedRequest {
  method: string;
  /** `https://host/path?query`, or for a CONNECT `host:port`. */
  url: string;
  /** The status sent; 0 when a handler route answered (status unknown). */
  status: number;
}

/** What {@link startHostedSites} returns; pass it to `launch(kind, dir, { hostedSites })`. */
export interface HostedSites {
  /** The proxy, `http://127.0.0.1:PORT`. */
  proxy: string;
  port: number;
  /** Chromium flags that replace the harness's dead proxy with this one (plus the unchanged resolver rules). */
  chromiumArgs: string[];
  /** Firefox prefs that replace the harness's dead proxy with this one. */
  firefoxPrefs: Record<string, unknown>;
  /** Whether the browser must accept the self-signed certificate (puppeteer's `acceptInsecureCerts`). Always true. */
  acceptInsecureCerts: true;
  /** Adds or replaces a route while running (a key as in {@link HostedRoutes}). */
  route(key: string, route: Route): void;
  /** Every request so far, oldest first. */
  requests: HostedRequest[];
  close(): Promise<void>;
}

interface Table {
  exact: Map<string, Route>;
  /** host → [path prefix, route], longest prefix first */
  prefixes: Map<string, Array<[string, Route]>>;
}

const trimSlash = (p: string) => (p.length > 1 ? p.replace(/\/+$/, '') : p === '/' ? '' : p);

function addRoute(table: Table, key: string, route: Route): string {
  if (/^https?:\/\//i.test(key)) {
    const u = new URL(key);
    table.exact.set(`${u.protocol}//${u.hostname}${u.pathname}`, route);
    return u.hostname;
  }
  if (key.includes('://')) throw new Error(`hosted sites serve http and https only, not ${key}`);
  const u = new URL(`http://${key}`);
  const path = trimSlash(u.pathname);
  const list = (table.prefixes.get(u.hostname) ?? []).filter(([p]) => p !== path);
  list.push([path, route]);
  list.sort((a, b) => b[0].length - a[0].length);
  table.prefixes.set(u.hostname, list);
  return u.hostname;
}

function findRoute(table: Table, url: URL): Route | undefined {
  const exact = table.exact.get(`${url.protocol}//${url.hostname}${url.pathname}`);
  if (exact) return exact;
  const p = url.pathname;
  return table.prefixes.get(url.hostname)?.find(([prefix]) => !prefix || p === prefix || p.startsWith(`${prefix}/`))?.[1];
}

/** A self-signed certificate for `hosts` (and `*.host` for each), made with the openssl CLI. */
function makeCertificate(hosts: string[]): { key: Buffer; cert: Buffer } {
  const names = [...new Set(['localhost', ...hosts.flatMap((h) => [h, `*.${h}`])])];
  const dir = mkdtempSync(join(tmpdir(), 'pm-hosted-sites-'));
  try {
    // prettier-ignore
    execFileSync('openssl', [
      'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes',
      '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'), '-days', '7',
      '-subj', '/CN=Pause Moment e2e hosted sites',
      '-addext', `subjectAltName=${names.map((n) => `DNS:${n}`).join(',')}`,
      '-addext', 'basicConstraints=critical,CA:FALSE',
      '-addext', 'extendedKeyUsage=serverAuth',
    ], { stdio: ['ignore', 'ignore', 'pipe'] });
    return { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Starts the hosted sites proxy on a random loopback port. Hosts are known
 * from the routes given here (or added later with `route`); the certificate
 * names the hosts given here, which matters little since both browsers are
 * told to accept it.
 */
export async function startHostedSites(routes: HostedRoutes): Promise<HostedSites> {
  const table: Table = { exact: new Map(), prefixes: new Map() };
  const hosts = new Set<string>();
  for (const [key, route] of Object.entries(routes)) hosts.add(addRoute(table, key, route));
  const context = createSecureContext(makeCertificate([...hosts]));
  const requests: HostedRequest[] = [];
  const sockets = new Set<Socket>();
  /** The CONNECT target of each TLS tunnel, in case a request has no Host header. */
  const tunnelHost = new WeakMap<object, string>();

  const serve = (scheme: 'http:' | 'https:', req: IncomingMessage, res: ServerResponse) => {
    let url: URL;
    try {
      // A plain-http proxy request carries an absolute URL; a request inside a tunnel a path.
      url = /^https?:\/\//i.test(req.url ?? '')
        ? new URL(req.url!)
        : new URL(req.url ?? '/', `${scheme}//${req.headers.host ?? tunnelHost.get(req.socket) ?? 'unknown.invalid'}`);
    } catch {
      requests.push({ method: req.method ?? '?', url: req.url ?? '', status: 400 });
      return void res.writeHead(400).end();
    }
    const route = findRoute(table, url);
    requests.push({ method: req.method ?? '?', url: url.href, status: route ? (route.handler ? 0 : (route.status ?? 200)) : 404 });
    if (!route) return notFound(res, url.href);
    // Handlers see what an origin server would: a path, not the proxy's absolute URL.
    req.url = url.pathname + url.search;
    respond(route, req, res);
  };

  // Requests that arrive through a TLS tunnel.
  const inner = createServer((req, res) => serve('https:', req, res));
  inner.on('clientError', (_e, socket) => socket.destroy());

  const proxy = createServer((req, res) => serve('http:', req, res));
  proxy.on('clientError', (_e, socket) => socket.destroy());
  proxy.on('connection', (s) => {
    sockets.add(s);
    s.once('close', () => sockets.delete(s));
  });
  proxy.on('connect', (req: IncomingMessage, socket: Socket, head: Buffer) => {
    socket.on('error', () => {});
    const target = req.url ?? '';
    const host = target.replace(/:\d+$/, '').replace(/^\[|\]$/g, '').toLowerCase();
    const known = hosts.has(host);
    requests.push({ method: 'CONNECT', url: target, status: known ? 200 : 403 });
    if (!known) {
      // Refused: the browser shows a connection error. Not 404: Firefox reads a
      // 404 to CONNECT as "host not found", and its dnsNotFound error page then
      // looks up www.<host> with the system resolver, past any proxy (measured
      // with strace). A 403 gives "proxy refused" pages with no lookup.
      return void socket.end('HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\nConnection: close\r\n\r\n');
    }
    socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
    if (head.length) socket.unshift(head);
    const tls = new TLSSocket(socket, { isServer: true, secureContext: context });
    tls.on('error', () => socket.destroy());
    tunnelHost.set(tls, host);
    inner.emit('connection', tls);
  });

  await new Promise<void>((ok, fail) => proxy.once('error', fail).listen(0, '127.0.0.1', ok));
  const { port } = proxy.address() as AddressInfo;
  const proxyUrl = `http://127.0.0.1:${port}`;
  return {
    proxy: proxyUrl,
    port,
    // With a proxy Chromium resolves no target host itself; the rules keep any
    // direct (non-proxied) lookup failing, as in every other launch.
    chromiumArgs: [`--proxy-server=${proxyUrl}`, '--ignore-certificate-errors', CHROMIUM_RESOLVER_RULES],
    firefoxPrefs: {
      'network.proxy.type': 1,
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': port,
      'network.proxy.ssl': '127.0.0.1',
      'network.proxy.ssl_port': port,
    },
    acceptInsecureCerts: true,
    route: (key, route) => void hosts.add(addRoute(table, key, route)),
    requests,
    close: () =>
      new Promise<void>((ok) => {
        for (const s of sockets) s.destroy();
        proxy.closeAllConnections();
        proxy.close(() => ok());
      }),
  };
}
