/** Real-browser e2e harness: one import for tests. */
export * from './server.ts';
export * from './browsers.ts';
export * from './hosted-sites.ts';
export * from './extension.ts';
export * from './frames.ts';
export * from './input.ts';
export { firefoxPrefs } from './firefox-prefs.ts';
