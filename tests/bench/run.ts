/**
 * `npm run bench`: how fast the pause covers a chosen site against the same
 * page's own first contentful paint, what the extension costs pages that are
 * not chosen, and how big the content script is. Prints a table and writes
 * every raw sample to tests/bench/results/latest.json.
 *
 * Per browser and page, four cells, on one feed-like fixture (tests/bench/fixtures):
 *   plain     — a browser with no extension, page on 127.0.0.2
 *   notChosen — the test build installed, 127.0.0.1 added as a site, page on 127.0.0.2
 *               (which the extension has no access to, so nothing runs there)
 *   chosen    — the same browser, page on 127.0.0.1: the pause shows
 *   floor     — a browser with only tests/bench/floor-extension, page on
 *               127.0.0.1: the least any extension pays to pause a page this
 *               way (a cover and the question put in at document_start, the
 *               controls in an extension iframe created at once), with no
 *               storage to read and nothing to decide
 * The fixture is served two ways (PAGES below): at once, as a local file
 * arrives, and streamed, as a feed arrives over a network: its head at once,
 * its first posts 165 ms later, the rest 100 ms after them. The pause's goals
 * were set on a feed that streams slowly, whose own first paint was about
 * 200 ms; the streamed page's is about that too.
 * Each cell is warmed up once, then sampled N times in rounds whose order
 * rotates, so drift over the run (caches, JIT, thermal) hits every cell alike.
 * Both browsers stay open for the whole run, one idle while the other loads.
 *
 * What "the pause is visible" can mean, from the earliest to the latest:
 *   host seen     — the page's first script finds `pause-moment` in the DOM
 *                   (or a MutationObserver sees it arrive): the cover is in place;
 *   cover painted — the page's first painted frame, which holds the cover
 *                   because it was in the DOM before any script (Chromium's
 *                   first-paint; Firefox has none, so its own FCP bounds it);
 *   question      — the question and the breath, painted in the cover: with
 *                   the cover when the site is expected to pause (a hint
 *                   script registered for it), else once the guard has read
 *                   storage. A test build marks the host with the moment they
 *                   went into the DOM (data-question-at); they show in the
 *                   page's first painted frame if that was before it, else in
 *                   the next (their time in the DOM stands in, a lower bound);
 *   controls      — the pause page's card (Leave, Continue) in its first
 *                   frame on screen: its `pause-card-shown` mark, from which
 *                   it fades in over the painted question.
 * Each is also given as a ratio to the page's own first paint (its FCP with
 * no extension); the goals are the question at or before it and the controls
 * within 1.5× of it.
 *
 * Then the journal part (journal.ts): the popup, search, export and import
 * with 1,000, 10,000 and 100,000 reflections, each beside a plain IndexedDB
 * baseline, in its own table section and under `journal` in the same JSON.
 *
 * Then the Insights part (insights.ts): the Insights page's first chart and
 * all its charts with 1,000, 10,000 and 100,000 pauses and 100,000
 * reflections, beside the blank extension page, and the first open after an
 * older history is seeded (which builds the day roll-ups), in its own table
 * section and under `insights` in the same JSON.
 *
 * Environment: BENCH_ONLY=pause|journal|insights runs one part (latest.json
 * then holds only that part); BENCH_BROWSERS=chromium,firefox;
 * BENCH_PAGES=instant,streamed (the pause part's pages); BENCH_N (pause
 * samples per cell); BENCH_JOURNAL_SIZES=1000,10000,100000 (reflections);
 * BENCH_INSIGHTS_SIZES=1000,10000,100000 (pauses).
 */
