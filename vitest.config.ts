import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { svelteTesting } from '@testing-library/svelte/vite';

export default defineConfig({
  // WxtVitest() brings the fake browser and the `@/` alias but not the Svelte plugin. svelteTesting() makes
  // components mount with Svelte's browser build and unmounts them after each test.
  plugins: [WxtVitest(), svelte(), svelteTesting()],
  test: {
    include: ['tests/unit/**/*.test.ts'],
    setupFiles: ['tests/unit/setup.ts'],
    environment: 'happy-dom',
  },
});
