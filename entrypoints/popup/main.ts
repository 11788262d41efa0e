import { mount } from 'svelte';
import '@/components/theme.css';
import PopupPage from '@/components/popup/PopupPage.svelte';
import { takeFirstPage } from '@/lib/journal/first-page';
import { JOURNAL_PAGE, reflectionsNewestFirst } from '@/lib/journal/store';
import { uiLanguage } from '@/lib/browser/language';

// The popup speaks the browser's language (locales/), and says so to a screen reader.
document.documentElement.lang = uiLanguage();

// The newest reflections, read from the start by popup-first-page.js (or now, if it did not run).
const firstPage = takeFirstPage() ?? reflectionsNewestFirst(JOURNAL_PAGE);
mount(PopupPage, { target: document.getElementById('app')!, props: { firstPage } });