import { mkdirSync, readFileSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { cpus, loadavg, platform, release, totalmem } from 'node:os';
import { resolve } from 'node:path';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';
import type { Browser, Frame, Page } from 'puppeteer-core';
import { closeBrowser, launch, startBrowser, startFixtureServer, waitFor, type BrowserKind, type FixtureServer, type Harness, type Route } from '../e2e/harness/index.ts';
import { addSiteInOptions, inExtension, storedSites, testBuild, waitForPause } from '../e2e/pause-driver.ts';
import { benchJournal, printJournal, type JournalReport } from './journal.ts';
import { benchInsights, printInsights, type InsightsReport } from './insights.ts';
import { median, ms, p90, table } from './stats.ts';

const N = Number(process.env.BENCH_N ?? 21);
const KINDS = (process.env.BENCH_BROWSERS ?? 'chromium,firefox').split(',') as BrowserKind[];

/** The pause part's pages: the same feed, served at once or streamed. */
type PageName = 'instant' | 'streamed';
const PAGES: Record<PageName, string> = { instant: '/feed.html', streamed: '/feed-streamed.html' };
const PAGE_NAMES = (process.env.BENCH_PAGES ?? 'instant,streamed').split(',') as PageName[];
for (const p of PAGE_NAMES) if (!(p in PAGES)) throw new Error(`BENCH_PAGES: no page "${p}" (instant, streamed)`);
/**
 * When the streamed feed's body parts come after its head: the first posts
 * late enough that the page's own first paint is about 200 ms, as on the
 * slowly streaming feed the pause's goals were set on; the rest a little later.
 */
const STREAM_AT_MS = [165, 100] as const;
const ROOT = resolve(import.meta.dirname, '../..');
const FIXTURES = resolve(import.meta.dirname, 'fixtures');
const OUT = resolve(import.meta.dirname, 'results/latest.json');
const ONLY = process.env.BENCH_ONLY ?? '';
if (!['', 'pause', 'journal', 'insights'].includes(ONLY)) throw new Error(`BENCH_ONLY must be "pause", "journal" or "insights", not "${ONLY}"`);
/** Whether a part runs: every part in a full run, else only BENCH_ONLY's. */
const runs = (part: 'pause' | 'journal' | 'insights') => ONLY === '' || ONLY === part;
/** Journal sizes for every browser; by default 1,000, 10,000 and 100,000 (journal.ts). */
const JOURNAL_SIZES = process.env.BENCH_JOURNAL_SIZES ? process.env.BENCH_JOURNAL_SIZES.split(',').map(Number) : undefined;
/** Pause history sizes of the Insights part; by default 1,000, 10,000 and 100,000 (insights.ts). */
const INSIGHTS_SIZES = process.env.BENCH_INSIGHTS_SIZES ? process.env.BENCH_INSIGHTS_SIZES.split(',').map(Number) : undefined;

/** One page load, in ms from the page's navigation start (its `performance.timeOrigin`). */
interface Sample {
  /** `loadEventEnd - startTime` of the navigation entry. */
  load: number | null;
  /** The page's own paint entries (Firefox has no first-paint entry). */
  fp: number | null;
  fcp: number | null;
  /** From the fixture's first script: when it ran, was the pause's host already in the DOM, and when was it first seen. */
  scriptAt: number;
  hostAtStart: boolean;
  hostSeenAt: number | null;
  /** chosen only: the pause frame's first contentful paint, on the page's clock. */
  frameFcp?: number | null;
  /** chosen only: the pause frame's navigation start, on the page's clock. */
  frameOrigin?: number | null;
  /** chosen only: when the question went into the cover's DOM, as a test build marks it on the host. */
  questionAt: number | null;
  /** chosen only: the frame that first showed the pause page's card (its `pause-card-shown` mark), on the page's clock. */
  cardShown?: number | null;
  /** chosen only: frame clock minus page clock, read page → frame → page; `bracket` is half the round trip. */
  clock?: { skew: number; bracket: number };
}

type Cell = 'plain' | 'notChosen' | 'chosen' | 'floor';
const CELLS: Cell[] = ['plain', 'notChosen', 'chosen', 'floor'];
const FLOOR_EXTENSION = resolve(import.meta.dirname, 'floor-extension');

/** A pause to wait for and measure: in which extension, and its page in the cover. */
interface PauseAt {
  h: Harness;
  path: string;
}

/** Read in the page once it has loaded. Strings, not functions: no tsx helpers leak into the page. */
const PAGE_PROBE = `(() => {
  const nav = performance.getEntriesByType('navigation')[0];
  const paint = (name) => performance.getEntriesByName(name, 'paint')[0]?.startTime ?? null;
  return {
    load: nav && nav.loadEventEnd > 0 ? nav.loadEventEnd - nav.startTime : null,
    fp: paint('first-paint'),
    fcp: paint('first-contentful-paint'),
    scriptAt: window.__bench?.scriptAt ?? null,
    hostAtStart: window.__bench?.hostAtStart ?? false,
    hostSeenAt: window.__bench?.hostSeenAt ?? null,
    questionAt: Number(document.querySelector('pause-moment')?.dataset.questionAt) || null,
  };
})()`;
const FRAME_PROBE = `({
  origin: performance.timeOrigin,
  fcp: performance.getEntriesByName('first-contentful-paint', 'paint')[0]?.startTime ?? null,
  shown: performance.getEntriesByName('pause-card-shown', 'mark')[0]?.startTime ?? null,
})`;
const CLOCK = 'performance.timeOrigin + performance.now()';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** Let the browser finish opening a tab (and closing the last one) before the measured navigation starts. */
const SETTLE_MS = 100;

/** Loads `url` in a fresh foreground tab and measures it; with `pause`, waits for the pause and measures its frame too. */
async function sample(browser: Browser, url: string, pause?: PauseAt): Promise<Sample> {
  const page = await browser.newPage();
  try {
    await page.bringToFront();
    await sleep(SETTLE_MS);
    await page.goto(url, { waitUntil: 'load', timeout: 15_000 });
    const extra = pause ? await measurePause(page, pause) : {};
    const read = async () => (await page.evaluate(PAGE_PROBE)) as Sample;
    // Paint entries can land a frame or more after `load`. Under the cover a
    // browser now and then reports no paint for the page at all: there, take
    // what there is (nulls are counted in the table's n column).
    const done = (p: Sample) => p.load !== null && (pause ? (p.fp ?? p.fcp) : p.fcp) !== null;
    const probe = await waitFor(
      async () => {
        const p = await read();
        return done(p) ? p : null;
      },
      { timeout: pause ? 2000 : 5000, interval: 20, message: `load and first contentful paint of ${url}` },
    ).catch((e) => (pause ? read() : Promise.reject(e)));
    return { ...probe, ...extra };
  } finally {
    await page.close();
  }
}

/**
 * The pause page's first contentful paint inside its iframe: Svelte mounts
 * the whole card at once, so that is the frame in which its heading painted.
 * Its time is on the frame's clock; both clocks count from the Unix epoch, so
 * the difference of the two `timeOrigin`s puts it on the page's clock.
 */
async function measurePause(page: Page, { h, path }: PauseAt): Promise<Pick<Sample, 'frameFcp' | 'frameOrigin' | 'cardShown' | 'clock'>> {
  const frame: Frame = await waitForPause(page, h, 8000, path);
  const pageOrigin = (await page.evaluate('performance.timeOrigin')) as number;
  const inFrame = await waitFor(
    async () => {
      const f = (await frame.evaluate(FRAME_PROBE)) as { origin: number; fcp: number | null; shown: number | null };
      return f.fcp !== null && f.shown !== null ? f : null;
    },
    { timeout: 3000, interval: 20, message: 'the pause frame to report its first contentful paint and card' },
  ).catch(() => null);
  // The two documents live in different processes: check that their clocks agree.
  const before = (await page.evaluate(CLOCK)) as number;
  const framed = (await frame.evaluate(CLOCK)) as number;
  const after = (await page.evaluate(CLOCK)) as number;
  return {
    frameFcp: inFrame ? inFrame.origin + inFrame.fcp! - pageOrigin : null,
    frameOrigin: inFrame ? inFrame.origin - pageOrigin : null,
    cardShown: inFrame ? inFrame.origin + inFrame.shown! - pageOrigin : null,
    clock: { skew: framed - (before + after) / 2, bracket: (after - before) / 2 },
  };
}

/**
 * The streamed feed: the fixture's head (its probe and render-blocking
 * stylesheet) at once, as a server that flushes early sends it, then its body
 * in two parts, {@link STREAM_AT_MS} ms after the part before. Same bytes as /feed.html.
 */
function streamedFeed(): Route {
  const html = readFileSync(resolve(FIXTURES, 'feed.html'), 'utf8');
  const bodyAt = html.indexOf('<body>') + '<body>'.length;
  const posts = [...html.matchAll(/<\/article>/g)].map((m) => m.index! + m[0].length);
  const cuts = [bodyAt, posts[2]!, html.length];
  if (bodyAt < '<body>'.length || cuts[1]! <= bodyAt) throw new Error('feed.html: no <body> or fewer than three posts to stream');
  return {
    headers: { 'content-type': 'text/html; charset=utf-8' },
    chunks: [
      { data: html.slice(0, cuts[0]), delayMs: 0 },
      { data: html.slice(cuts[0], cuts[1]), delayMs: STREAM_AT_MS[0] },
      { data: html.slice(cuts[1], cuts[2]), delayMs: STREAM_AT_MS[1] },
    ],
  };
}

type Samples = Record<Cell, Sample[]>;

/** Runs every cell on every page in one browser kind. */
async function benchBrowser(kind: BrowserKind, chosen: FixtureServer, other: FixtureServer) {
  const plain = await startBrowser(kind);
  let h: Harness | undefined;
  let floor: Harness | undefined;
  try {
    floor = await launch(kind, FLOOR_EXTENSION);
    h = await launch(kind, testBuild(kind));
    const added = await addSiteInOptions(h, '127.0.0.1');
    // Judge by what was stored, not by the message: right after a successful
    // add the options page can briefly show "already in your list" (its error
    // is derived from the input, which is cleared a moment after the save).
    if (!(await storedSites(h)).some((s) => s.label === '127.0.0.1')) throw new Error(`could not add 127.0.0.1: ${JSON.stringify(added)}`);
    // The background registers the content script after the settings change.
    const ext = h;
    await waitFor(
      () =>
        inExtension<string[]>(ext, `async () => (await (globalThis.browser ?? chrome).scripting.getRegisteredContentScripts()).flatMap((s) => s.matches)`).then((m) =>
          m.includes('*://127.0.0.1/*'),
        ),
      { message: 'the content script to be registered for 127.0.0.1' },
    );
    // Every (page, cell) pair, sampled in rotating order.
    const least = floor;
    const jobs = PAGE_NAMES.flatMap((name) => {
      const path = PAGES[name];
      const run: Record<Cell, () => Promise<Sample>> = {
        plain: () => sample(plain, other.url(path)),
        notChosen: () => sample(ext.browser, other.url(path)),
        chosen: () => sample(ext.browser, chosen.url(path), { h: ext, path: '/pause.html' }),
        floor: () => sample(least.browser, chosen.url(path), { h: least, path: '/card.html' }),
      };
      return CELLS.map((cell) => ({ name, cell, run: run[cell] }));
    });
    for (const job of jobs) await job.run(); // warm-up, discarded
    const samples = Object.fromEntries(PAGE_NAMES.map((name) => [name, { plain: [], notChosen: [], chosen: [], floor: [] } as Samples])) as Partial<Record<PageName, Samples>>;
    for (let i = 0; i < N; i++) {
      for (let j = 0; j < jobs.length; j++) {
        const job = jobs[(i + j) % jobs.length]!;
        samples[job.name]![job.cell].push(await job.run());
      }
    }
    return { version: await ext.browser.version(), samples };
  } finally {
    await h?.close();
    await floor?.close();
    await closeBrowser(plain);
  }
}

/** Sizes of a built content script: raw (WXT already minifies it), gzip -9 and brotli at maximum quality. */
function sizeOf(rel: string) {
  const file = resolve(ROOT, rel);
  if (!existsSync(file)) return null;
  const data = readFileSync(file);
  return {
    file: rel,
    builtAt: statSync(file).mtime.toISOString(),
    raw: data.length,
    gzip: gzipSync(data, { level: 9 }).length,
    brotli: brotliCompressSync(data, { params: { [zlib.BROTLI_PARAM_QUALITY]: zlib.BROTLI_MAX_QUALITY } }).length,
  };
}

/** One table row: a measurement beside its baseline. */
interface Row {
  browser: string;
  page?: PageName;
  metric: string;
  values: Array<number | null>;
  baseline: string;
  baseValues: Array<number | null>;
  /** `delta`: median minus baseline median (ms); `ratio`: median over baseline median. */
  compare: 'delta' | 'ratio';
  note?: string;
}

function rowsFor(kind: BrowserKind, s: Samples | null): Row[] {
  if (!s) return [];
  const pick = (cell: Cell, key: keyof Sample) => s[cell].map((x) => (x[key] ?? null) as number | null);
  const fcp = { baseline: 'FCP, page not chosen', baseValues: pick('notChosen', 'fcp'), compare: 'delta' as const };
  const atStart = s.chosen.filter((x) => x.hostAtStart).length;
  const [floorQuestion, floorControls] = firstPaintRows(kind, s, 'floor') as [Row, Row];
  const scriptRow = (cell: Cell, metric: string): Row => ({
    browser: kind,
    metric,
    values: pick(cell, 'scriptAt'),
    baseline: 'same, page not chosen',
    baseValues: pick('notChosen', 'scriptAt'),
    compare: 'delta',
  });
  return [
    { browser: kind, metric: 'pause host in DOM, seen by page', values: pick('chosen', 'hostSeenAt'), ...fcp, note: `at first script ${atStart}/${s.chosen.length}` },
    // The cover is in the DOM before the first page script, so it is in the page's first painted frame.
    kind === 'chromium'
      ? { browser: kind, metric: "cover painted (page's first-paint)", values: pick('chosen', 'fp'), ...fcp }
      : { browser: kind, metric: "cover painted (≤ page's own FCP)", values: pick('chosen', 'fcp'), ...fcp, note: 'no first-paint entry: upper bound' },
    ...firstPaintRows(kind, s, 'chosen'),
    { ...floorQuestion, metric: 'floor: question painted' },
    { ...floorControls, metric: 'floor: controls painted' },
    scriptRow('chosen', 'first page script runs'),
    scriptRow('floor', 'floor: first page script runs'),
    { browser: kind, metric: 'FCP, page not chosen', values: pick('notChosen', 'fcp'), baseline: 'FCP, no extension', baseValues: pick('plain', 'fcp'), compare: 'ratio' },
    { browser: kind, metric: 'load, page not chosen', values: pick('notChosen', 'load'), baseline: 'load, no extension', baseValues: pick('plain', 'load'), compare: 'ratio' },
  ];
}

/**
 * The question's and the controls' first painted frames beside the page's own
 * first paint (its FCP with no extension), as ratios, with the goals; for the
 * pause (`chosen`) or the floor extension's (`floor`).
 */
function firstPaintRows(kind: BrowserKind, s: Samples, cell: 'chosen' | 'floor'): Row[] {
  const own = { baseline: "page's own first paint (FCP, no extension)", baseValues: s.plain.map((x) => x.fcp), compare: 'ratio' as const };
  const xs = s[cell];
  // In the DOM by the page's first paint, the question is in that frame (Chromium's first-paint; Firefox has
  // none, and its FCP is an upper bound). Later, the frame it painted in is not known: its time in the DOM
  // stands in, a lower bound, and the count says how often.
  const paint = (x: Sample) => (kind === 'chromium' ? x.fp : x.fcp);
  const late = xs.filter((x) => x.questionAt == null || paint(x) == null || x.questionAt > paint(x)!).length;
  const question = xs.map((x) => (x.questionAt == null || paint(x) == null ? null : Math.max(paint(x)!, x.questionAt)));
  // How far the frame's clock strayed from the page's beyond what the read round trip allows (0: they agree).
  const skew = Math.max(0, ...xs.map((x) => (x.clock ? Math.abs(x.clock.skew) - x.clock.bracket : 0)));
  const clocks = skew ? `frame clock off by ≤ ${skew.toFixed(1)} ms` : 'frame and page clocks agree';
  const bound = kind === 'chromium' ? '' : ', ≤ (no first-paint entry: FCP bounds it)';
  const fade = cell === 'chosen' ? 'then a 150 ms fade; ' : '';
  return [
    { browser: kind, metric: 'question painted (in the cover)', values: question, ...own, note: `goal ≤ ×1; after first paint ${late}/${xs.length}${bound}` },
    { browser: kind, metric: 'controls painted (pause card shown)', values: xs.map((x) => x.cardShown ?? null), ...own, note: `goal ≤ ×1.5; ${fade}${clocks}` },
    { browser: kind, metric: 'pause frame FCP', values: xs.map((x) => x.frameFcp ?? null), ...own, note: 'a fade on the compositor repaints nothing: later than shown' },
  ];
}

function summarise(r: Row) {
  const [m, b] = [median(r.values), median(r.baseValues)];
  const vs = m === null || b === null ? null : r.compare === 'delta' ? m - b : m / b;
  const n = r.values.filter((v) => typeof v === 'number' && Number.isFinite(v)).length;
  return { ...r, n, median: m, p90: p90(r.values), baseMedian: b, baseP90: p90(r.baseValues), vs };
}

async function main() {
  const started = Date.now();
  // Other work on the machine shows up as noise: record how busy it was.
  const loadBefore = loadavg();
  // Same fixture on two loopback hosts: 127.0.0.1 is chosen, 127.0.0.2 is not (and the test build has no access to it).
  const routes = { [PAGES.streamed]: streamedFeed() };
  const chosen = await startFixtureServer(routes, { root: FIXTURES, host: '127.0.0.1' });
  const other = await startFixtureServer(routes, { root: FIXTURES, host: '127.0.0.2' });
  const results: Record<string, { version?: string; samples?: Partial<Record<PageName, Samples>>; error?: string }> = {};
  try {
    for (const kind of runs('pause') ? KINDS : []) {
      const t0 = Date.now();
      try {
        results[kind] = await benchBrowser(kind, chosen, other);
      } catch (e) {
        results[kind] = { error: e instanceof Error ? e.stack ?? e.message : String(e) };
        process.exitCode = 1;
      }
      console.error(`[bench] ${kind}: ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    }
  } finally {
    await chosen.close();
    await other.close();
  }
  let journal: JournalReport | undefined;
  if (runs('journal')) {
    journal = await benchJournal(KINDS, JOURNAL_SIZES);
    if (Object.values(journal.browsers).some((b) => b?.error)) process.exitCode = 1;
  }
  // A missed goal is information; only a part that could not run fails the bench.
  let insights: InsightsReport | undefined;
  if (runs('insights')) {
    insights = await benchInsights(KINDS, INSIGHTS_SIZES);
    if (Object.values(insights.browsers).some((b) => b?.error)) process.exitCode = 1;
  }
  const pauseKinds = runs('pause') ? KINDS : [];

  const rows = pauseKinds
    .flatMap((k) => PAGE_NAMES.flatMap((page) => rowsFor(k, results[k]?.samples?.[page] ?? null).map((r) => ({ ...r, page }))))
    .map(summarise);
  const sizes = ['.output-test/chrome-mv3', '.output-test/firefox-mv3', '.output/chrome-mv3', '.output/firefox-mv3']
    .map((dir) => sizeOf(`${dir}/content-scripts/guard.js`))
    .filter((x) => x !== null);
  const cpu = cpus();
  const report = {
    date: new Date().toISOString(),
    durationMs: Date.now() - started,
    parts: ONLY ? [ONLY] : ['pause', 'journal', 'insights'],
    n: N,
    pages: Object.fromEntries(PAGE_NAMES.map((p) => [p, p === 'streamed' ? `${PAGES[p]}: head at once, body in 2 parts ${STREAM_AT_MS.join(' and ')} ms after the part before` : `${PAGES[p]}: at once`])),
    machine: {
      cpus: cpu.length,
      model: cpu[0]?.model,
      memGB: Math.round(totalmem() / 2 ** 30),
      os: `${platform()} ${release()}`,
      node: process.version,
      loadavg: { before: loadBefore, after: loadavg() },
    },
    browsers: Object.fromEntries(pauseKinds.map((k) => [k, results[k]?.version ?? null])),
    note: 'ms from the page navigation start; p90 by nearest rank; paint entries are coarsened to 4 ms (Chromium) and 1 ms (Firefox)',
    summary: rows.map(({ values, baseValues, ...r }) => r),
    sizes,
    samples: Object.fromEntries(pauseKinds.map((k) => [k, results[k]?.samples ?? null])),
    errors: Object.fromEntries(pauseKinds.flatMap((k) => (results[k]?.error ? [[k, results[k].error]] : []))),
    journal: journal ?? null,
    insights: insights ?? null,
  };
  mkdirSync(resolve(OUT, '..'), { recursive: true });
  writeFileSync(OUT, JSON.stringify(report, null, 2) + '\n');

  const busy = Math.max(loadBefore[0]!, loadavg()[0]!);
  const machine = `machine: ${cpu.length} × ${cpu[0]?.model}, load average ${loadBefore[0]!.toFixed(1)} → ${loadavg()[0]!.toFixed(1)}${busy > cpu.length ? ' (busy: expect noise)' : ''}`;
  if (runs('pause')) {
    const versions = KINDS.map((k) => `${k} ${results[k]?.version ?? '(failed)'}`).join(', ');
    console.log(`\nPause Moment bench — ${versions} — N=${N} per cell, ms from navigation start, median / p90`);
    console.log(`pages: ${Object.values(report.pages).join('; ')}`);
    console.log(`${machine}\n`);
    console.log(
      table(
        ['browser', 'page', 'measurement', 'n', 'median', 'p90', 'baseline', 'median', 'p90', 'vs baseline', 'note'],
        rows.map((r) => [
          r.browser,
          r.page ?? '',
          r.metric,
          String(r.n),
          ms(r.median),
          ms(r.p90),
          r.baseline,
          ms(r.baseMedian),
          ms(r.baseP90),
          r.vs === null ? 'n/a' : r.compare === 'delta' ? `${r.vs >= 0 ? '+' : ''}${r.vs.toFixed(1)} ms` : `×${r.vs.toFixed(3)}`,
          r.note ?? '',
        ]),
        'lllrrrlrrrl',
      ),
    );
    console.log('\ncontent script size (bytes; raw is WXT-minified)\n');
    console.log(table(['file', 'built at', 'raw', 'gzip -9', 'brotli 11'], sizes.map((s) => [s.file, s.builtAt, String(s.raw), String(s.gzip), String(s.brotli)]), 'llrrr'));
    for (const [k, e] of Object.entries(report.errors)) console.log(`\n${k} FAILED: ${e}`);
  } else {
    console.log(`\n${machine}`);
  }
  if (journal) printJournal(journal);
  if (insights) printInsights(insights);
  console.log(`\n${((Date.now() - started) / 1000).toFixed(1)} s; raw samples in ${OUT}`);
}

await main();
