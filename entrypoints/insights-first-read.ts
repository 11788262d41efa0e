import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { startFirstRead } from '@/lib/insights/first-read';
import { readLocal } from '@/lib/settings/local-reader';

// Loaded by insights.html before the page's own script: starts the first view's reads at once.
export default defineUnlistedScript(() => startFirstRead(readLocal));
