import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { mount } from 'svelte';
import '@/components/theme.css';
import PauseCard from '@/components/pause/PauseCard.svelte';
import { uiLanguage } from '@/lib/browser/language';
import { takePauseFirstRead } from '@/lib/pause/first-read';
import { readPauseQuery } from '@/lib/pause/query';
import { readPauseState } from '@/lib/pause/state';

/**
 * The pause page (pause.html), built as one script and one stylesheet rather
 * than as a graph of modules shared with the other pages: its controls are
 * waited for on a page the user is about to see, and each further request
 * costs the frame time before it can draw.
 */
export default defineUnlistedScript(() => {
  // The pause speaks the browser's language (locales/), and says so to a screen reader.
  document.documentElement.lang = uiLanguage();
  // Begun by pause-first-read.js while this script loaded (or now, if that one has not run yet).
  const stored = takePauseFirstRead() ?? readPauseState();
  mount(PauseCard, { target: document.getElementById('app')!, props: { query: readPauseQuery(location.search), stored } });
});
