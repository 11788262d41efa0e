import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { startPauseFirstRead } from '@/lib/pause/first-read';
import { readLocal } from '@/lib/settings/local-reader';

// Loaded by pause.html before the page's own script: starts reading the pause state at once.
export default defineUnlistedScript(() => startPauseFirstRead(readLocal));
