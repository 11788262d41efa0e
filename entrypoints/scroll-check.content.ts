import { defineContentScript } from 'wxt/utils/define-content-script';
import { keepThisScriptRunning } from '@/lib/browser/script-life';
import { checkInThisPage } from '@/lib/pause/check-in-page';
import { CHECK_IN_RUN_AT } from '@/lib/sites/registration';

export default defineContentScript({
  // Registered at run time beside the feed pause, on the same sites (lib/sites/registration.ts).
  registration: 'runtime',
  runAt: CHECK_IN_RUN_AT,
  noScriptStartedPostMessage: true,
  main: (ctx) => keepThisScriptRunning(ctx, checkInThisPage),
});
