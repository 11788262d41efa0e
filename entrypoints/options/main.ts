import { mount } from 'svelte';
import '@/components/theme.css';
import '@/components/options/options.css';
import OptionsPage from '@/components/options/OptionsPage.svelte';

const prefill = new URLSearchParams(location.search).get('add') ?? '';
mount(OptionsPage, { target: document.getElementById('app')!, props: { prefill } });
