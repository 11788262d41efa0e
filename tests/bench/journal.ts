/**
 * The journal part of `npm run bench` (alone: `BENCH_ONLY=journal npm run bench`).
 *
 * In the real browser with the test build installed, for each size the
 * journal is made again as the first version kept it (database version 1,
 * reflections only) holding 1,000, 10,000 or 100,000 generated reflections
 * (journal-data.ts; written straight into IndexedDB from an extension page,
 * not measured), and then:
 *
 *   upgrade the first popup open after that: the journal is upgraded, its
 *           word index built from every reflection, and the list painted;
 *           ms from the page's navigation start (one sample). The note gives
 *           the extension's IndexedDB usage before and after (as the browser
 *           estimates it).
 *   popup   open /popup.html in a fresh tab → the newest reflections are in
 *           the DOM, and the next frame after that (≈ painted); ms from the
 *           page's navigation start. Beside it: bench/blank.html (test builds
 *           only), an extension page whose one small script reads the newest
 *           20 with a plain IndexedDB cursor and lists them, measured the
 *           same way: the least any extension page could do. The plain read
 *           alone, in a tab already open, is in the note. Also from the
 *           page's load event: Chromium shows a popup only when its document
 *           has loaded (ExtensionPopup::DocumentOnLoadCompletedInPrimaryMainFrame),
 *           so that is when a person sees it open.
 *   search  a query set into the popup's search box (one input event, as a
 *           paste) → the list shows exactly the expected results. Reported
 *           from the input event (includes the UI's debounce) and from
 *           the moment the debounce timer fired (≈ `searchReflections` plus
 *           Svelte rendering 20 items). A rare term and a common one. Beside
 *           it: a plain cursor walk, newest first, with a lowercase substring
 *           test, stopping at 20 matches (what a search without an index
 *           must read).
 *   export  click "Export everything (JSON)" in /options.html → the page hands
 *           the finished file to an <a download> (click() is caught). Beside
 *           it: a plain cursor walk collecting every value.
 *   import  that exported file chosen in the options page's file input, into
 *           an emptied journal → the status says "Imported". Beside it:
 *           JSON.parse of the same text and a put of every reflection in one
 *           readwrite transaction.
 *
 * Every measured sample alternates with its baseline sample, so drift over the
 * run hits both alike. Times are the page's own `performance.now()`. Two
 * diagnostic rows (not baselines) show what reading in batches with one
 * getAll/getAllRecords call per transaction would cost instead of a cursor
 * step per record. Samples per cell shrink with the size (`plan`).
 *
 * Method limits: the popup is opened as a tab, not from the toolbar; in
 * Firefox the popup's instrumentation is evaluated as soon as the document
 * answers rather than before its scripts (see POPUP_HOOK); a search query
 * arrives as one input event (a paste), not keystroke by keystroke; the
 * import goes into the same browser with the journal (reflections and word
 * index) emptied, not into a new profile; baselines other than the blank page
 * run in an already open extension tab.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ElementHandle, Page } from 'puppeteer-core';
import { launch, openExtensionPage, waitFor, type BrowserKind, type Harness } from '../e2e/harness/index.ts';
import { testBuild } from '../e2e/pause-driver.ts';
import { COMMON_TERM, GENERATOR_SOURCE, Journal, RARE_TERM, SEED_OLDER_SOURCE } from './journal-data.ts';
import { median, ms, p90, table } from './stats.ts';

/** Reflections per page of the popup's list (components/JournalList.svelte). */
const PAGE = 20;
/** The popup search box's debounce (components/JournalList.svelte). */
const DEBOUNCE_MS = 80;
/** The goals this bench reports against. */
export const GOALS = { popupMs: 50, searchMs: 150 };

/** Journal sizes per browser unless BENCH_JOURNAL_SIZES says otherwise. */
export const DEFAULT_SIZES: Record<BrowserKind, number[]> = { chromium: [1_000, 10_000, 100_000], firefox: [1_000, 10_000, 100_000] };

/**
 * Samples per cell for a journal of `n` reflections: fewer for the big ones,
 * where one search sample takes seconds and one import tens of seconds.
 * `warmRare`: a discarded warm-up search for the rare term first; `diag`:
 * samples of the batched diagnostics (rare search, export).
 */
export function plan(n: number) {
  if (n <= 1_000) return { popup: 9, search: 5, export: 5, import: 5, warmRare: true, diag: 5 };
  if (n <= 10_000) return { popup: 9, search: 5, export: 5, import: 3, warmRare: true, diag: 5 };
  return { popup: 7, search: 3, export: 3, import: 1, warmRare: false, diag: 1 };
}
/** Longest one import sample may take before it is given up (its tab is closed, which aborts it). */
const IMPORT_CAP_MS = Number(process.env.BENCH_IMPORT_CAP_MS ?? 90_000);
/** Records per readwrite transaction when seeding. */
const SEED_BATCH = 10_000;
/** Let the browser finish opening a tab (and closing the last one) before the measured navigation starts. */
const SETTLE_MS = 100;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// ---------------------------------------------------------------------------
// In-page code. Strings, not functions: MV3 pages forbid eval but the
// protocol's evaluate of a string runs, and no tsx helpers leak in.

