import { mount } from 'svelte';
import InsightsPage from '@/components/insights/InsightsPage.svelte';
import type { InsightsHistory } from '@/lib/insights/history';

/** Mounts the Insights page in `target`; `history` is already being read. */
export function mountInsights(target: HTMLElement, history: InsightsHistory): void {
  mount(InsightsPage, { target, props: { history } });
}
