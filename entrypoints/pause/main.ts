import { mount } from 'svelte';
import '@/components/theme.css';
import PauseCard from '@/components/pause/PauseCard.svelte';
import { readPauseQuery } from '@/lib/pause/query';

mount(PauseCard, { target: document.getElementById('app')!, props: { query: readPauseQuery(location.search) } });
