/**
 * The Insights part of `npm run bench` (alone: `BENCH_ONLY=insights npm run bench`).
 *
 * In the real browser with the test build installed, the journal is first
 * made as its first version kept it (database version 1, reflections only)
 * holding 100,000 generated reflections (journal-data.ts), and the first
 * Insights open after that upgrades it (word index and day roll-ups): one
 * sample, reported on its own. Then, for each size, the pause history is made
 * again as version 1 kept it (idb-keyval's store: `pauses` only) holding
 * 1,000, 10,000 or 100,000 generated pauses over the last 365 days, and:
 *
 *   first open  the first Insights open after that upgrades the history to
 *               version 2, building its day roll-ups from every pause; ms
 *               from the page's navigation start to its two marks (one
 *               sample). The roll-ups are then checked against the totals
 *               the same pauses give in Node (`pauseTally`).
 *   insights    /insights.html in a fresh tab: ms from its navigation start
 *               to `performance.mark('insights:first-chart')` (the first
 *               chart, choices over time, drawn from the history's
 *               roll-ups; the page builds the other cards once it has
 *               painted) and to `insights:all-charts` (every card, the
 *               journal's too). The page sets each mark in the first
 *               animation frame after those charts are in the DOM.
 *   blank page  beside it, in the same rounds: bench/blank.html (test builds
 *               only, as in the journal part), an extension page whose one
 *               small script reads the newest 20 reflections with a plain
 *               IndexedDB cursor and lists them; ms from its navigation start
 *               to the first animation frame after its list is in the DOM,
 *               which is how the Insights page times its marks.
 *   code floor  bench/insights-code.html, also in the same rounds: the blank
 *               page with the Insights page's built script after its own, as
 *               one function nothing calls. Its list waits for that script to
 *               be loaded and compiled, so it is what carrying that much code
 *               costs a page before the code does anything: a floor under the
 *               first chart, reported beside the blank page.
 *
 * Goals (information only, never a failure): at 100,000 pauses, the first
 * chart within 1.5× of the blank page, and all charts within 300 ms.
 *
 * Each size has one warm-up round, then SAMPLES rounds whose order of the two
 * pages rotates, so drift over the run hits both alike.
 *
 * Method limits: both pages are opened as tabs; in Firefox the blank page's
 * instrumentation is evaluated as soon as the new document answers (BiDi runs
 * no preload scripts in moz-extension documents), and in about half the
 * samples its list is in the DOM by then. Leaving those out would keep only
 * the slower loads, so the page's first contentful paint stands in for them:
 * the page has nothing to paint before its list, and Firefox stamps that
 * paint with the refresh tick it happened in, which in samples that have both
 * is 0–11 ms before the animation frame measured. The table says how many.
 * The history and the journal are written straight into IndexedDB (bulk
 * data: through the UI it would take hours), not measured.
 */
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'puppeteer-core';
import { launch, openExtensionPage, waitFor, type BrowserKind, type Harness } from '../e2e/harness/index.ts';
import { testBuild } from '../e2e/pause-driver.ts';
import type { PauseRecord } from '../../lib/pause/log.ts';
import { pauseRecordProblem } from '../../lib/pause/record.ts';
import { pauseTally } from '../../lib/pause/tally.ts';
import { GENERATOR_SOURCE, SEED_OLDER_SOURCE } from './journal-data.ts';
import { median, ms, p90, table } from './stats.ts';
import { problemText } from '../../lib/browser/record-problem.ts';

