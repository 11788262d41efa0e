import { mount } from 'svelte';
import '@/components/theme.css';
import CheckInCard from '@/components/pause/CheckInCard.svelte';
import { uiLanguage } from '@/lib/browser/language';

document.documentElement.lang = uiLanguage();

const query = new URLSearchParams(location.search);
mount(CheckInCard, { target: document.getElementById('app')!, props: { siteId: query.get('site') ?? '', canGoBack: query.get('back') !== '0' } });