/** Plain IndexedDB helpers, installed as `window.__pm` in the probe tab and the options tab. */
const PAGE_LIB = `(() => {
  if (window.__pm) return;
  const DB = 'pause-moment-journal', STORE = 'reflections';
  const gen = (${GENERATOR_SOURCE});
  // As idb-keyval's createStore: open without a version, create the store on first open.
  const open = () => new Promise((resolve, reject) => {
    const req = indexedDB.open(DB);
    req.onupgradeneeded = () => req.result.createObjectStore(STORE);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
  const done = (tx) => new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onabort = tx.onerror = () => reject(tx.error);
  });
  // A task boundary like the journal's setTimeout(0), but not throttled in a background tab (this one is).
  const channel = new MessageChannel();
  const yieldTask = () => new Promise((resolve) => { channel.port1.onmessage = () => resolve(); channel.port2.postMessage(0); });
  const result = (req) => new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
  /** Walks a cursor; visit(value) returns true to stop. */
  const walk = (db, direction, visit) => new Promise((resolve, reject) => {
    const req = db.transaction(STORE, 'readonly').objectStore(STORE).openCursor(null, direction);
    req.onsuccess = () => {
      const cursor = req.result;
      if (!cursor || visit(cursor.value)) return resolve();
      cursor.continue();
    };
    req.onerror = () => reject(req.error);
  });
  const count = async () => {
    const db = await open();
    try { return await result(db.transaction(STORE, 'readonly').objectStore(STORE).count()); } finally { db.close(); }
  };
  window.__pm = {
    count,
    /**
     * A journal as the extension's first version kept it (database version 1,
     * reflections only): the database is deleted (the extension's connections
     * close themselves when asked) and made again holding records 0..n-1.
     * The extension's next open upgrades it, building the word index.
     */
    async seedOlder(n, anchor, batch) {
      await (${SEED_OLDER_SOURCE})(DB, STORE, n, (i) => gen(i, anchor), batch);
      return count();
    },
    /** Empties the journal: its reflections and its word index. */
    async clear() {
      const db = await open();
      try {
        const names = Array.from(db.objectStoreNames);
        const tx = db.transaction(names, 'readwrite');
        for (const name of names) tx.objectStore(name).clear();
        await done(tx);
      } finally { db.close(); }
      return count();
    },
    /** Baseline of the popup: open, readonly transaction, cursor 'prev', the newest k. */
    async newest(k) {
      const t0 = performance.now();
      const db = await open();
      const ids = [];
      await walk(db, 'prev', (v) => { ids.push(v.id); return ids.length >= k; });
      const ms = performance.now() - t0;
      db.close();
      return { ms, ids };
    },
    /** Baseline of search: newest first, a lowercase substring test, stop at k matches. */
    async scan(q, k) {
      const t0 = performance.now();
      const db = await open();
      const ids = [];
      let walked = 0;
      await walk(db, 'prev', (v) => {
        walked++;
        const hay = (v.text + '\\n' + (v.prompt ?? '') + '\\n' + v.tags.map((t) => '#' + t).join(' ')).toLowerCase();
        if (hay.includes(q)) ids.push(v.id);
        return ids.length >= k;
      });
      const ms = performance.now() - t0;
      db.close();
      return { ms, ids, walked };
    },
    /**
     * Diagnostic, not a baseline: the same scan in batches of 500 records per
     * transaction as the journal reads, each batch one getAllRecords call
     * (newest first) instead of a cursor step per record, yielding between them.
     */
    async scanBatched(q, k) {
      const t0 = performance.now();
      const db = await open();
      const ids = [];
      let walked = 0;
      let upper;
      for (;;) {
        const store = db.transaction(STORE, 'readonly').objectStore(STORE);
        const batch = await result(store.getAllRecords({ query: upper === undefined ? null : IDBKeyRange.upperBound(upper, true), count: 500, direction: 'prev' }));
        for (const { value: v } of batch) {
          walked++;
          const hay = (v.text + '\\n' + (v.prompt ?? '') + '\\n' + v.tags.map((t) => '#' + t).join(' ')).toLowerCase();
          if (hay.includes(q)) ids.push(v.id);
          if (ids.length >= k) break;
        }
        if (ids.length >= k || batch.length < 500) break;
        upper = batch[batch.length - 1].key;
        await yieldTask();
      }
      const ms = performance.now() - t0;
      db.close();
      return { ms, ids, walked };
    },
    /** Diagnostic for export: every value, oldest first, getAll in batches of 500 per transaction, yielding between them. */
    async collectBatched() {
      const t0 = performance.now();
      const db = await open();
      const all = [];
      let lower;
      for (;;) {
        const store = db.transaction(STORE, 'readonly').objectStore(STORE);
        const range = lower === undefined ? null : IDBKeyRange.lowerBound(lower, true);
        const [keys, values] = await Promise.all([result(store.getAllKeys(range, 500)), result(store.getAll(range, 500))]);
        for (const v of values) all.push(v);
        if (values.length < 500) break;
        lower = keys[keys.length - 1];
        await yieldTask();
      }
      const ms = performance.now() - t0;
      db.close();
      return { ms, n: all.length };
    },
    /** Baseline of export: every value, oldest first. */
    async collect() {
      const t0 = performance.now();
      const db = await open();
      const all = [];
      await walk(db, 'next', (v) => { all.push(v); return false; });
      const ms = performance.now() - t0;
      db.close();
      return { ms, n: all.length };
    },
    /** Baseline of import: parse the export text and put every reflection in one readwrite transaction. */
    async parseAndPut(text) {
      const t0 = performance.now();
      const file = JSON.parse(text);
      const parsed = performance.now();
      const db = await open();
      const tx = db.transaction(STORE, 'readwrite');
      const store = tx.objectStore(STORE);
      for (const r of file.reflections) store.put(r, r.id);
      await done(tx);
      const ms = performance.now() - t0;
      db.close();
      return { ms, parseMs: parsed - t0, n: file.reflections.length };
    },
  };
})()`;

