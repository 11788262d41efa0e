import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { defineConfig } from 'wxt';
import { paintedWords } from './scripts/painted-words';
import { PAUSE_COMMAND } from './lib/meetings/command';
import { MEETING_PLATFORMS } from './lib/meetings/platforms';
import { originsOf, siteFromPreset } from './lib/sites/trigger-sites';

/**
 * A test build (PAUSE_MOMENT_TEST=1) is granted the loopback hosts up front,
 * because an automated browser cannot click a permission prompt. Release
 * builds ask for every site at run time and hold no host access at install.
 */
const testBuild = process.env.PAUSE_MOMENT_TEST === '1';

/**
 * Test builds also hold the meeting platforms' origins, exactly the ones the
 * options page asks for when a platform is ticked (originsOf the site it
 * builds), so ticking one needs no prompt. The e2e tests serve these hosts
 * from fixtures through a local proxy (tests/e2e/harness/hosted-sites.ts).
 */
const meetingOrigins = [...new Set(MEETING_PLATFORMS.flatMap((p) => originsOf(siteFromPreset(p, 'meeting'))))];

/**
 * Test builds also hold bench/blank.html, the bench's baseline for the popup:
 * an extension page with one small script that reads the newest 20
 * reflections with a plain IndexedDB cursor and lists them, which is the
 * least any extension page could do.
 */
const benchBlankPage = [
  {
    relativeDest: 'bench/blank.html',
    contents:
      '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Blank</title><script src="/bench/blank.js"></script></head>' +
      '<body><section class="journal"><ul class="list"></ul></section></body></html>',
  },
  {
    relativeDest: 'bench/blank.js',
    contents: `const open = indexedDB.open('pause-moment-journal');
open.onsuccess = () => {
  const values = [];
  const cursor = open.result.transaction('reflections', 'readonly').objectStore('reflections').openCursor(null, 'prev');
  cursor.onsuccess = () => {
    const c = cursor.result;
    if (c && values.length < 20) {
      values.push(c.value);
      return c.continue();
    }
    const list = () => {
      const ul = document.querySelector('.list');
      for (const v of values) {
        const li = document.createElement('li');
        li.className = 'item';
        li.dataset.id = v.id;
        li.textContent = v.text;
        ul.append(li);
      }
    };
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', list);
    else list();
  };
};
`,
  },
  {
    relativeDest: 'bench/insights-code.html',
    contents:
      '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Blank, with the Insights code</title><script src="/bench/blank.js"></script>' +
      '<script src="/bench/insights-code.js"></script></head><body><section class="journal"><ul class="list"></ul></section></body></html>',
  },
];

/**
 * And bench/insights-code.html: the blank page again, with the Insights
 * page's built script after its own as code that is never run (one function
 * that nothing calls), so its list waits for that code to be loaded and
 * compiled. It is what carrying that much code costs a page, apart from
 * anything the code does. The script is written once the build is done.
 */
async function writeInsightsCode(outDir: string): Promise<void> {
  const code = await readFile(resolve(outDir, 'insights-page.js'), 'utf8');
  await writeFile(resolve(outDir, 'bench/insights-code.js'), `function neverCalled() {\n${code}\n}\n`);
}

