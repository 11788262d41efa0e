import type { browser as Polyfilled } from 'wxt/browser';

const own = globalThis as { browser?: unknown; chrome?: unknown };

/**
 * The browser's own extension API, without webextension-polyfill: the feed
 * pause's content script runs before a page paints and is kept small, and
 * the polyfill was a third of it; the pause page's first read runs before
 * its page is built, and the Insights page's scripts before its first chart. wxt.config.ts puts this module in place of `wxt/browser` for
 * those scripts alone (WXT's own content script context imports it too);
 * everything else keeps the polyfill.
 *
 * Both namespaces return promises from the calls those scripts make
 * (reading local storage, `runtime.sendMessage`): Firefox's `browser` always
 * (https://developer.mozilla.org/en-US/docs/Mozilla/Add-ons/WebExtensions/Chrome_incompatibilities),
 * Chromium's `chrome` in Manifest V3 when no callback is passed
 * (https://developer.chrome.com/docs/extensions/develop/migrate/api-calls#replace-callbacks).
 * The namespace is chosen at build time, never by probing `globalThis`: a
 * page can make `window.browser` name one of its elements (`<form
 * id="browser">`), and a content script sees those names, in a browser that
 * defines no `browser` of its own (Chromium before 144).
 */
export const browser = (import.meta.env.FIREFOX ? own.browser : own.chrome) as typeof Polyfilled;