/**
 * Instruments the popup. Chromium: registered with evaluateOnNewDocument, so
 * it runs before any of the page's scripts. Firefox runs no BiDi preload
 * script in moz-extension documents, so there it is evaluated as soon as the
 * new document answers (`late`): usually still before the page's module
 * opens the journal, but not always (those IndexedDB times stay null), and a
 * sample where the list was already in the DOM is marked `itemBeforeHook`
 * and left out.
 *
 * Records, on the page clock (ms from navigation start): when the hook ran
 * (`docAt`), when the journal's database open was asked for and answered,
 * when its first cursor was asked for and when the last cursor step before
 * the list appeared was answered (where the time goes), when the first
 * `.journal .item` entered the DOM (MutationObserver) and the end of the next
 * frame (rAF, then a task: ≈ painted). Later it notes when the search box's
 * debounce timer (DEBOUNCE_MS, as in JournalList.svelte) fires and counts cursors opened on the journal (one
 * per batch of 500 records a search reads); cursor steps are only listened
 * to before the list appears, so searches run unobserved.
 */
const POPUP_HOOK = (late: boolean) => `(() => {
  if (!['/popup.html', '/bench/blank.html'].some((p) => location.pathname.endsWith(p))) return false;
  if (window.__jb) return true;
  const now = () => performance.now();
  const t = (window.__jb = { late: ${late}, docAt: now(), idbOpenAt: null, idbOpenedAt: null, cursorAt: null, cursorDoneAt: null, cursorSteps: 0, cursors: 0, gets: 0,
    itemAt: null, itemBeforeHook: false, frameAt: null, debounceAt: null });
  const journal = 'pause-moment-journal';
  const open = IDBFactory.prototype.open;
  IDBFactory.prototype.open = function (...args) {
    const req = open.apply(this, args);
    if (args[0] === journal && t.idbOpenAt === null) {
      t.idbOpenAt = now();
      req.addEventListener('success', () => { t.idbOpenedAt = now(); }, { once: true });
    }
    return req;
  };
  const openCursor = IDBObjectStore.prototype.openCursor;
  IDBObjectStore.prototype.openCursor = function (...args) {
    const req = openCursor.apply(this, args);
    if (this.transaction.db.name === journal) {
      t.cursors++;
      if (t.cursorAt === null) t.cursorAt = now();
      if (t.itemAt === null) {
        req.addEventListener('success', () => {
          if (t.itemAt !== null) return;
          t.cursorSteps++;
          t.cursorDoneAt = now();
        });
      }
    }
    return req;
  };
  const get = IDBObjectStore.prototype.get;
  IDBObjectStore.prototype.get = function (...args) {
    if (this.transaction.db.name === journal) t.gets++;
    return get.apply(this, args);
  };
  const setTimeout_ = window.setTimeout;
  window.__jbSetTimeout = setTimeout_;
  window.setTimeout = function (fn, delay, ...rest) {
    if (delay === ${DEBOUNCE_MS} && typeof fn === 'function') {
      return setTimeout_.call(this, function (...a) { t.debounceAt = now(); return fn.apply(this, a); }, delay, ...rest);
    }
    return setTimeout_.call(this, fn, delay, ...rest);
  };
  window.__jbAfterFrame = (cb) => requestAnimationFrame(() => setTimeout_(cb, 0));
  if (document.querySelector('.journal .item')) {
    // Installed too late (Firefox): the list was there already; this sample has no time.
    t.itemBeforeHook = true;
    window.__jbAfterFrame(() => (t.frameAt = now()));
    return true;
  }
  const observer = new MutationObserver(() => {
    if (t.itemAt !== null || !document.querySelector('.journal .item')) return;
    t.itemAt = now();
    observer.disconnect();
    window.__jbAfterFrame(() => (t.frameAt = now()));
  });
  observer.observe(document, { childList: true, subtree: true });
  return true;
})()`;

/** Read once the popup's list has painted: the hook's times and the navigation's own. */
const POPUP_READ = `(() => {
  const nav = performance.getEntriesByType('navigation')[0];
  const fcp = performance.getEntriesByName('first-contentful-paint', 'paint')[0];
  return { ...window.__jb, responseEnd: nav?.responseEnd ?? null, domContentLoaded: nav?.domContentLoadedEventEnd || null, load: nav?.loadEventStart || null, fcp: fcp?.startTime ?? null };
})()`;

/**
 * In the popup: sets the search box to `q` with one input event (a paste) and
 * resolves when the list holds exactly the ids `want`, in order, and after
 * the next frame. All times from the input event, page clock.
 */
const SEARCH_RUN = (q: string, want: string[], capMs: number) => `new Promise((resolve, reject) => {
  const t = window.__jb;
  const input = document.querySelector('.journal input[type=search]');
  const list = document.querySelector('.journal .list');
  const want = ${JSON.stringify(want.join(','))};
  const ids = () => Array.from(list.children, (e) => e.dataset.id).join(',');
  const cap = window.__jbSetTimeout(() => { observer.disconnect(); reject(new Error('the list did not show the expected results; it shows ' + ids().slice(0, 200))); }, ${capMs});
  const cursors = t.cursors;
  const gets = t.gets;
  let inputAt = 0;
  const observer = new MutationObserver(() => {
    if (ids() !== want) return;
    const shownAt = performance.now();
    observer.disconnect();
    window.__jbAfterFrame(() => {
      clearTimeout(cap);
      resolve({ ui: shownAt - inputAt, painted: performance.now() - inputAt, search: t.debounceAt === null ? null : shownAt - t.debounceAt,
        debounceLate: t.debounceAt === null ? null : t.debounceAt - inputAt - ${DEBOUNCE_MS}, cursors: t.cursors - cursors, gets: t.gets - gets });
    });
  });
  observer.observe(list, { childList: true });
  t.debounceAt = null;
  input.value = ${JSON.stringify(q)};
  inputAt = performance.now();
  input.dispatchEvent(new Event('input', { bubbles: true }));
})`;