/** Pause history sizes unless BENCH_INSIGHTS_SIZES says otherwise. */
export const DEFAULT_SIZES = [1_000, 10_000, 100_000];
/** Reflections in the journal at every size. */
export const REFLECTIONS = 100_000;
/** Measured rounds per size (each one Insights open and one blank page open), after one warm-up round. */
const SAMPLES = 7;
/** The goals this part reports against, at `atPauses` pauses. */
export const GOALS = { firstChartRatio: 1.5, allChartsMs: 300, atPauses: 100_000 };
/** The code floor's row in the report. */
const CODE_FLOOR = 'code floor: blank page + Insights code';
/** Records per readwrite transaction when seeding. */
const SEED_BATCH = 10_000;
/** Longest a first open (which upgrades a database of up to 100,000 records) may take. */
const UPGRADE_TIMEOUT_MS = 300_000;
/** Longest an ordinary open may take. */
const OPEN_TIMEOUT_MS = 30_000;
/** Let the browser finish opening a tab (and closing the last one) before the measured navigation starts. */
const SETTLE_MS = 100;
const DAY_MS = 86_400_000;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// ---------------------------------------------------------------------------
// The generated pause history, kept as plain JavaScript source so the same
// code runs in the extension page (which seeds IndexedDB with it) and here in
// Node (which checks every record with the extension's own rules and works
// out what the roll-ups must add up to).

/**
 * `(i, n, anchor) => PauseRecord`: the i-th newest of `n` pauses spread evenly
 * over the 365 days before `anchor` (epoch ms), newest a minute before it.
 * Six sites; 40 % Leave, 40 % Continue (5–30 minutes, half with an intention
 * from a small set), 20 % no choice; 10 % shown because an open time ran out.
 * Times fall strictly as `i` grows, and ids with them.
 */
export const PAUSE_GENERATOR_SOURCE = String.raw`function pmPause(i, n, anchor) {
  let s = Math.imul(i + 1, 0x85ebca6b) >>> 0;
  const rnd = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = (xs) => xs[Math.floor(rnd() * xs.length)];
  const B36 = '0123456789abcdefghijklmnopqrstuvwxyz';
  const SITES = [
    ['reddit', 'Reddit', 'www.reddit.com'],
    ['x', 'X', 'x.com'],
    ['youtube', 'YouTube', 'www.youtube.com'],
    ['instagram', 'Instagram', 'www.instagram.com'],
    ['site:news.ycombinator.com', 'news.ycombinator.com', 'news.ycombinator.com'],
    ['site:linkedin.com', 'linkedin.com', 'www.linkedin.com'],
  ];
  const INTENTIONS = ['reply to Sam', 'check the match score', 'find the recipe', 'post the photos', 'read the thread Ana sent', 'look up the opening hours'];
  const step = (365 * 86400000 - 120000) / n;
  const shownAt = anchor - 60000 - Math.floor((i + rnd() * 0.9) * step);
  let rand = '';
  for (let k = 0; k < 8; k++) rand += B36[Math.floor(rnd() * 36)];
  const site = pick(SITES);
  const waitSeconds = 5 + Math.floor(rnd() * 26);
  const roll = rnd();
  const choice = roll < 0.4 ? 'leave' : roll < 0.8 ? 'continue' : 'none';
  const r = {
    v: 1,
    id: shownAt.toString(36).padStart(9, '0') + '-' + rand,
    siteId: site[0],
    siteLabel: site[1],
    host: site[2],
    shownAt,
    reason: rnd() < 0.1 ? 'window-ended' : 'arrived',
    waitSeconds,
    choice,
  };
  if (choice !== 'none') r.decidedAt = shownAt + waitSeconds * 1000 + Math.floor(rnd() * 20000);
  if (choice === 'continue') {
    r.windowMinutes = pick([5, 10, 15, 20, 30]);
    if (rnd() < 0.5) r.intention = pick(INTENTIONS);
  }
  return r;
}`;

type PauseGenerator = (i: number, n: number, anchor: number) => PauseRecord;
const pauseAt = new Function(`return (${PAUSE_GENERATOR_SOURCE});`)() as PauseGenerator;

/** Roll-up keys summed over every day: the whole history's counts (site, hour and intention keys left out). */
type Totals = Record<string, number>;

/**
 * Generates the `n`-pause history as the page will, throws unless every
 * record is a valid pause by the extension's own rules, within the last 365
 * days, with ids falling strictly and encoding their times; returns what its
 * roll-ups must add up to.
 */
