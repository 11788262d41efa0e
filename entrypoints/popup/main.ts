import { mount } from 'svelte';
import '@/components/theme.css';
import PopupPage from '@/components/PopupPage.svelte';
import { JOURNAL_PAGE, reflectionsNewestFirst } from '@/lib/journal';

// Start reading the newest reflections before the page is built, so the list can paint with it.
const firstPage = reflectionsNewestFirst(JOURNAL_PAGE);
mount(PopupPage, { target: document.getElementById('app')!, props: { firstPage } });
