import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { mount } from 'svelte';
import '@/components/theme.css';
import InsightsPage from '@/components/insights/InsightsPage.svelte';
import { firstRead, takeFirstRead } from '@/lib/insights/first-read';
import { readHistory } from '@/lib/insights/history';

/**
 * The Insights page (insights.html), built as one script and one stylesheet
 * rather than as a graph of modules shared with the other pages: a dozen more
 * requests, each of which costs the page's main thread time before it can
 * draw, for code the page mostly does not run.
 */
export default defineUnlistedScript(() => {
  // The first view's reads, begun by insights-first-read.js while this script loaded (or now, if that one has not run yet).
  const first = takeFirstRead() ?? firstRead(Date.now(), (keys) => import('@/lib/settings/local-reader').then((local) => local.readLocal(keys)));
  mount(InsightsPage, { target: document.getElementById('app')!, props: { history: readHistory(first) } });
});
