import { mount } from 'svelte';
import '@/components/theme.css';
import MeetingCard from '@/components/meetings/MeetingCard.svelte';
import { readMeetingCardQuery } from '@/lib/meetings/card-query';
import { uiLanguage } from '@/lib/browser/language';

// The card speaks the browser's language (locales/), and says so to a screen reader.
document.documentElement.lang = uiLanguage();

mount(MeetingCard, { target: document.getElementById('app')!, props: readMeetingCardQuery(location.search) });