/** In the options page: catch the download link's click instead of downloading. */
const EXPORT_HOOK = `(() => {
  HTMLAnchorElement.prototype.click = function () {
    const e = { at: performance.now(), href: this.href, name: this.download };
    window.__jbLastDownload = e;
    if (window.__jbOnDownload) window.__jbOnDownload(e);
  };
})()`;

const exportButton = `[...document.querySelectorAll('button')].find((b) => b.textContent.includes('Export everything'))`;

/** Clicks "Export everything (JSON)"; resolves when the page hands the finished file to the link. */
const EXPORT_RUN = (capMs: number) => `new Promise((resolve, reject) => {
  const button = ${exportButton};
  if (!button || button.disabled) return reject(new Error('the export button is missing or busy'));
  const cap = setTimeout(() => reject(new Error('no file after ${capMs} ms')), ${capMs});
  let t0 = 0;
  window.__jbOnDownload = (e) => { clearTimeout(cap); window.__jbOnDownload = null; resolve({ ms: e.at - t0, href: e.href, name: e.name }); };
  t0 = performance.now();
  button.click();
})`;

/** Arms the wait for an import: from the file input's change event to the status saying how it went. */
const IMPORT_ARM = (capMs: number) => `(() => {
  const status = document.querySelector('.data [role=status]');
  window.__jbImport = new Promise((resolve) => {
    let changeAt = null;
    addEventListener('change', () => { if (changeAt === null) changeAt = performance.now(); }, { capture: true, once: true });
    const cap = setTimeout(() => { observer.disconnect(); resolve({ capped: true, ms: null, text: status.textContent.trim().slice(0, 300) }); }, ${capMs});
    const observer = new MutationObserver(() => {
      const text = status.textContent;
      if (!/Imported|not imported|could not be read/.test(text)) return;
      const at = performance.now();
      observer.disconnect();
      clearTimeout(cap);
      resolve({ capped: false, ms: changeAt === null ? null : at - changeAt, text: text.trim().slice(0, 300) });
    });
    observer.observe(status, { childList: true, subtree: true, characterData: true });
  });
})()`;

// ---------------------------------------------------------------------------

type Num = number | null;

interface PopupSample {
  late: boolean;
  itemBeforeHook: boolean;
  docAt: number;
  idbOpenAt: Num;
  idbOpenedAt: Num;
  cursorAt: Num;
  cursorDoneAt: Num;
  cursorSteps: number;
  itemAt: Num;
  frameAt: Num;
  responseEnd: Num;
  domContentLoaded: Num;
  /** The page's load event: when Chromium shows a popup (it waits for its document to load). */
  load: Num;
  fcp: Num;
}
interface SearchSample {
  ui: number;
  painted: number;
  search: Num;
  debounceLate: Num;
  cursors: number;
  /** Reflections read one by one (the word index's candidates). */
  gets: number;
}
interface SizeResult {
  n: number;
  seedMs: number;
  phases: Record<string, number>;
  plan: ReturnType<typeof plan>;
  /** The first popup open after an older journal was seeded: it upgrades the journal, building the word index. */
  upgrade: PopupSample;
  /** The extension's IndexedDB usage (navigator.storage.estimate) before and after the upgrade, bytes. */
  disk: { before: Num; after: Num };
  popup: PopupSample[];
  /** The blank page's list painted (bench/blank.html). */
  popupBase: number[];
  /** The blank page's list painted, from its load event. */
  popupBaseAfterLoad: number[];
  /** A plain read of the newest 20 in an already open tab. */
  popupRead: number[];
  search: Record<'rare' | 'common', { query: string; matches: number; walked: number; samples: SearchSample[]; base: number[]; diag: number[] }>;
  export: { ms: number[]; base: number[]; diag: number[]; bytes: number | null; chars: number | null };
  import: { samples: Array<{ ms: Num; capped: boolean; text: string; count: number }>; base: number[]; baseParse: number[] };
  errors: string[];
}
export interface JournalBrowserResult {
  version?: string;
  sizes: SizeResult[];
  error?: string;
  durationMs: number;
}

/**
 * Navigates a fresh tab to an extension page without waiting for its load.
 * Chromium: `hook` is registered to run before the page's scripts. Firefox:
 * `lateHook` is evaluated as soon as the new document answers (it must return
 * true once installed).
 */
async function openTimed(h: Harness, path: string, hook: string, lateHook?: string): Promise<Page> {
  const page = await h.browser.newPage();
  try {
    await page.bringToFront();
    if (h.kind === 'chromium') await page.evaluateOnNewDocument(hook);
    await sleep(SETTLE_MS);
    const url = h.extensionUrl(path);
    if (h.kind === 'chromium') {
      await page.goto(url, { waitUntil: 'load', timeout: 30_000 });
    } else {
      // As harness/extension.ts: BiDi sends no load events for moz-extension documents.
      const frame = page.mainFrame() as unknown as { browsingContext?: { navigate(url: string, wait?: 'none'): Promise<unknown> } };
      if (!frame.browsingContext) throw new Error('puppeteer internals changed: BidiFrame.browsingContext is missing');
      await frame.browsingContext.navigate(url, 'none');
      if (lateHook) {
        // No preload scripts in extension pages: evaluate the hook as soon as the new document answers.
        const deadline = Date.now() + 30_000;
        while (!(await page.evaluate(lateHook).catch(() => false))) {
          if (Date.now() > deadline) throw new Error(`${path} did not load`);
        }
      }
    }
    return page;
  } catch (e) {
    await page.close().catch(() => {});
    throw e;
  }
}