export function expectedTotals(n: number, anchor: number): Totals {
  const totals: Totals = {};
  let previous = '';
  for (let i = 0; i < n; i++) {
    const r = pauseAt(i, n, anchor);
    const problem = pauseRecordProblem(r);
    if (problem) throw new Error(`generated pause ${i} ${problemText(problem)}: ${JSON.stringify(r)}`);
    if (parseInt(r.id.slice(0, 9), 36) !== r.shownAt) throw new Error(`generated pause ${i}: id ${r.id} does not encode ${r.shownAt}`);
    if (i > 0 && !(r.id < previous)) throw new Error(`generated pause ${i}: id ${r.id} is not older than ${previous}`);
    if (r.shownAt < anchor - 365 * DAY_MS || r.shownAt >= anchor) throw new Error(`generated pause ${i}: shown at ${new Date(r.shownAt).toISOString()}, outside the last 365 days`);
    previous = r.id;
    for (const [key, count] of Object.entries(pauseTally(r)?.counts ?? {})) if (!key.includes('|')) totals[key] = (totals[key] ?? 0) + count;
  }
  return totals;
}

const sameTotals = (a: Totals, b: Totals) => {
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
  return keys.every((k) => (a[k] ?? 0) === (b[k] ?? 0));
};

// ---------------------------------------------------------------------------
// In-page code. Strings, not functions: MV3 pages forbid eval but the
// protocol's evaluate of a string runs, and no tsx helpers leak in.

/**
 * Plain IndexedDB helpers, installed as `window.__ib` in the probe tab.
 * The records are bulk data, so they are written straight into the
 * extension's databases rather than through its UI.
 */
const PAGE_LIB = `(() => {
  if (window.__ib) return;
  const LOG = 'pause-moment-log', JOURNAL = 'pause-moment-journal';
  const pause = (${PAUSE_GENERATOR_SOURCE});
  const reflection = (${GENERATOR_SOURCE});
  const result = (req) => new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
  /** Opens a database at the version it has, never creating one (an unknown name is an error). */
  const openExisting = (name) => new Promise((resolve, reject) => {
    const req = indexedDB.open(name);
    let created = false;
    req.onupgradeneeded = () => { created = true; req.transaction.abort(); };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(created ? new Error(name + ' does not exist') : req.error);
  });
  /** Version, stores, records and the day roll-ups' counts summed over every day (keys without a name only). */
  const describe = async (name, records) => {
    const db = await openExisting(name);
    try {
      const stores = Array.from(db.objectStoreNames).sort();
      const tx = db.transaction(stores, 'readonly');
      const count = await result(tx.objectStore(records).count());
      const days = stores.includes('days') ? await result(tx.objectStore('days').getAll()) : [];
      const totals = {};
      for (const d of days) for (const [k, v] of Object.entries(d.counts)) if (!k.includes('|')) totals[k] = (totals[k] ?? 0) + v;
      return { version: db.version, stores, count, days: days.length, totals };
    } finally { db.close(); }
  };
  const seedOlder = async (name, store, n, make, batch) => {
    await (${SEED_OLDER_SOURCE})(name, store, n, make, batch);
    return describe(name, store);
  };
  window.__ib = {
    describe,
    seedPauses: (n, anchor, batch) => seedOlder(LOG, 'pauses', n, (i) => pause(i, n, anchor), batch),
    seedJournal: (n, anchor, batch) => seedOlder(JOURNAL, 'reflections', n, (i) => reflection(i, anchor), batch),
  };
})()`;

/** Read in the Insights tab until both marks are there (or the page reports a problem). */
const INSIGHTS_READ = `(() => {
  if (!location.pathname.endsWith('/insights.html')) return null;
  const mark = (name) => performance.getEntriesByName(name, 'mark')[0]?.startTime ?? null;
  const nav = performance.getEntriesByType('navigation')[0];
  return {
    ready: document.querySelector('main.insights')?.dataset.ready ?? null,
    alert: document.querySelector('main [role=alert]')?.textContent.trim() ?? null,
    firstChart: mark('insights:first-chart'),
    allCharts: mark('insights:all-charts'),
    views: document.querySelectorAll('main [data-view]').length,
    fcp: performance.getEntriesByName('first-contentful-paint', 'paint')[0]?.startTime ?? null,
    domContentLoaded: nav?.domContentLoadedEventEnd || null,
    load: nav?.loadEventEnd || null,
  };
})()`;

