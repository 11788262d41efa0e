import { mount } from 'svelte';
import '@/components/theme.css';
import PopupPage from '@/components/PopupPage.svelte';

mount(PopupPage, { target: document.getElementById('app')! });
