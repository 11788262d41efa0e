import { mount } from 'svelte';
import '@/components/theme.css';
import MeetingCard from '@/components/meetings/MeetingCard.svelte';
import { readMeetingCardQuery } from '@/lib/meetings/card-query';

mount(MeetingCard, { target: document.getElementById('app')!, props: readMeetingCardQuery(location.search) });
