import { mount } from 'svelte';
import '@/components/theme.css';
import InsightsPage from '@/components/insights/InsightsPage.svelte';

mount(InsightsPage, { target: document.getElementById('app')! });
