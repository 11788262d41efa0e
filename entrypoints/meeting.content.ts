import { defineContentScript } from 'wxt/utils/define-content-script';
import { keepThisScriptRunning } from '@/lib/browser/script-life';
import { guardThisMeeting } from '@/lib/meetings/page';
import { SCRIPT_RUN_AT } from '@/lib/sites/registration';

export default defineContentScript({
  // Registered at run time for the user's meeting sites only (lib/sites/registration.ts).
  registration: 'runtime',
  runAt: SCRIPT_RUN_AT.meeting,
  // The page could forge WXT's start-up message; we do not announce ourselves to it.
  noScriptStartedPostMessage: true,
  main: (ctx) => keepThisScriptRunning(ctx, (life) => void guardThisMeeting(life)),
});
