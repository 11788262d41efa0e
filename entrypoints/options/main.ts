import { mount } from 'svelte';
import '@/components/theme.css';
import '@/components/options/options.css';
import OptionsPage from '@/components/options/OptionsPage.svelte';
import { i18n } from '#i18n';
import { uiLanguage } from '@/lib/browser/language';

// The options page speaks the browser's language (locales/), and says so to a screen reader.
document.documentElement.lang = uiLanguage();
document.title = i18n.t('options.title');

const prefill = new URLSearchParams(location.search).get('add') ?? '';
mount(OptionsPage, { target: document.getElementById('app')!, props: { prefill } });
