import { mount } from 'svelte';
import '@/components/theme.css';
import WelcomePage from '@/components/welcome/WelcomePage.svelte';
import { i18n } from '#i18n';
import { uiLanguage } from '@/lib/browser/language';

// The tour speaks the browser's language (locales/), and says so to a screen reader.
document.documentElement.lang = uiLanguage();
document.title = i18n.t('welcome.title');

mount(WelcomePage, { target: document.getElementById('app')! });