/** Opens the popup (or the blank baseline page) in a fresh tab and waits for its first list to paint. */
async function openPopup(h: Harness, path = '/popup.html'): Promise<{ page: Page; sample: PopupSample }> {
  const page = await openTimed(h, path, POPUP_HOOK(false), POPUP_HOOK(true));
  try {
    await waitFor(() => page.evaluate(`window.__jb?.frameAt != null`), { timeout: 30_000, interval: 20, message: 'the popup to list reflections' });
    await waitFor(() => page.evaluate(`performance.getEntriesByType('navigation')[0]?.loadEventStart > 0`), { timeout: 30_000, interval: 20, message: 'the load event' });
    return { page, sample: (await page.evaluate(POPUP_READ)) as PopupSample };
  } catch (e) {
    await page.close().catch(() => {});
    throw e;
  }
}

function log(msg: string) {
  console.error(`[bench journal] ${msg}`);
}

async function benchSize(h: Harness, probe: Page, data: Journal, n: number, dir: string): Promise<SizeResult> {
  const p = plan(n);
  const errors: string[] = [];
  const newest = data.newest(n, PAGE);
  const t0 = Date.now();
  const count = (await probe.evaluate(`__pm.seedOlder(${n}, ${data.anchor}, ${SEED_BATCH})`)) as number;
  const seedMs = Date.now() - t0;
  if (count !== n) throw new Error(`seeding ${n}: the store holds ${count}`);
  // Wall-clock seconds per phase, measurements and baselines together: where the bench's own time goes.
  const phases: Record<string, number> = { seed: seedMs / 1000 };
  let mark = Date.now();
  const phase = (name: string) => {
    phases[name] = (Date.now() - mark) / 1000;
    mark = Date.now();
  };

  const baseNewest = async () => {
    const b = (await probe.evaluate(`__pm.newest(${PAGE})`)) as { ms: number; ids: string[] };
    if (b.ids.join() !== newest.join()) throw new Error('the plain read of the newest reflections found other ids than expected');
    return b.ms;
  };

  const listedIn = async (page: Page, what: string) => {
    const listed = (await page.evaluate(`Array.from(document.querySelectorAll('.journal .item'), (e) => e.dataset.id)`)) as string[];
    await page.close();
    // In a tab the end of the list is in view, so the popup may already be loading the next page.
    if (listed.slice(0, PAGE).join() !== newest.join()) throw new Error(`${what} lists other reflections than the newest ${PAGE}: ${listed.slice(0, 3)}`);
  };

  // 0. The first open after seeding an older journal upgrades it, building the word index.
  const onDisk = () => probe.evaluate(`navigator.storage.estimate().then((e) => e.usageDetails?.indexedDB ?? e.usage ?? null)`) as Promise<Num>;
  const diskBefore = await onDisk();
  const upgrade = await openPopup(h);
  await listedIn(upgrade.page, 'the popup');
  const disk = { before: diskBefore, after: await onDisk() };
  phase('upgrade');

  // 1. Popup open → first list. Two warm-ups (the first loads of a page run colder), then alternating with
  // the blank page's (the baseline) and with a plain read of the newest in an open tab.
  const popup: PopupSample[] = [];
  const popupBase: number[] = [];
  const popupRead: number[] = [];
  const popupBaseAfterLoad: number[] = [];
  for (let i = -2; i < p.popup; i++) {
    const { page, sample } = await openPopup(h);
    await listedIn(page, 'the popup');
    const blank = await openPopup(h, '/bench/blank.html');
    await listedIn(blank.page, 'the blank page');
    const read = await baseNewest();
    if (i >= 0) {
      popup.push(sample);
      popupBase.push(blank.sample.itemBeforeHook ? NaN : (blank.sample.frameAt ?? NaN));
      popupBaseAfterLoad.push(blank.sample.itemBeforeHook ? NaN : (diff(blank.sample.frameAt, blank.sample.load) ?? NaN));
      popupRead.push(read);
    }
  }

  phase('popup');

  // 2. Search, in one popup tab: a query, then back to the newest (not measured), alternating rare and common.
  const queries = { rare: RARE_TERM, common: COMMON_TERM } as const;
  const expected = { rare: data.search(n, RARE_TERM, PAGE), common: data.search(n, COMMON_TERM, PAGE) };
  const search = {
    rare: { query: RARE_TERM, matches: expected.rare.matches, walked: expected.rare.walked, samples: [] as SearchSample[], base: [] as number[], diag: [] as number[] },
    common: { query: COMMON_TERM, matches: expected.common.matches, walked: expected.common.walked, samples: [] as SearchSample[], base: [] as number[], diag: [] as number[] },
  };
  {
    const { page } = await openPopup(h);
    try {
      const cap = 60_000;
      const run = async (which: 'rare' | 'common', keep: boolean) => {
        const s = (await page.evaluate(SEARCH_RUN(queries[which], expected[which].ids, cap))) as SearchSample;
        await page.evaluate(SEARCH_RUN('', newest, cap));
        const b = (await probe.evaluate(`__pm.scan(${JSON.stringify(queries[which])}, ${PAGE})`)) as { ms: number; ids: string[] };
        if (b.ids.join() !== expected[which].ids.join()) throw new Error(`the plain scan for ${queries[which]} found other ids than expected`);
        // The batched getAllRecords scan only where the search reads far (the rare term).
        const d = which === 'rare' && keep && search.rare.diag.length < p.diag ? ((await probe.evaluate(`__pm.scanBatched(${JSON.stringify(queries[which])}, ${PAGE})`)) as { ms: number; ids: string[] }) : undefined;
        if (d && d.ids.join() !== expected[which].ids.join()) throw new Error(`the batched scan for ${queries[which]} found other ids than expected`);
        if (keep) {
          search[which].samples.push(s);
          search[which].base.push(b.ms);
          if (d) search[which].diag.push(d.ms);
        }
      };
      if (p.warmRare) await run('rare', false);
      await run('common', false);
      for (let i = 0; i < p.search; i++) {
        for (const which of i % 2 ? (['common', 'rare'] as const) : (['rare', 'common'] as const)) await run(which, true);
      }
    } finally {
      await page.close();
    }
  }

  phase('search');

  // 3. Export, in one options tab; the first file is kept for the import.
  const exp = { ms: [] as number[], base: [] as number[], diag: [] as number[], bytes: null as Num, chars: null as Num };
  const imp = { samples: [] as SizeResult['import']['samples'], base: [] as number[], baseParse: [] as number[] };
  const options = await openExtensionPage(h, '/options.html', 30_000);
  try {
    // Foreground, as a person's: the export and import yield with setTimeout, which background tabs throttle.
    await options.bringToFront();
    await options.evaluate(PAGE_LIB);
    await options.evaluate(EXPORT_HOOK);
    await waitFor(() => options.evaluate(`!!(${exportButton}) && !(${exportButton}).disabled`), { message: 'the options page to load' });
    let file: string | undefined;
    for (let i = 0; i < p.export; i++) {
      const e = (await options.evaluate(EXPORT_RUN(120_000))) as { ms: number; href: string };
      if (file === undefined) {
        // The page revokes the blob URL after 10 s: read it now, then hand it over in slices.
        const size = (await options.evaluate(
          `fetch(${JSON.stringify(e.href)}).then((r) => r.blob()).then(async (b) => { window.__jbText = await b.text(); return { bytes: b.size, chars: window.__jbText.length }; })`,
        )) as { bytes: number; chars: number };
        exp.bytes = size.bytes;
        exp.chars = size.chars;
        const parts: string[] = [];
        for (let at = 0; at < size.chars; at += 4_000_000) parts.push((await options.evaluate(`window.__jbText.slice(${at}, ${at + 4_000_000})`)) as string);
        file = parts.join('');
        const exported = JSON.parse(file) as { reflections: Array<{ id: string }> };
        if (exported.reflections.length !== n || exported.reflections[n - 1]!.id !== newest[0]) throw new Error(`the export holds ${exported.reflections.length} reflections, expected ${n}`);
      }
      await waitFor(
        () => options.evaluate(`!(${exportButton}).disabled && document.querySelector('.data [role=status]').textContent.includes('Exported ${n.toLocaleString('en-US')} reflections')`),
        { timeout: 30_000, message: 'the export to finish' },
      );
      const b = (await probe.evaluate('__pm.collect()')) as { ms: number; n: number };
      if (b.n !== n) throw new Error(`the plain walk collected ${b.n} values, expected ${n}`);
      exp.ms.push(e.ms);
      exp.base.push(b.ms);
      if (exp.diag.length < p.diag) {
        const d = (await probe.evaluate('__pm.collectBatched()')) as { ms: number; n: number };
        if (d.n !== n) throw new Error(`the batched walk collected ${d.n} values, expected ${n}`);
        exp.diag.push(d.ms);
      }
    }
    const path = join(dir, `export-${n}.json`);
    await writeFile(path, file!);
    phase('export');

    // 4. Import of that file into an emptied journal, alternating with the plain parse-and-put.
    for (let i = 0; i < p.import; i++) {
      if ((await probe.evaluate('__pm.clear()')) !== 0) throw new Error('could not empty the journal');
      const b = (await options.evaluate('__pm.parseAndPut(window.__jbText)')) as { ms: number; parseMs: number; n: number };
      imp.base.push(b.ms);
      imp.baseParse.push(b.parseMs);
      if ((await probe.evaluate('__pm.clear()')) !== 0) throw new Error('could not empty the journal');
      await options.evaluate(IMPORT_ARM(IMPORT_CAP_MS));
      const input = (await options.$('input[type=file]')) as ElementHandle<HTMLInputElement>;
      await input.uploadFile(path);
      const r = (await options.evaluate('window.__jbImport')) as { capped: boolean; ms: Num; text: string };
      const count = (await probe.evaluate('__pm.count()')) as number;
      imp.samples.push({ ...r, count });
      if (r.capped) {
        // Closing the tab (below) aborts the import's one transaction; the journal is put back after it.
        errors.push(`import of ${n} capped at ${IMPORT_CAP_MS} ms`);
        break;
      }
      if (!/^Imported/.test(r.text)) {
        errors.push(`import of ${n}: ${r.text}`);
        break;
      }
      if (count !== n) errors.push(`import of ${n}: the journal holds ${count} afterwards`);
      await waitFor(() => options.evaluate(`!document.querySelector('input[type=file]').disabled`), { timeout: 30_000, message: 'the import to finish' });
    }
  } finally {
    await options.close();
  }
  phase('import');
  const parts = Object.entries(phases).map(([k, v]) => `${k} ${v.toFixed(1)}`).join(', ');
  log(`${h.kind} ${n}: ${((Date.now() - t0) / 1000).toFixed(1)} s (${parts})`);
  return { n, seedMs, phases, plan: p, upgrade: upgrade.sample, disk, popup, popupBase, popupBaseAfterLoad, popupRead, search, export: exp, import: imp, errors };
}

