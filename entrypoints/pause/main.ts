import '@/components/theme.css';
import { readPauseQuery } from '@/lib/pause/query';
import { readPauseState } from '@/lib/pause/state';

// The card shows once it knows its site, so the storage read starts first and
// runs while Svelte and the card load (a chunk of their own), not after them.
const stored = readPauseState();
void import('./card').then(({ mountPauseCard }) => mountPauseCard(document.getElementById('app')!, readPauseQuery(location.search), stored));