/**
 * Instruments the blank page: when its list enters the DOM and the first
 * animation frame after that (the moment the Insights page marks its charts
 * in). Chromium: registered to run before the page's script. Firefox: it is
 * evaluated as soon as the new document answers; when the list was already
 * there by then (`listedBeforeHook`), the frame is not known and the page's
 * first contentful paint stands in (see the method limits above).
 */
const BLANK_HOOK = (late: boolean) => `(() => {
  if (!location.pathname.startsWith('/bench/')) return false;
  if (window.__ibBlank) return true;
  const t = (window.__ibBlank = { late: ${late}, hookAt: performance.now(), listedAt: null, frameAt: null, listedBeforeHook: false });
  if (document.querySelector('.list .item')) {
    t.listedBeforeHook = true;
    return true;
  }
  const observer = new MutationObserver(() => {
    if (!document.querySelector('.list .item')) return;
    t.listedAt = performance.now();
    observer.disconnect();
    requestAnimationFrame(() => { t.frameAt = performance.now(); });
  });
  observer.observe(document, { childList: true, subtree: true });
  return true;
})()`;

const BLANK_READ = `(() => {
  const nav = performance.getEntriesByType('navigation')[0];
  return {
    ...window.__ibBlank,
    items: document.querySelectorAll('.list .item').length,
    fcp: performance.getEntriesByName('first-contentful-paint', 'paint')[0]?.startTime ?? null,
    load: nav?.loadEventEnd || null,
  };
})()`;

// ---------------------------------------------------------------------------

type Num = number | null;

/** One Insights open, ms from its navigation start. */
interface InsightsSample {
  firstChart: Num;
  allCharts: Num;
  /** Chart cards in the page once all are drawn. */
  views: number;
  fcp: Num;
  domContentLoaded: Num;
  load: Num;
}
/** One blank page open, ms from its navigation start. */
interface BlankSample {
  late: boolean;
  hookAt: number;
  listedAt: Num;
  /** The first animation frame after the list was in the DOM: the baseline (its FCP when the hook came too late). */
  frameAt: Num;
  listedBeforeHook: boolean;
  items: number;
  fcp: Num;
  load: Num;
}
interface Described {
  version: number;
  stores: string[];
  count: number;
  days: number;
  totals: Totals;
}
interface SizeResult {
  n: number;
  seedMs: number;
  /** The first open after seeding: upgrades the history, building its roll-ups. */
  upgrade: InsightsSample;
  /** The history after that first open. */
  upgraded: Described;
  insights: InsightsSample[];
  blank: BlankSample[];
  /** The blank page carrying the Insights page's code, never run (bench/insights-code.html). */
  code: BlankSample[];
  /** Wall-clock s of this size, seeding included. */
  durationS: number;
  errors: string[];
}
export interface InsightsBrowserResult {
  version?: string;
  /** Bytes of the Insights page's built script, as the code floor carries it. */
  codeBytes: number;
  journal?: { n: number; seedMs: number; upgrade: InsightsSample; upgraded: Described };
  sizes: SizeResult[];
  error?: string;
  durationMs: number;
}

function log(msg: string) {
  console.error(`[bench insights] ${msg}`);
}

/**
 * Navigates a fresh foreground tab to an extension page without waiting for
 * more than its load (Chromium) or its first answer (Firefox, whose BiDi
 * sends no load events for moz-extension documents). `hook`, when given, is
 * registered to run before the page's scripts in Chromium and evaluated in
 * Firefox as soon as the new document answers (it returns true once installed).
 */