async function benchBrowser(kind: BrowserKind, data: Journal, sizes: number[], dir: string): Promise<JournalBrowserResult> {
  const started = Date.now();
  const h = await launch(kind, testBuild(kind), { timeout: 30_000 });
  const out: JournalBrowserResult = { version: await h.browser.version(), sizes: [], durationMs: 0 };
  try {
    const probe = await openExtensionPage(h, '/options.html', 30_000);
    await probe.evaluate(PAGE_LIB);
    for (const n of sizes) out.sizes.push(await benchSize(h, probe, data, n, dir));
  } catch (e) {
    out.error = e instanceof Error ? (e.stack ?? e.message) : String(e);
  } finally {
    await h.close();
    out.durationMs = Date.now() - started;
  }
  return out;
}

// ---------------------------------------------------------------------------

/** One table row: a measurement beside its baseline, maybe against a goal. */
export interface JournalRow {
  browser: string;
  size: number;
  metric: string;
  values: Num[];
  baseline: string;
  baseValues: Num[];
  goal?: number;
  note?: string;
}

const pct = (xs: Num[]) => ({ n: xs.filter((v) => typeof v === 'number' && Number.isFinite(v)).length, median: median(xs), p90: p90(xs) });
const diff = (a: Num, b: Num): Num => (a === null || b === null ? null : a - b);
const mbOf = (bytes: Num) => (bytes === null ? '?' : (bytes / 1e6).toFixed(1));
const medOf = (xs: Num[]) => {
  const m = median(xs);
  return m === null ? '?' : m.toFixed(0);
};

