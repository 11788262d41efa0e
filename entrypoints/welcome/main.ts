import { mount } from 'svelte';
import '@/components/theme.css';
import WelcomePage from '@/components/welcome/WelcomePage.svelte';

mount(WelcomePage, { target: document.getElementById('app')! });
