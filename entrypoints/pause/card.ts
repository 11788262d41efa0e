import { mount } from 'svelte';
import PauseCard from '@/components/pause/PauseCard.svelte';
import type { PauseQuery } from '@/lib/pause/query';
import type { PauseState } from '@/lib/pause/state';

/** Mounts the pause card in `target`; `stored` is the pause state, already being read. */
export function mountPauseCard(target: HTMLElement, query: PauseQuery, stored: Promise<PauseState>): void {
  mount(PauseCard, { target, props: { query, stored } });
}