function rowsFor(kind: BrowserKind, s: SizeResult): JournalRow[] {
  const rows: JournalRow[] = [];
  // Samples whose hook came after the list (Firefox only) have no time.
  const timed = s.popup.filter((x) => !x.itemBeforeHook);
  const at = (key: Exclude<keyof PopupSample, 'late' | 'itemBeforeHook'>) => timed.map((x) => x[key]);
  const missed = s.popup.length - timed.length;
  const late = s.popup.some((x) => x.late);
  const seenOpen = timed.filter((x) => x.idbOpenAt !== null).length;
  const popupBase = { baseline: 'blank page: 1 script, plain cursor', baseValues: s.popupBase };
  const journalTimes = `journal: open asked ${medOf(at('idbOpenAt'))}, opened ${medOf(at('idbOpenedAt'))}, cursor asked ${medOf(at('cursorAt'))}, ${medOf(at('cursorSteps'))} read by ${medOf(at('cursorDoneAt'))}`;
  const where = late
    ? `hook polled in at ${medOf(at('docAt'))}; DCL ${medOf(at('domContentLoaded'))}; ${journalTimes} (seen in ${seenOpen}/${timed.length})${missed ? `; ${missed} left out: list there before the hook` : ''}`
    : `doc ${medOf(at('docAt'))}, DCL ${medOf(at('domContentLoaded'))}; ${journalTimes}`;
  rows.push({ browser: kind, size: s.n, metric: 'popup: newest in DOM', values: at('itemAt'), ...popupBase, goal: GOALS.popupMs, note: `medians: ${where}` });
  rows.push({
    browser: kind,
    size: s.n,
    metric: 'popup: list painted',
    values: at('frameAt'),
    ...popupBase,
    goal: GOALS.popupMs,
    note: `next frame after the DOM; the page's own FCP ${medOf(at('fcp'))}; the plain read alone, in an open tab: ${medOf(s.popupRead)}`,
  });
  rows.push({
    browser: kind,
    size: s.n,
    metric: 'popup: list painted after load',
    values: timed.map((x) => diff(x.frameAt, x.load)),
    baseline: 'blank page, the same',
    baseValues: s.popupBaseAfterLoad,
    goal: GOALS.popupMs,
    note: `ms from the page's load event, which is when Chromium shows a popup (ExtensionPopup waits for its document to load); ≤ 0: listed before it; load at ${medOf(at('load'))}`,
  });
  rows.push({
    browser: kind,
    size: s.n,
    metric: 'popup: first open after update',
    values: [s.upgrade.frameAt],
    baseline: 'blank page: 1 script, plain cursor',
    baseValues: s.popupBase,
    note: `upgrades an older journal: builds the word index, then lists (journal open asked ${s.upgrade.idbOpenAt?.toFixed(0) ?? '?'}, opened ${s.upgrade.idbOpenedAt?.toFixed(0) ?? '?'}); on disk ${mbOf(s.disk.before)} MB before, ${mbOf(s.disk.after)} MB with the index`,
  });
  for (const which of ['rare', 'common'] as const) {
    const q = s.search[which];
    const base = { baseline: `plain cursor scan, ${q.walked === s.n ? 'all' : q.walked} records`, baseValues: q.base };
    const cursors = median(q.samples.map((x) => x.cursors));
    const gets = median(q.samples.map((x) => x.gets));
    rows.push({
      browser: kind,
      size: s.n,
      metric: `search "${q.query}": search itself`,
      values: q.samples.map((x) => x.search),
      ...base,
      goal: GOALS.searchMs,
      note: `${q.matches} match${q.matches === 1 ? '' : 'es'}; ${gets ? `the word index, then ${gets} records read (index blocks and reflections)` : `${cursors ?? '?'} cursor${cursors === 1 ? '' : 's'}`}; debounce end → results in DOM`,
    });
    rows.push({
      browser: kind,
      size: s.n,
      metric: `search "${q.query}": UI`,
      values: q.samples.map((x) => x.painted),
      ...base,
      note: `input → painted, includes the ${DEBOUNCE_MS} ms debounce (fired +${medOf(q.samples.map((x) => x.debounceLate))} late)`,
    });
    if (q.diag.length) {
      rows.push({
        browser: kind,
        size: s.n,
        metric: `  diagnostic: batched scan`,
        values: q.diag,
        ...base,
        note: 'plain getAllRecords({direction: prev, count: 500}) per transaction + substring test, yielding between batches',
      });
    }
  }
  const mb = s.export.bytes === null ? '?' : (s.export.bytes / 1e6).toFixed(1);
  rows.push({ browser: kind, size: s.n, metric: 'export JSON', values: s.export.ms, baseline: 'plain cursor, collect all', baseValues: s.export.base, note: `click → file content ready; file ${mb} MB` });
  rows.push({
    browser: kind,
    size: s.n,
    metric: '  diagnostic: batched collect',
    values: s.export.diag,
    baseline: 'plain cursor, collect all',
    baseValues: s.export.base,
    note: 'plain getAll(range, 500) per transaction, yielding between batches',
  });
  const last = s.import.samples.at(-1);
  const counts = last?.text.match(/([\d,]+) new and ([\d,]+) updated/);
  const outcome = last?.capped
    ? `given up after ${IMPORT_CAP_MS / 1000} s (status: "${last.text.slice(0, 60)}")`
    : counts
      ? `"Imported": ${counts[1]} new, ${counts[2]} updated`
      : (last?.text.slice(0, 80) ?? 'not run');
  rows.push({
    browser: kind,
    size: s.n,
    metric: 'import JSON',
    values: s.import.samples.map((x) => x.ms),
    baseline: 'JSON.parse + put all, 1 tx',
    baseValues: s.import.base,
    note: `file chosen → status; ${outcome}; baseline's JSON.parse alone ${medOf(s.import.baseParse)} ms`,
  });
  return rows;
}

