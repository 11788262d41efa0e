import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import puppeteer, { type Browser } from 'puppeteer-core';
import { firefoxPrefs } from './firefox-prefs.ts';
import type { HostedSites } from './hosted-sites.ts';

/** Which real browser a harness drives. */
export type BrowserKind = 'chromium' | 'firefox';

/** Options for {@link launch}. */
export interface LaunchOptions {
  /** Profile folder to reuse across launches (data survives a relaunch). Default: a fresh temp profile, deleted on close. */
  userDataDir?: string;
  /** Extension page the storage helpers open when none is given. Default `/options.html`. */
  probePage?: string;
  /** Firefox only: prefs merged over the harness's (e.g. `{ 'extensions.originControls.grantByDefault': false }`). */
  firefoxPrefs?: Record<string, unknown>;
  /** Startup timeout in ms. Default 20 000. */
  timeout?: number;
  /**
   * Serve real addresses (https://meet.google.com/…) from fixtures: the
   * browser's proxy becomes this one (instead of the dead one) and it accepts
   * its self-signed certificate. See `startHostedSites` in hosted-sites.ts.
   */
  hostedSites?: HostedSites;
  /**
   * Chromium only: draw scrollbars, as a person's browser does. Puppeteer
   * starts headless Chromium with `--hide-scrollbars`; Firefox draws them anyway.
   */
  showScrollbars?: boolean;
  /**
   * Chromium only: every frame of one site in one process, extension frames
   * included (`--process-per-site`), so a busy extension page holds back the
   * extension's frames in other tabs too.
   */
  processPerSite?: boolean;
  /**
   * The browser's UI language, which the extension's i18n follows (e.g. `de`).
   * Debian's Chromium takes it from the `LANGUAGE` environment variable, with
   * `chromium-l10n` installed (it ignores `--lang` headless); Firefox from the
   * `intl.locale.requested` pref, with the language pack Debian ships as
   * `firefox-esr-l10n-<lang>` in its app extensions folder.
   */
  language?: string;
}

/** A launched browser with one unpacked extension installed. */
export interface Harness {
  browser: Browser;
  kind: BrowserKind;
  /** `chrome-extension://ID` or `moz-extension://UUID` (no trailing slash). */
  extensionOrigin: string;
  /** Chromium: the extension id; Firefox: the add-on id from the manifest. */
  extensionId: string;
  /** Default extension page for helpers that evaluate in the extension origin. */
  probePage: string;
  /** Absolute URL of a file of the extension, e.g. `extensionUrl('/options.html')`. */
  extensionUrl(path: string): string;
  close(): Promise<void>;
}

/** Browser binaries from Debian; nothing is ever downloaded. */
export const EXECUTABLES: Record<BrowserKind, string> = {
  chromium: process.env.CHROMIUM_BIN ?? '/usr/bin/chromium',
  firefox: process.env.FIREFOX_BIN ?? '/usr/bin/firefox-esr',
};

/**
 * Fixed moz-extension UUID per add-on id, so `moz-extension://` URLs are
 * known before launch and stay the same across relaunches.
 */
export const FIREFOX_UUID = '5a5e0000-7e57-4a11-b0de-000000000001';

/** The dead proxy every launch uses unless a test brings hosted sites. */
const DEAD_PROXY = '--proxy-server=http://127.0.0.1:9';
/** Every host but loopback is unresolvable, with or without hosted sites. */
export const CHROMIUM_RESOLVER_RULES = '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1, EXCLUDE 127.0.0.2';

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  // Nothing leaves the machine: without these Chromium still looked up
  // accounts.google.com, update.googleapis.com and clients2.google.com.
  // Loopback is never proxied, so fixture servers stay reachable. With a
  // proxy Chromium resolves no target host itself (the proxy gets the name),
  // so the resolver rules stay as they are for hosted sites too.
  DEAD_PROXY,
  CHROMIUM_RESOLVER_RULES,
];

/** Chromium flags: the defaults, with the dead proxy swapped for the hosted sites proxy when given. */
function chromiumArgs(hosted?: HostedSites): string[] {
  if (!hosted) return CHROMIUM_ARGS;
  return [...CHROMIUM_ARGS.filter((a) => a !== DEAD_PROXY && a !== CHROMIUM_RESOLVER_RULES), ...hosted.chromiumArgs];
}

/** Reads `browser_specific_settings.gecko.id` from `dir/manifest.json`. */
export function geckoId(dir: string): string {
  const manifest = JSON.parse(readFileSync(resolve(dir, 'manifest.json'), 'utf8'));
  const id = manifest.browser_specific_settings?.gecko?.id;
  if (!id) throw new Error(`${dir}/manifest.json has no browser_specific_settings.gecko.id`);
  return id;
}

/**
 * Starts headless Chromium or Firefox ESR the way every test does, with no
 * extension installed: the baseline for measurements, and the first step of
 * {@link launch}. `firefoxUuids` fixes moz-extension UUIDs by add-on id.
 */