export default defineConfig({
  // Every word a person reads comes from locales/<language>.yml through the browser's own
  // i18n (browser.i18n, in the browser's language), through `i18n` from '#i18n'.
  modules: ['@wxt-dev/module-svelte', '@wxt-dev/webextension-polyfill', '@wxt-dev/i18n/module'],
  // Svelte builds each component's DOM node by node instead of parsing an HTML
  // string through innerHTML, which addons.mozilla.org's linter flags (Svelte's
  // compilerOptions.fragments, since 5.33).
  svelte: { vite: { compilerOptions: { fragments: 'tree' } } },
  // MV2 silently drops optional_host_permissions, so Firefox is built as MV3 too.
  manifestVersion: 3,
  imports: false,
  outDir: testBuild ? '.output-test' : '.output',
  // Read in code as import.meta.env.PAUSE_MOMENT_TEST (declared in env.d.ts): true in a test build.
  vite: () => ({
    define: {
      'import.meta.env.PAUSE_MOMENT_TEST': JSON.stringify(testBuild),
      __PAUSE_WORDS__: JSON.stringify(paintedWords()),
    },
  }),
  // The sources addons.mozilla.org rebuilds the Firefox zip from: everything the
  // build reads, without the tests and the README's images.
  zip: { excludeSources: ['docs/**', 'tests/**'] },
  hooks: {
    'build:publicAssets': (_wxt, files) => {
      if (testBuild) files.push(...benchBlankPage);
    },
    'build:done': async (wxt) => {
      if (testBuild) await writeInsightsCode(wxt.config.outDir);
    },
    // The feed pause's content script runs before a page paints, the pause
    // page's first read before its page is built, and Insights' scripts before
    // its first chart: they use the browser's own API instead of
    // webextension-polyfill (lib/browser/native-browser.ts). Insights reads
    // local storage and its messages, which return the same in both.
    'vite:build:extendConfig': (entrypoints, config) => {
      const guard = entrypoints.some((e) => e.type === 'content-script' && e.name === 'guard');
      const scripts = ['insights-first-read', 'insights-page', 'pause-first-read'];
      const native = entrypoints.some((e) => e.type === 'unlisted-script' && scripts.includes(e.name));
      if (!guard && !native) return;
      const own = { find: /^wxt\/browser$/, replacement: resolve(import.meta.dirname, 'lib/browser/native-browser.ts') };
      const alias = config.resolve?.alias;
      // The first matching alias wins: ours goes before the polyfill module's.
      const rest = !alias ? [] : Array.isArray(alias) ? alias : Object.entries(alias).map(([find, replacement]) => ({ find, replacement }));
      config.resolve = { ...config.resolve, alias: [own, ...rest] };
      if (!guard) return;
      // Every byte of it is read before the page paints: terser's extra passes
      // make it about 5% smaller than the default minifier, on this script only.
      config.build = {
        ...config.build,
        minify: 'terser',
        terserOptions: { compress: { passes: 3, pure_getters: true }, mangle: { toplevel: true } },
      };
    },
  },
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['storage', 'scripting', 'alarms', 'unlimitedStorage', 'activeTab'],
    optional_host_permissions: ['*://*/*'],
    ...(testBuild ? { host_permissions: ['*://127.0.0.1/*', '*://localhost/*', ...meetingOrigins] } : {}),
    homepage_url: 'https://pausemoment.app/',
    web_accessible_resources: [
      // The pause lives in an extension page so the site can neither read nor
      // click it. It has to be framable by any site the user chooses, so it
      // cannot be kept from other sites by `matches`. In Chromium, whose
      // extension ids are fixed, the pages load only through the dynamic URL
      // runtime.getURL gives, which changes every session, so a site cannot
      // probe for them by their static URL (extensions/common/api/
      // web_accessible_resources.idl, use_dynamic_url). Firefox's extension
      // URLs carry a random id per install already (MDN, web_accessible_resources).
      {
        resources: ['pause.html', 'meeting-card.html', 'check-in.html'],
        matches: ['<all_urls>'],
        ...(browser === 'firefox' ? {} : { use_dynamic_url: true }),
      },
    ],
    action: { default_title: '__MSG_extName__' },
    // Declared through the commands API so the user can change the shortcut in the browser.
    commands: {
      [PAUSE_COMMAND]: {
        suggested_key: { default: 'Alt+Shift+P' },
        description: '__MSG_commandPause__',
      },
    },
    // The oldest versions that have everything Pause Moment uses: CSS light-dark() (Chrome 123,
    // Firefox 120), AbortSignal.any (Chrome 116, Firefox 124), :has() (Chrome 105, Firefox 121), and
    // Firefox's data_collection_permissions (Firefox 140, Firefox for Android 142), per MDN's
    // browser compatibility data; web-ext lint checks the manifest keys against them.
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'pause-moment@pausemoment.app',
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : { minimum_chrome_version: '123' }),
  }),
});
