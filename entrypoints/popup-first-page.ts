import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { startFirstPage } from '@/lib/journal/first-page';

// Loaded by popup.html before its module scripts: starts reading the newest reflections at once.
export default defineUnlistedScript(startFirstPage);