async function openTab(h: Harness, path: string, timeout: number, hook?: (late: boolean) => string): Promise<Page> {
  const page = await h.browser.newPage();
  try {
    await page.bringToFront();
    if (hook && h.kind === 'chromium') await page.evaluateOnNewDocument(hook(false));
    await sleep(SETTLE_MS);
    const url = h.extensionUrl(path);
    if (h.kind === 'chromium') {
      await page.goto(url, { waitUntil: 'load', timeout });
    } else {
      const frame = page.mainFrame() as unknown as { browsingContext?: { navigate(url: string, wait?: 'none'): Promise<unknown> } };
      if (!frame.browsingContext) throw new Error('puppeteer internals changed: BidiFrame.browsingContext is missing');
      await frame.browsingContext.navigate(url, 'none');
      if (hook) {
        const deadline = Date.now() + timeout;
        while (!(await page.evaluate(hook(true)).catch(() => false))) {
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

/** Opens /insights.html in a fresh tab, waits for both marks, closes it. */
async function openInsights(h: Harness, timeout = OPEN_TIMEOUT_MS): Promise<InsightsSample> {
  const page = await openTab(h, '/insights.html', timeout);
  try {
    type Read = InsightsSample & { ready: string | null; alert: string | null };
    const read = await waitFor(
      async () => {
        const r = (await page.evaluate(INSIGHTS_READ)) as Read | null;
        if (r?.alert) throw new Error(`the Insights page says: ${r.alert}`);
        return r && r.ready === 'year' && r.firstChart !== null && r.allCharts !== null ? r : null;
      },
      { timeout, interval: 20, message: 'the Insights page to set insights:first-chart and insights:all-charts with main[data-ready="year"] (the whole year read)' },
    ).catch(async (e: unknown) => {
      // Say exactly what the page showed when it did not get there.
      const seen = (await page.evaluate(INSIGHTS_READ).catch(() => null)) as Read | null;
      throw new Error(`${e instanceof Error ? e.message : String(e)}; the page then: ${JSON.stringify(seen)}`);
    });
    const { ready: _ready, alert: _alert, ...sample } = read;
    return sample;
  } finally {
    await page.close();
  }
}

/** Opens bench/blank.html (or the code floor, which lists the same way) in a fresh tab, waits for the frame after its list, closes it. */
async function openBlank(h: Harness, path = '/bench/blank.html'): Promise<BlankSample> {
  const page = await openTab(h, path, OPEN_TIMEOUT_MS, BLANK_HOOK);
  try {
    const sample = await waitFor(
      async () => {
        const s = (await page.evaluate(BLANK_READ)) as BlankSample;
        return s.frameAt !== null || (s.listedBeforeHook && s.items > 0) ? s : null;
      },
      { timeout: OPEN_TIMEOUT_MS, interval: 20, message: `${path} to list reflections` },
    );
    if (sample.items !== 20) throw new Error(`${path} listed ${sample.items} reflections, expected 20`);
    // Its first contentful paint (a note only) is reported once the frame is presented, a little after the frame.
    return await waitFor(
      async () => {
        const s = (await page.evaluate(BLANK_READ)) as BlankSample;
        return s.fcp !== null ? s : null;
      },
      { timeout: 1000, interval: 20 },
    ).catch(() => sample);
  } finally {
    await page.close();
  }
}

async function benchSize(h: Harness, probe: Page, n: number, anchor: number): Promise<SizeResult> {
  const started = Date.now();
  const errors: string[] = [];
  const expected = expectedTotals(n, anchor);
  // Every Insights tab is closed by now: nothing holds the history open while it is made again.
  const t0 = Date.now();
  const seeded = (await probe.evaluate(`__ib.seedPauses(${n}, ${anchor}, ${SEED_BATCH})`)) as Described;
  const seedMs = Date.now() - t0;
  if (seeded.version !== 1 || seeded.stores.join() !== 'pauses' || seeded.count !== n) throw new Error(`seeding ${n} pauses gave ${JSON.stringify(seeded)}`);

  const upgrade = await openInsights(h, UPGRADE_TIMEOUT_MS);
  const upgraded = (await probe.evaluate(`__ib.describe('pause-moment-log', 'pauses')`)) as Described;
  if (upgraded.version !== 2 || upgraded.stores.join() !== 'days,pauses' || upgraded.count !== n) errors.push(`after the first open the history is ${JSON.stringify({ ...upgraded, totals: undefined })}`);
  if (!sameTotals(upgraded.totals, expected)) errors.push(`the roll-ups add up to ${JSON.stringify(upgraded.totals)}, the pauses to ${JSON.stringify(expected)}`);

  const insights: InsightsSample[] = [];
  const blank: BlankSample[] = [];
  const code: BlankSample[] = [];
  const pages = ['insights', 'blank', 'code'] as const;
  for (let i = -1; i < SAMPLES; i++) {
    let s: InsightsSample | undefined;
    let b: BlankSample | undefined;
    let c: BlankSample | undefined;
    // Each round starts with the next page, so drift over the run falls on all three alike.
    for (let k = 0; k < pages.length; k++) {
      const which = pages[(i + 1 + k) % pages.length];
      if (which === 'insights') s = await openInsights(h);
      else if (which === 'blank') b = await openBlank(h);
      else c = await openBlank(h, '/bench/insights-code.html');
    }
    if (i >= 0) {
      insights.push(s!);
      blank.push(b!);
      code.push(c!);
    }
  }
  const durationS = (Date.now() - started) / 1000;
  log(`${h.kind} ${n}: ${durationS.toFixed(1)} s (seeded in ${(seedMs / 1000).toFixed(1)} s)`);
  return { n, seedMs, upgrade, upgraded, insights, blank, code, durationS, errors };
}

async function benchBrowser(kind: BrowserKind, sizes: number[], anchor: number): Promise<InsightsBrowserResult> {
  const started = Date.now();
  const h = await launch(kind, testBuild(kind), { timeout: 30_000 });
  const out: InsightsBrowserResult = { version: await h.browser.version(), codeBytes: statSync(resolve(testBuild(kind), 'insights-page.js')).size, sizes: [], durationMs: 0 };
  try {
    // The probe tab is the options page, which opens neither database as it
    // loads. (bench/blank.html would keep its journal connection open, with
    // nothing to close it on a version change, and so block the deletion.)
    const probe = await openExtensionPage(h, '/options.html', 30_000);
    await probe.evaluate(PAGE_LIB);
    const t0 = Date.now();
    const seeded = (await probe.evaluate(`__ib.seedJournal(${REFLECTIONS}, ${anchor}, ${SEED_BATCH})`)) as Described;
    const seedMs = Date.now() - t0;
    if (seeded.version !== 1 || seeded.stores.join() !== 'reflections' || seeded.count !== REFLECTIONS) throw new Error(`seeding the journal gave ${JSON.stringify(seeded)}`);
    // The first Insights open after that upgrades the journal (the pause history does not exist yet: it is made empty).
    const upgrade = await openInsights(h, UPGRADE_TIMEOUT_MS);
    const upgraded = (await probe.evaluate(`__ib.describe('pause-moment-journal', 'reflections')`)) as Described;
    if (upgraded.version !== 3 || upgraded.count !== REFLECTIONS || upgraded.days === 0) throw new Error(`after the first open the journal is ${JSON.stringify({ ...upgraded, totals: undefined })}`);
    out.journal = { n: REFLECTIONS, seedMs, upgrade, upgraded };
    log(`${kind}: journal of ${REFLECTIONS} seeded in ${(seedMs / 1000).toFixed(1)} s, upgraded by the first open in ${ms(upgrade.allCharts)} ms`);
    for (const n of sizes) out.sizes.push(await benchSize(h, probe, n, anchor));
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
interface InsightsRow {
  browser: string;
  /** Pauses in the history, or null for the journal's own row. */
  size: number | null;
  metric: string;
  values: Num[];
  baseline: string;
  baseValues: Num[];
  goal?: { kind: 'ratio' | 'ms'; max: number };
  note?: string;
}

const finite = (xs: Num[]) => xs.filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
const pct = (xs: Num[]) => ({ n: finite(xs).length, median: median(xs), p90: p90(xs) });
const medOf = (xs: Num[]) => {
  const m = median(xs);
  return m === null ? '?' : m.toFixed(0);
};
const grouped = (n: number) => n.toLocaleString('en-US');

function rowsFor(kind: BrowserKind, r: InsightsBrowserResult): InsightsRow[] {
  const rows: InsightsRow[] = [];
  if (r.journal) {
    const u = r.journal.upgrade;
    rows.push({
      browser: kind,
      size: null,
      metric: 'first open after seeding the journal: all charts',
      values: [u.allCharts],
      baseline: '',
      baseValues: [],
      note: `upgrades ${grouped(r.journal.n)} reflections (word index, ${r.journal.upgraded.days} day roll-ups); first chart ${ms(u.firstChart)} (empty pause history); seeded in ${(r.journal.seedMs / 1000).toFixed(1)} s, not measured`,
    });
  }
  for (const s of r.sizes) {
    // Blank samples whose hook came after the list (Firefox only): their first contentful paint stands in.
    const listed = (b: BlankSample) => (b.listedBeforeHook ? b.fcp : b.frameAt);
    const blankTimes = s.blank.map(listed);
    const missed = s.blank.filter((b) => b.listedBeforeHook).length;
    const base = { baseline: 'blank page: list → next frame', baseValues: blankTimes };
    const fcps = `Insights FCP ${medOf(s.insights.map((x) => x.fcp))}, load ${medOf(s.insights.map((x) => x.load))}`;
    rows.push({ browser: kind, size: s.n, metric: 'Insights: first chart', values: s.insights.map((x) => x.firstChart), ...base, goal: { kind: 'ratio', max: GOALS.firstChartRatio }, note: fcps });
    rows.push({
      browser: kind,
      size: s.n,
      metric: 'Insights: all charts',
      values: s.insights.map((x) => x.allCharts),
      ...base,
      goal: { kind: 'ms', max: GOALS.allChartsMs },
      note: `blank: list in DOM ${medOf(s.blank.map((b) => b.listedAt))}, FCP ${medOf(s.blank.map((b) => b.fcp))}${missed ? `; in ${missed}/${s.blank.length} the list was there before the hook: its FCP stands in` : ''}`,
    });
    rows.push({
      browser: kind,
      size: s.n,
      metric: CODE_FLOOR,
      values: s.code.map(listed),
      ...base,
      note: `the blank page, its list after ${(r.codeBytes / 1000).toFixed(0)} kB of Insights code is loaded and compiled, never run; FCP ${medOf(s.code.map((b) => b.fcp))}`,
    });
    rows.push({
      browser: kind,
      size: s.n,
      metric: 'first open (upgrade): first chart',
      values: [s.upgrade.firstChart],
      ...base,
      note: `builds the day roll-ups of ${grouped(s.n)} pauses (${s.upgraded.days} days); seeded in ${(s.seedMs / 1000).toFixed(1)} s, not measured`,
    });
    rows.push({ browser: kind, size: s.n, metric: 'first open (upgrade): all charts', values: [s.upgrade.allCharts], ...base });
  }
  return rows;
}

export function summariseInsights(browsers: Partial<Record<BrowserKind, InsightsBrowserResult>>) {
  return Object.entries(browsers).flatMap(([kind, r]) =>
    (r ? rowsFor(kind as BrowserKind, r) : []).map(({ values, baseValues, ...row }) => {
      const m = pct(values);
      const b = pct(baseValues);
      const ratio = m.median === null || b.median === null || b.median === 0 ? null : m.median / b.median;
      const judged = !row.goal ? null : row.goal.kind === 'ratio' ? ratio : m.median;
      return { ...row, ...m, baseN: b.n, baseMedian: b.median, baseP90: b.p90, ratio, meetsGoal: judged === null || !row.goal ? null : judged <= row.goal.max };
    }),
  );
}
export type InsightsSummaryRow = ReturnType<typeof summariseInsights>[number];

export interface InsightsReport {
  sizes: number[];
  reflections: number;
  samples: number;
  anchor: number;
  goals: typeof GOALS;
  note: string;
  durationMs: number;
  browsers: Partial<Record<BrowserKind, InsightsBrowserResult>>;
  summary: InsightsSummaryRow[];
}

/** Runs the Insights bench in each browser, one after the other. */
export async function benchInsights(kinds: BrowserKind[], sizes: number[] = DEFAULT_SIZES): Promise<InsightsReport> {
  const started = Date.now();
  // Fixed per run; the newest pause is a minute older.
  const anchor = Date.now();
  const browsers: Partial<Record<BrowserKind, InsightsBrowserResult>> = {};
  for (const kind of kinds) {
    browsers[kind] = await benchBrowser(kind, sizes, anchor);
    log(`${kind}: ${(browsers[kind].durationMs / 1000).toFixed(1)} s${browsers[kind].error ? ' (FAILED)' : ''}`);
  }
  return {
    sizes,
    reflections: REFLECTIONS,
    samples: SAMPLES,
    anchor,
    goals: GOALS,
    note: 'ms from each page\'s navigation start (performance.now()); Insights times are its insights:first-chart and insights:all-charts marks, the blank page\'s the first animation frame after its list is in the DOM',
    durationMs: Date.now() - started,
    browsers,
    summary: summariseInsights(browsers),
  };
}

const goalText = (g: NonNullable<InsightsRow['goal']>) => (g.kind === 'ratio' ? `≤${g.max}×` : `≤${g.max} ms`);

/** Prints the Insights section of the bench's output. */
export function printInsights(r: InsightsReport): void {
  const versions = Object.entries(r.browsers).map(([k, b]) => `${k} ${b?.version ?? '(failed)'}`).join(', ');
  console.log(`\nInsights — ${versions} — ms from navigation start, median / p90 (p90 only where n > 3); ${grouped(r.reflections)} reflections, pauses: ${r.sizes.map(grouped).join(', ')}`);
  console.log(`goals at ${grouped(GOALS.atPauses)} pauses (information only): first chart within ${GOALS.firstChartRatio}× of the blank page, all charts within ${GOALS.allChartsMs} ms\n`);
  let last = '';
  console.log(
    table(
      ['browser', 'pauses', 'measurement', 'n', 'median', 'p90', 'baseline', 'n', 'median', 'p90', 'ratio', 'goal', 'note'],
      r.summary.map((x) => {
        const group = `${x.browser} ${x.size}`;
        const first = group !== last;
        last = group;
        return [
          first ? x.browser : '',
          first ? (x.size === null ? '—' : grouped(x.size)) : '',
          x.metric,
          String(x.n),
          ms(x.median),
          x.n > 3 ? ms(x.p90) : '—',
          x.baseline,
          x.baseline ? String(x.baseN) : '',
          x.baseline ? ms(x.baseMedian) : '',
          x.baseline ? (x.baseN > 3 ? ms(x.baseP90) : '—') : '',
          x.ratio === null ? '' : `×${x.ratio.toFixed(2)}`,
          x.goal ? `${x.meetsGoal === null ? '?' : x.meetsGoal ? 'PASS' : 'MISS'} ${goalText(x.goal)}` : '',
          x.note ?? '',
        ];
      }),
      'lrlrrrlrrrrll',
    ),
  );
  console.log('');
  for (const [kind, b] of Object.entries(r.browsers)) {
    if (!b) continue;
    const at = r.summary.filter((x) => x.browser === kind && x.size === GOALS.atPauses && x.goal);
    if (at.length) {
      const parts = at.map((x) => `${x.metric.replace('Insights: ', '')} ${x.goal!.kind === 'ratio' ? `×${x.ratio?.toFixed(2) ?? '?'}` : `${ms(x.median)} ms`} ${x.meetsGoal === null ? '?' : x.meetsGoal ? 'PASS' : 'MISS'} (${goalText(x.goal!)})`);
      const floor = r.summary.find((x) => x.browser === kind && x.size === GOALS.atPauses && x.metric === CODE_FLOOR);
      if (floor) parts.push(`the code floor alone ×${floor.ratio?.toFixed(2) ?? '?'}`);
      console.log(`  ${kind} at ${grouped(GOALS.atPauses)} pauses: ${parts.join('; ')}`);
    } else {
      console.log(`  ${kind}: not run at ${grouped(GOALS.atPauses)} pauses, goals not judged`);
    }
    for (const s of b.sizes) {
      console.log(`  ${kind} ${grouped(s.n)}: ${s.durationS.toFixed(0)} s with seeding${s.errors.length ? `; ${s.errors.join('; ')}` : ''}`);
    }
    if (b.error) console.log(`\n${kind} insights FAILED: ${b.error}`);
  }
  console.log(`\ninsights part: ${(r.durationMs / 1000).toFixed(1)} s`);
}
