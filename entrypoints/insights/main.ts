import '@/components/theme.css';
import { readHistory } from '@/lib/insights/history';

// The history is read while Svelte, the charts and their scales load (a chunk of their own), not after them.
const history = readHistory(Date.now());
void import('./page').then(({ mountInsights }) => mountInsights(document.getElementById('app')!, history));