export function startBrowser(
  kind: BrowserKind,
  opts: Pick<LaunchOptions, 'userDataDir' | 'firefoxPrefs' | 'timeout' | 'hostedSites' | 'showScrollbars' | 'processPerSite' | 'language'> & { firefoxUuids?: Record<string, string> } = {},
): Promise<Browser> {
  const timeout = opts.timeout ?? 20_000;
  if (kind === 'chromium') {
    return puppeteer.launch({
      executablePath: EXECUTABLES.chromium,
      headless: true,
      pipe: true,
      // `true` (not `[dir]`): puppeteer 24 does not await installs passed as a
      // list, so failures would surface as unhandled rejections; launch() installs.
      enableExtensions: true,
      args: [...chromiumArgs(opts.hostedSites), ...(opts.processPerSite ? ['--process-per-site'] : [])],
      ...(opts.showScrollbars ? { ignoreDefaultArgs: ['--hide-scrollbars'] } : {}),
      ...(opts.language ? { env: { ...process.env, LANGUAGE: opts.language } } : {}),
      userDataDir: opts.userDataDir,
      timeout,
    });
  }
  return puppeteer.launch({
    browser: 'firefox',
    executablePath: EXECUTABLES.firefox,
    headless: true,
    // Without it WebDriver BiDi refuses to navigate a tab to moz-extension://.
    args: ['--remote-allow-system-access'],
    // Firefox refuses every non-loopback connection, and honours our remote
    // settings server pref (release builds ignore it otherwise).
    env: { ...process.env, MOZ_DISABLE_NONLOCAL_CONNECTIONS: '1' },
    userDataDir: opts.userDataDir,
    extraPrefsFirefox: {
      ...firefoxPrefs(opts.firefoxUuids ?? {}),
      ...opts.hostedSites?.firefoxPrefs,
      ...(opts.language ? { 'intl.locale.requested': opts.language } : {}),
      ...opts.firefoxPrefs,
    },
    // BiDi session capability: Firefox then accepts the hosted sites' self-signed
    // certificate, HSTS-preloaded hosts included.
    ...(opts.hostedSites ? { acceptInsecureCerts: true } : {}),
    timeout,
  });
}

async function launchChromium(dir: string, opts: LaunchOptions, timeout: number) {
  const browser = await startBrowser('chromium', { ...opts, timeout });
  try {
    const id = await browser.installExtension(dir);
    const origin = `chrome-extension://${id}`;
    await browser.waitForTarget((t) => t.type() === 'service_worker' && t.url().startsWith(`${origin}/`), { timeout });
    return { browser, origin, id };
  } catch (e) {
    await browser.close();
    throw e;
  }
}

async function launchFirefox(dir: string, opts: LaunchOptions, timeout: number) {
  const id = geckoId(dir);
  const browser = await startBrowser('firefox', { ...opts, timeout, firefoxUuids: { [id]: FIREFOX_UUID } });
  try {
    // Temporary add-on: removed at shutdown, so a relaunch installs it again;
    // the prefs keep its UUID and storage.
    await browser.installExtension(dir);
    return { browser, origin: `moz-extension://${FIREFOX_UUID}`, id };
  } catch (e) {
    await browser.close();
    throw e;
  }
}

/**
 * Launches headless Chromium or Firefox ESR with the unpacked MV3 extension in
 * `extensionDir` installed and its host permissions granted.
 */
export async function launch(kind: BrowserKind, extensionDir: string, opts: LaunchOptions = {}): Promise<Harness> {
  const dir = resolve(extensionDir);
  const timeout = opts.timeout ?? 20_000;
  const { browser, origin, id } =
    kind === 'chromium' ? await launchChromium(dir, opts, timeout) : await launchFirefox(dir, opts, timeout);
  return {
    browser,
    kind,
    extensionOrigin: origin,
    extensionId: id,
    probePage: opts.probePage ?? '/options.html',
    extensionUrl: (path) => `${origin}/${path.replace(/^\//, '')}`,
    close: () => closeBrowser(browser),
  };
}

/**
 * Closes the browser and makes sure its process is gone: for Firefox,
 * puppeteer 24 waits 5 s for the exit and then returns without killing it
 * (its fallback kill is never subscribed), which would leave a process holding
 * the profile. We wait, then SIGTERM, then SIGKILL the process we launched.
 */
export async function closeBrowser(browser: Browser, graceMs = 10_000): Promise<void> {
  const proc = browser.process();
  const gone = () => !proc || proc.exitCode !== null || proc.signalCode !== null;
  const exited = gone() ? Promise.resolve() : new Promise<void>((r) => proc!.once('exit', () => r()));
  const t0 = Date.now();
  await browser.close().catch(() => {});
  let timer: NodeJS.Timeout | undefined;
  const kill = (signal: NodeJS.Signals, ms: number) =>
    new Promise<void>((r) => (timer = setTimeout(() => (gone() || proc!.kill(signal), r()), ms)));
  await Promise.race([exited, kill('SIGTERM', graceMs).then(() => kill('SIGKILL', 2000))]);
  clearTimeout(timer);
  if (process.env.PM_E2E_DEBUG) console.error(`[harness] browser exited in ${Date.now() - t0} ms`);
}