export function summariseJournal(browsers: Partial<Record<BrowserKind, JournalBrowserResult>>) {
  return Object.entries(browsers).flatMap(([kind, r]) =>
    (r?.sizes ?? []).flatMap((s) => rowsFor(kind as BrowserKind, s)).map(({ values, baseValues, ...row }) => {
      const m = pct(values);
      const b = pct(baseValues);
      return { ...row, ...m, baseN: b.n, baseMedian: b.median, baseP90: b.p90, overBaseline: diff(m.median, b.median), meetsGoal: row.goal === undefined || m.median === null ? null : m.median <= row.goal };
    }),
  );
}
export type JournalSummaryRow = ReturnType<typeof summariseJournal>[number];

export interface JournalReport {
  sizes: Record<string, number[]>;
  anchor: number;
  goals: typeof GOALS;
  note: string;
  durationMs: number;
  browsers: Partial<Record<BrowserKind, JournalBrowserResult>>;
  summary: JournalSummaryRow[];
}

/** Runs the journal bench in each browser, one after the other. */
export async function benchJournal(kinds: BrowserKind[], sizes?: number[]): Promise<JournalReport> {
  const started = Date.now();
  const sizesFor = (kind: BrowserKind) => sizes ?? DEFAULT_SIZES[kind];
  // Fixed per run; the newest reflection is a few minutes old.
  const anchor = Date.now();
  const data = new Journal(Math.max(...kinds.flatMap(sizesFor)), anchor);
  data.validate();
  const dir = await mkdtemp(join(tmpdir(), 'pause-moment-bench-journal-'));
  const browsers: Partial<Record<BrowserKind, JournalBrowserResult>> = {};
  try {
    for (const kind of kinds) {
      browsers[kind] = await benchBrowser(kind, data, sizesFor(kind), dir);
      log(`${kind}: ${(browsers[kind].durationMs / 1000).toFixed(1)} s${browsers[kind].error ? ' (FAILED)' : ''}`);
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  return {
    sizes: Object.fromEntries(kinds.map((k) => [k, sizesFor(k)])),
    anchor,
    goals: GOALS,
    note: 'ms on the page clock (performance.now()); popup times from the navigation start, search from the input event or the debounce timer firing, export from the button click, import from the file input change event',
    durationMs: Date.now() - started,
    browsers,
    summary: summariseJournal(browsers),
  };
}

const grouped = (n: number) => n.toLocaleString('en-US');

/** Prints the journal section of the bench's output. */
export function printJournal(r: JournalReport): void {
  const versions = Object.entries(r.browsers).map(([k, b]) => `${k} ${b?.version ?? '(failed)'}`).join(', ');
  const sizes = Object.entries(r.sizes).map(([k, ns]) => `${k} ${ns.map(grouped).join(', ')}`).join('; ');
  console.log(`\nJournal — ${versions} — ms, median / p90 (p90 only where n > 3); reflections: ${sizes}`);
  console.log(`goals: newest reflections within ${GOALS.popupMs} ms of opening the popup, a search answers within ${GOALS.searchMs} ms\n`);
  let last = '';
  console.log(
    table(
      ['browser', 'reflections', 'measurement', 'n', 'median', 'p90', 'baseline', 'n', 'median', 'p90', 'goal', 'note'],
      r.summary.map((x) => {
        const group = `${x.browser} ${x.size}`;
        const first = group !== last;
        last = group;
        return [
          first ? x.browser : '',
          first ? grouped(x.size) : '',
          x.metric,
          String(x.n),
          ms(x.median),
          x.n > 3 ? ms(x.p90) : '—',
          x.baseline,
          String(x.baseN),
          ms(x.baseMedian),
          x.baseN > 3 ? ms(x.baseP90) : '—',
          x.goal === undefined ? '' : `${x.meetsGoal ? 'ok' : 'MISSED'} ≤${x.goal}`,
          x.note ?? '',
        ];
      }),
      'lrlrrrlrrrll',
    ),
  );
  for (const [kind, b] of Object.entries(r.browsers)) {
    if (!b) continue;
    for (const s of b.sizes) {
      const parts = Object.entries(s.phases).map(([k, v]) => `${k} ${v.toFixed(0)}`).join(', ');
      console.log(`  ${kind} ${grouped(s.n)}: bench time in s: ${parts} (seeding is not measured)${s.errors.length ? `; ${s.errors.join('; ')}` : ''}`);
    }
    if (b.error) console.log(`\n${kind} journal FAILED: ${b.error}`);
  }
  console.log(`\njournal part: ${(r.durationMs / 1000).toFixed(1)} s`);
}
