import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { announceExpectedPause } from '@/lib/pause/expected-pause-bus';

// Registered at run time, before the feed pause, on sites expected to pause now (lib/pause/pause-hints.ts).
export default defineUnlistedScript(() => announceExpectedPause('question'));
