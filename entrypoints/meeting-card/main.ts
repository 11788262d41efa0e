import { mount } from 'svelte';
import '@/components/theme.css';
import MeetingCard from '@/components/MeetingCard.svelte';
import { readMeetingCardQuery } from '@/lib/meeting-card-query';

mount(MeetingCard, { target: document.getElementById('app')!, props: readMeetingCardQuery(location.search) });
