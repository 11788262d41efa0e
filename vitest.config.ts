import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { svelteTesting } from '@testing-library/svelte/vite';
import { paintedWords } from './scripts/painted-words';

export default defineConfig({
  // WxtVitest() brings the fake browser and the `@/` alias but not the Svelte plugin. svelteTesting() makes
  // components mount with Svelte's browser build and unmounts them after each test.
  plugins: [WxtVitest(), svelte(), svelteTesting()],
  // As in wxt.config.ts: the words the feed pause paints before the page does.
  define: { __PAUSE_WORDS__: JSON.stringify(paintedWords()) },
  test: {
    include: ['tests/unit/**/*.test.ts'],
    setupFiles: ['tests/unit/setup.ts'],
    environment: 'happy-dom',
  },
});
