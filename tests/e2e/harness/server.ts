import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import type { AddressInfo } from 'node:net';
import { sleep } from './wait.ts';

/** Folder whose files the fixture server serves at `/`. */
export const FIXTURES_DIR = resolve(import.meta.dirname, '../../fixtures');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.gif': 'image/gif',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * A programmable route. `body` is sent at once; `chunks` are streamed one by
 * one after the head, each preceded by `delayMs` (a per-chunk delay wins), so a
 * test can hold a page in the "loading" state.
 */
export interface Route {
  status?: number;
  /** Extra headers, e.g. `{ 'content-security-policy': "default-src 'self'" }`. */
  headers?: Record<string, string>;
  body?: string | Buffer;
  /**
   * A file to send as the body, read on every request (so edits show up):
   * relative to `tests/fixtures/` or absolute. Its content type comes from its
   * extension unless `headers` names one.
   */
  file?: string;
  chunks?: Array<string | { data: string; delayMs?: number }>;
  /** Default delay before each chunk, in ms. */
  delayMs?: number;
  /** Full control: any handler may write the response itself. */
  handler?: (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;
}

/** What {@link startFixtureServer} returns. */
export interface FixtureServer {
  /** `http://127.0.0.1:PORT` (or the loopback host asked for) */
  origin: string;
  /** Same server, other host name: `http://localhost:PORT` (a second origin). */
  altOrigin: string;
  /** Absolute URL on {@link FixtureServer.origin}. */
  url(path: string): string;
  /** Adds or replaces a route while running. */
  route(path: string, route: Route): void;
  close(): Promise<void>;
}

/** Content type for a file name, by extension. */
export function contentType(file: string): string {
  return TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * Sends one {@link Route} as the response. Shared by the fixture server and
 * the hosted sites proxy (hosted-sites.ts).
 */
export async function serveRoute(route: Route, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (route.handler) return route.handler(req, res);
  const file = route.file === undefined ? undefined : resolve(FIXTURES_DIR, route.file);
  const body = file === undefined ? route.body : await readFile(file);
  const type = file === undefined ? TYPES['.html']! : contentType(file);
  const headers = { 'content-type': type, 'cache-control': 'no-store', ...route.headers };
  res.writeHead(route.status ?? 200, headers);
  if (body !== undefined) res.write(body);
  if (route.chunks) {
    res.flushHeaders();
    for (const c of route.chunks) {
      const { data, delayMs = route.delayMs ?? 0 } = typeof c === 'string' ? { data: c } : c;
      // Kept: the delay is the route's point, a slow network.
      if (delayMs) await sleep(delayMs);
      if (res.destroyed) return;
      res.write(data);
    }
  }
  res.end();
}

async function serveFile(root: string, pathname: string, res: ServerResponse) {
  const rel = normalize(decodeURIComponent(pathname)).replace(/^[/\\]+/, '') || 'index.html';
  const file = join(root, rel);
  if (!file.startsWith(root + sep)) return void res.writeHead(403).end();
  try {
    const data = await readFile(file);
    res.writeHead(200, { 'content-type': contentType(file), 'cache-control': 'no-store' }).end(data);
  } catch {
    notFound(res, pathname);
  }
}

/** A plain-text 404 naming what was not found. */
export function notFound(res: ServerResponse, what: string): void {
  res.writeHead(404, { 'content-type': TYPES['.txt']!, 'cache-control': 'no-store' }).end(`not found: ${what}`);
}

/** Serves a route, turning a thrown error into a 500 (or a cut response once the head is out). */
export function respond(route: Route, req: IncomingMessage, res: ServerResponse): void {
  serveRoute(route, req, res).catch((e) => {
    if (!res.headersSent) res.writeHead(500);
    res.end(String(e));
  });
}

/**
 * Starts a loopback-only HTTP server on a random port serving `tests/fixtures/`
 * plus `routes` (keyed by pathname, which win over files). `root` replaces
 * the fixtures folder.
 */
export async function startFixtureServer(
  routes: Record<string, Route> = {},
  { root = FIXTURES_DIR, host = '127.0.0.1' }: { root?: string; host?: string } = {},
): Promise<FixtureServer> {
  root = resolve(root);
  if (!host.startsWith('127.')) throw new Error(`the fixture server listens on loopback only, not ${host}`);
  const table = new Map(Object.entries(routes));
  const server = createServer((req, res) => {
    const { pathname } = new URL(req.url ?? '/', 'http://x');
    const route = table.get(pathname);
    if (route) return respond(route, req, res);
    serveFile(root, pathname, res).catch((e) => {
      if (!res.headersSent) res.writeHead(500);
      res.end(String(e));
    });
  });
  await new Promise<void>((ok, fail) => server.once('error', fail).listen(0, host, ok));
  const { port } = server.address() as AddressInfo;
  const origin = `http://${host}:${port}`;
  return {
    origin,
    altOrigin: `http://localhost:${port}`,
    url: (path) => new URL(path, origin).href,
    route: (path, route) => void table.set(path, route),
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}
