import '@/components/theme.css';
import { readPauseQuery } from '@/lib/pause/query';
import { readPauseState } from '@/lib/pause/state';
import { uiLanguage } from '@/lib/browser/language';

// The pause speaks the browser's language (locales/), and says so to a screen reader.
document.documentElement.lang = uiLanguage();

// The card shows once it knows its site, so the storage read starts first and
// runs while Svelte and the card load (a chunk of their own), not after them.
const stored = readPauseState();
void import('./card').then(({ mountPauseCard }) => mountPauseCard(document.getElementById('app')!, readPauseQuery(location.search), stored));
