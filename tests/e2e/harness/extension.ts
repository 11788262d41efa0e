import type { Page } from 'puppeteer-core';
import type { Harness } from './browsers.ts';
import { waitFor } from './wait.ts';

export { sleep, waitFor, type WaitOptions, type Truthy } from './wait.ts';

/** The internal BiDi handle puppeteer keeps on a Firefox frame. */
type BidiFrame = { browsingContext?: { navigate(url: string, wait?: 'none'): Promise<unknown> } };

/**
 * Opens `path` of the extension (e.g. `/options.html`) in a new tab and waits
 * until its document is complete.
 *
 * Firefox: BiDi sends no load events for moz-extension documents, so
 * `page.goto` would time out and `page.url()` stays `about:blank`; we start
 * the navigation without waiting and poll `location.href` instead.
 */
export async function openExtensionPage(h: Harness, path: string, timeout = 10_000): Promise<Page> {
  const page = await h.browser.newPage();
  const url = h.extensionUrl(path);
  if (h.kind === 'chromium') {
    await page.goto(url, { waitUntil: 'load', timeout });
    return page;
  }
  try {
    const frame = page.mainFrame() as unknown as BidiFrame;
    if (!frame.browsingContext) throw new Error('puppeteer internals changed: BidiFrame.browsingContext is missing');
    await frame.browsingContext.navigate(url, 'none');
    const probe = `document.readyState === 'complete' && location.href === ${JSON.stringify(url)}`;
    await waitFor(() => page.evaluate(probe), { timeout, message: `extension page ${url} to load` });
    return page;
  } catch (e) {
    await page.close().catch(() => {});
    throw e;
  }
}

/**
 * Runs the function source `fn` with JSON `args` in a fresh tab of the
 * extension page `h.probePage`, then closes the tab. Code is passed as a
 * string (no in-page eval, which MV3's CSP forbids, and no tsx helpers leak
 * in). The value crosses as JSON (Dates as `{ $date: iso }`) so both browsers
 * give the same shapes.
 */
async function inExtensionPage<T>(h: Harness, fn: string, args: unknown[]): Promise<T> {
  const page = await openExtensionPage(h, h.probePage);
  try {
    const json = await page.evaluate(`(async () => JSON.stringify(await (${fn})(...${JSON.stringify(args)}),
      function (k, v) { return this[k] instanceof Date ? { $date: v } : v; }))()`);
    return json === undefined ? (undefined as T) : JSON.parse(json as string);
  } finally {
    await page.close();
  }
}

/** All of `storage.local` of the extension (read in an extension page). */
export function extensionStorage(h: Harness): Promise<Record<string, unknown>> {
  return inExtensionPage(h, '() => (globalThis.browser ?? globalThis.chrome).storage.local.get(null)', []);
}

/**
 * All values of IndexedDB object store `storeName` in database `dbName` of
 * the extension origin. Resolves `[]` if the database or store does not exist
 * (it is not created).
 */
export function readIndexedDb(h: Harness, dbName: string, storeName: string): Promise<unknown[]> {
  return inExtensionPage(h, READ_IDB, [dbName, storeName]);
}

const READ_IDB = `(db, store) => new Promise((resolve, reject) => {
  const req = indexedDB.open(db);
  let created = false;
  req.onupgradeneeded = () => { created = true; req.transaction.abort(); };
  req.onerror = () => created ? resolve([]) : reject(req.error);
  req.onsuccess = () => {
    const conn = req.result;
    if (!conn.objectStoreNames.contains(store)) { conn.close(); return resolve([]); }
    const all = conn.transaction(store, 'readonly').objectStore(store).getAll();
    all.onsuccess = () => { conn.close(); resolve(all.result); };
    all.onerror = () => { conn.close(); reject(all.error); };
  };
})`;

/**
 * Updates the extension under its open pages: Chromium loads the same
 * unpacked folder again (an update: `onInstalled` with reason "update"),
 * Firefox reloads the add-on from one of its own pages. Every page of the old
 * version closes either way.
 */
export async function updateExtension(h: Harness, extensionDir: string): Promise<void> {
  if (h.kind === 'chromium') {
    await h.browser.installExtension(extensionDir);
    return;
  }
  const page = await openExtensionPage(h, '/popup.html');
  await page.evaluate(`setTimeout(() => browser.runtime.reload(), 0)`);
  await waitFor(() => page.isClosed() || page.evaluate('0').then(() => false, () => true), { timeout: 10_000, message: 'the old version to go' });
  await page.close().catch(() => undefined);
}
