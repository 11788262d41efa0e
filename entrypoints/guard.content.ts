import { defineContentScript } from 'wxt/utils/define-content-script';
import { keepThisScriptRunning } from '@/lib/browser/script-life';
import { guardThisPage } from '@/lib/pause/page';
import { SCRIPT_RUN_AT } from '@/lib/sites/registration';

export default defineContentScript({
  // Registered at run time for the user's chosen sites only (lib/sites/registration.ts).
  registration: 'runtime',
  runAt: SCRIPT_RUN_AT.feed,
  // The page could forge WXT's start-up message; we do not announce ourselves to it.
  noScriptStartedPostMessage: true,
  main: (ctx) => keepThisScriptRunning(ctx, guardThisPage),
});
