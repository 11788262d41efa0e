/**
 * Every selector the meeting adapters use, in one table, so that when a
 * platform changes its page the fix is an edit here and nowhere else.
 *
 * Each marker is grounded in what other projects read on the live pages
 * (the platform's own source for Jitsi Meet; for the closed apps, open
 * source meeting bots, mute-sync and Stream Deck extensions, caption and
 * attendance tools). The comment beside a marker names its sources by the
 * short names listed in that platform's adapter file (lib/meetings/<id>.ts),
 * which also lists the pages to try by hand before a release. The fixtures
 * in tests/fixtures/meetings reproduce those sources, not this table.
 *
 * How to read an entry:
 * - Only rendered elements count (`isRendered`): apps keep hidden controls
 *   in the page after they are done with them.
 * - Precedence: `left`, then `preJoin` (which takes in waiting rooms), then
 *   `inCall` (`phaseOf`), because waiting rooms already show call controls.
 * - Attribute and structure markers (ids, data-*, jsname, aria-pressed) come
 *   first because they do not depend on the user's language. Labels are
 *   localized: a language is listed only where a source gives its words.
 * - `css` selectors are matched with querySelectorAll; one that a browser
 *   cannot parse is skipped, not fatal.
 * - `text` is for screens with nothing but words to go by: an element
 *   matching `in` whose whole text (trimmed, case-folded) is one of `says`.
 *   Keep `in` narrow: it is the only place the adapters iterate.
 * - Mic labels name the *action* the button offers ("Turn on microphone"
 *   means the microphone is off now) unless the signal says `phrase`.
 */

import type { PlatformId } from './types';

/** Signs that the page shows one phase of the call. */
export interface Marker {
  /** CSS selectors, most reliable first; any match is enough. */
  css: readonly string[];
  /** Visible words for screens without a better marker. */
  text?: { in: string; says: readonly string[] };
}

/** One way the user's own microphone button tells muted from unmuted. Tried in order until one answers. */
export type MicSignal =
  /** An attribute whose value (case-insensitive) is in `muted` or `unmuted`. */
  | { kind: 'attr'; name: string; muted: readonly string[]; unmuted: readonly string[] }
  /**
   * aria-label (or title). `prefix` (the default): the label starts with a phrase, and `muted` lists the
   * labels shown while muted ("Unmute…"). `phrase`: the label holds the phrase as whole words, for labels
   * that state the mic's state in a sentence ("…microphone is muted").
   */
  | { kind: 'label'; muted: readonly string[]; unmuted: readonly string[]; match?: 'prefix' | 'phrase' }
  /** A checkbox or switch input whose `checked` means this. */
  | { kind: 'checked'; means: 'muted' | 'unmuted' };

export interface PlatformSelectors {
  /** Same-origin iframes that hold the meeting UI; read before the page itself. */
  frames?: readonly string[];
  /** End screens. Wins over every other marker. */
  left: Marker;
  /** Pre-join screens and waiting rooms. Wins over `inCall`, whose controls these screens often show too. */
  preJoin: Marker;
  inCall: Marker;
  /** The call's own leave (hang-up) control: its box helps find the control bar, and pressing it means the user is leaving. */
  leave: readonly string[];
  /** The user's own microphone toggle (never a participant's, never "Mute all"). First selector that matches wins. */
  mic: { css: readonly string[]; signals: readonly MicSignal[] };
  /** The meeting's own control bar(s). When none match, the adapter uses the nearest box holding both leave and mic. */
  controls: readonly string[];
  /** Addresses a platform sends people to after a call, for `isLeftAddress`: the page itself then says "left". */
  leftUrls?: readonly string[];
}

/** Buttons and headings: where the words of lobbies and end screens live. */
const HEADINGS = 'h1, h2, h3, [role="heading"]';

export const MEETING_SELECTORS: Readonly<Record<PlatformId, PlatformSelectors>> = {
  meet: {
    // Meet swaps screens inside one page at meet.google.com/<code>; nothing to read from the address (S10, S22).
    left: {
      css: [
        '[data-call-ended="true"]', // S13, S14
        '[jsname="r4nke"]', // S10: the end screen's heading
        '[jsname="oI7Fj"] button', // S10: its Rejoin button
        '.roSPhc', // S3: the removed / ended-by-host box
      ],
      text: {
        in: `${HEADINGS}, .roSPhc, button span`,
        // Not "Return to home screen": the waiting screen shows it too (S2).
        says: ['You left the meeting', "You've been removed from the meeting", 'Your host ended the meeting for everyone', 'Rejoin'], // S1, S3, S7, S10, S20
      },
    },
    preJoin: {
      css: [
        'button[jsname="Qx7uuf"]', // S10, S1: "Join now" / "Ask to join"
        '[jscontroller="dyDNGc"]', // S10, S1: the green room
        'img[alt*="brings you into the call" i]', // S6: waiting room
      ],
      text: {
        in: `button, button span, ${HEADINGS}`,
        says: [
          'Join now', 'Ask to join', 'Join anyway', 'Switch here', // S3, S7, S6, S1, S4
          'Jetzt teilnehmen', 'Teilnahme erbitten', 'Trotzdem teilnehmen', // S4
          // The waiting room already holds Leave call, mic and camera (S1, S2, S3, S4, S6, S11).
          'Asking to be let in...', 'Asking to be let in…', // S1, S3
          'You’ll join the call when someone lets you in', "You'll join the call when someone lets you in", // S1
          'Please wait until a meeting host brings you into the call', // S6, S4
          'Waiting for the host to join', // S3
        ],
      },
    },
    inCall: {
      css: [
        'button[jsname="CQylAd"]', // S3, S8, S9: Leave call
        '[jsname="CQylAd"]', // S5: the same as a div
        'button[aria-label^="Leave call" i]', // S3, S7, S15
        'button[aria-label^="Anruf verlassen" i]', // S8, S4
        "button[aria-label^=\"Quitter l'appel\" i]", 'button[aria-label^="Quitter l’appel" i]', // S21
        'button[aria-label^="Salir de la llamada" i]', // S21
      ],
    },
    leave: ['[jsname="CQylAd"]', 'button[aria-label^="Leave call" i]', 'button[aria-label^="Anruf verlassen" i]', 'button[aria-label^="Salir de la llamada" i]'],
    mic: {
      // The camera toggle carries data-is-muted too: find the mic by its jsname or its words first.
      css: [
        'button[jsname="hw0c9"]', // S8, S9
        '[role="button"][jsname="hw0c9"]', // S8: on the join screen
        '[data-is-muted][aria-label^="Turn on microphone" i]', '[data-is-muted][aria-label^="Turn off microphone" i]', // S3, S1, S16
        '[data-is-muted][aria-label*="mikrofon" i]', // S12, S8
        '[data-is-muted][aria-label*="micro" i]', // S13 (FR "micro"), S18 (ES "micrófono")
        '[data-is-muted][data-tooltip*="+ d" i]', // S12: the shortcut in the tooltip
      ],
      signals: [
        { kind: 'attr', name: 'data-is-muted', muted: ['true'], unmuted: ['false'] }, // S8, S12, S13, S15, S16, S17
        {
          kind: 'label',
          muted: ['turn on microphone', 'mikrofon aktivieren', 'activar micrófono', 'activer le micro'], // S3, S1, S12, S18; FR from S13's pattern
          unmuted: ['turn off microphone', 'mikrofon deaktivieren', 'desactivar micrófono', 'désactiver le micro'], // S3, S1, S12, S18, S13
        },
      ],
    },
    controls: [
      '[role="region"][aria-label="Call controls" i]', // S5
      '[role="region"]:has([jsname="CQylAd"])', // the same region in any language
    ],
  },

  zoom: {
    // app.zoom.us/wc/<id>/join runs the client in a same-origin iframe (Z3, Z6, Z7, Z8); some set-ups run it in the page.
    frames: ['iframe#webclient', 'iframe.pwa-webclient__iframe'],
    left: {
      css: [
        '[aria-label="Meeting is end now"]', // Z1 (English in every language), Z6, Z7, Z8, Z3 live
        '.feedback-container', // Z1: the feedback screen shown after leaving, in the call's own page
      ],
      text: {
        in: `.zm-modal-body-title, ${HEADINGS}`, // Z1, Z3, Z4
        says: [
          // Z2's language files (apac.dialog.* and apac.wc_leave_page_*); Z4 and Z6 read the English ones.
          'This meeting has been ended by host', 'The meeting has been ended', 'This meeting has been ended by your admin',
          'You have been removed from this meeting by the host.', 'You have been removed',
          'Thank you for attending the meeting', 'How was your experience?',
          'Das Meeting wurde vom Host beendet', 'Das Meeting wurde beendet', 'Dieses Meeting wurde von Ihrem Administrator beendet',
          'Sie wurden vom Host von diesem Meeting entfernt.', 'Sie wurden entfernt.',
          'Vielen Dank für Ihre Teilnahme am Meeting', 'Wie war Ihr Eindruck?',
          'L’hôte a mis fin à cette réunion', 'La réunion a été terminée', 'Votre administrateur a mis fin à cette réunion',
          'Vous avez été exclu de cette réunion par l’animateur.', 'Vous avez été exclu',
          'Merci d’avoir assisté à la réunion', 'Comment décririez-vous votre expérience\u00a0?',
          'El anfitrión ha finalizado esta reunión', 'La reunión ha finalizado', 'Su administrador ha finalizado esta reunión',
          'El anfitrión lo ha retirado de esta reunión.', 'Ha sido retirado',
          'Gracias por asistir a la reunión', '¿Cómo fue su experiencia?',
        ],
      },
    },
    preJoin: {
      css: [
        '#input-for-name', // Z4, Z7, Z8: the preview's name field
        'button.preview-join-button', // Z4, Z7, Z8
        '.preview-root', // Z3, Z1
        '#inputname', '#joinBtn', // Z4: the classic /wc/join/<id> form
        // The waiting room holds a live preview mic and its own leave button (Z1, Z12): these win over them.
        '.meeting-on-hold', '.waiting-room-container', // Z1, Z3
      ],
      text: {
        in: `.wr-tip span, .wr-tip, ${HEADINGS}`, // Z1
        says: [
          // Z2 (wc_put_on_hold_msg, wait_for_host, wait_for_admit*); Z4 and Z12 read the English ones.
          'Please wait, the meeting host will let you in soon.', 'The host will let you in soon',
          'Waiting for the host to start the meeting.', "Host has joined. We've let them know you're here.", "Host has joined. We've let them know you're here",
          'Bitte warten, der Meeting-Host lässt Sie in Kürze eintreten.', 'Der Host lässt Sie bald hinein', 'Bitte warten Sie, bis der Host das Meeting beginnt.',
          'Veuillez patienter, l’hôte de la réunion vous laissera bientôt entrer.', 'L’hôte vous laissera bientôt entrer', 'En attente de lancement de la réunion par l’hôte.',
          'Por favor, espere, el anfitrión le permitirá ingresar pronto.', 'El anfitrión le permitirá entrar pronto', 'Esperando a que el anfitrión inicie la reunión.',
        ],
      },
    },
    inCall: {
      // Not the bare footer: it can be up while waiting for the host (Z6).
      css: [
        '#foot-bar > .footer__leave-btn-container button', // Z1, Z3 live
        '#wc-footer .footer__leave-btn-container button', // Z3
        '[footer-section="right"] button', // Z1, Z3, Z4
        '#foot-bar .footer__leave-btn', // the older footer (Z1; 2021 bots)
      ],
    },
    leave: [
      '.footer__leave-btn-container button', // Z1, Z3
      '[footer-section="right"] button', // Z1, Z4
      '#foot-bar .footer__leave-btn', // the older footer
      'button.leave-meeting-options__btn--danger', // Z4, Z5: "Leave Meeting" in the confirmation
    ],
    mic: {
      // Only the footer's own audio button or the preview's: "Mute All" and each participant's "Mute" sit in the
      // participants panel, outside the footer, so never match (Z1, Z3).
      css: [
        '#foot-bar button.join-audio-container__btn', // Z1, Z4, Z5
        '#wc-footer button.join-audio-container__btn', // Z1
        '#preview-audio-control-button', // Z1, Z4, Z7, Z8
      ],
      signals: [
        // The footer's labels are English in every language (Z1); "join audio" says nothing.
        { kind: 'label', muted: ['unmute my microphone', 'unmute my phone'], unmuted: ['mute my microphone', 'mute my phone'] },
        {
          kind: 'label', // The preview's label is its visible word, localized (Z1, Z2, Z4).
          muted: ['unmute', 'stummschaltung aufheben', 'lautschalten', 'réactiver le micro', 'réactiver le son', 'cancelar silenciar', 'reactivar audio'],
          unmuted: ['mute', 'stummschalten', 'couper le micro', 'désactiver le son', 'silenciar'],
        },
      ],
    },
    controls: ['#wc-footer', '#foot-bar'], // Z1, Z3, Z6
    // After leaving, the client moves to /wc/leave?meetingNumber=…, first inside its frame (Z1, Z3); tab closers watch it (Z9, Z10, Z11).
    leftUrls: ['zoom.us/wc/leave'],
  },

  teams: {
    // teams.live.com puts the call in a same-origin frame (T7).
    frames: ['iframe[id^="experience-container"]'],
    left: {
      css: [
        '[data-tid="anon-meeting-end-screen-rejoin-button"]', // T7
        '[data-tid^="post-meeting-"]', // T1
      ],
      text: {
        in: `${HEADINGS}, button`,
        says: [
          'You left the meeting', // T7, T14
          "You've left this meeting", // T15
          'Rejoin', // T7, T5
          "You've been removed from this meeting", // T5
          'The meeting has ended', // T6, T7, T5
          'Sie haben die Besprechung verlassen', // T15
        ],
      },
    },
    preJoin: {
      css: [
        '[data-tid="prejoin-join-button"]', // T6, T4, T10, T9, T5, T7
        '[data-tid="prejoin-display-name-input"]', // T6, T4, T10, T9, T7
        '[data-tid="prejoin-cancel-button"]', // T4: stays on the lobby screen
        '[data-track-action-scenario^="preJoin"]', // T2
      ],
      text: {
        // The lobby can already show Leave (T4, T8): its words must win over the call's controls.
        in: `${HEADINGS}, [role="status"], span`,
        says: [
          'Someone in the meeting should let you in soon', // T8, T14
          'Someone will let you in shortly', // T5
          "When the meeting starts, we'll let people know you're waiting", // T14
          "We've let people in the meeting know you're waiting", // T14
        ],
      },
    },
    inCall: {
      css: [
        '#hangup-button', // T5, T4, T7, T11
        '[data-tid="hangup-main-btn"]', // T5, T11
        '[data-inp="hangup-button"]', // T4
        '[data-tid="hangup-button"]', // T7, T10
        '#microphone-button', // T2, T7
      ],
    },
    leave: ['#hangup-button', '[data-tid="hangup-main-btn"]', '[data-inp="hangup-button"]', '[data-tid="hangup-button"]'],
    mic: {
      css: [
        '#microphone-button', // T1, T2, T3, T5
        '[data-inp="microphone-button"]', // T14
        '[data-tid="toggle-mute"]', // T6, T4 (pre-join switch); T7 (light meetings in call)
      ],
      signals: [
        // Builds differ: "mic" (T2, T3) or "mic-volume-renderer" (T1, read live 2026-09-29) while on.
        { kind: 'attr', name: 'data-state', muted: ['mic-off'], unmuted: ['mic', 'mic-volume-renderer'] },
        { kind: 'attr', name: 'data-track-action-scenario', muted: ['callUnmuteAudio', 'preJoinUnmute'], unmuted: ['callMuteAudio', 'preJoinMute'] }, // T1, T2
        { kind: 'checked', means: 'unmuted' }, // T6: the pre-join switch
        { kind: 'attr', name: 'aria-checked', muted: ['false'], unmuted: ['true'] }, // T4, T8
        // Not aria-pressed: two sources read it in opposite ways.
        { kind: 'label', muted: ['unmute'], unmuted: ['mute', 'mikrofon stummschalten'] }, // T4, T8, T15
      ],
    },
    controls: [
      '#horizontalEnd', // T1: v2's "Calling controls"
      '[data-tid="ubar-horizontal-end"]', // T1
      '[data-tid="calling-toolbar"]', // T7: light meetings
      '[data-tid="floating-call-monitor"]', // T1: the mini call window
    ],
  },

  webex: {
    // The client sits in a same-origin frame on <site>.webex.com (W2, W5, W6, W7), an older one in thinIframe (W2, W3);
    // newer j.php links and web.webex.com run it in the page itself (W2, W1).
    frames: ['iframe#unified-webclient-iframe', 'iframe[name="thinIframe"]'],
    left: {
      css: [],
      text: {
        in: `${HEADINGS}, mdc-text`,
        says: [
          'You have left the meeting', // W2
          'Meeting has ended', 'This meeting has ended', 'Meeting ended', // W2, W6
          'The host ended the meeting', // W6
        ],
      },
    },
    preJoin: {
      css: [
        '[data-test="join-button"]', // W2, W6
        '#join-button', // W7
        'input[data-test="Name (required)"]', // W2, W4, W6
        'mdc-input[data-test="Name"]', // W4: newer builds
        '[data-test="call_lobby_content"]', // W6: the lobby
        '#interstitial_join_btn', // W2, W3: the classic client
      ],
      text: { in: 'mdc-button, button', says: ['Join meeting'] }, // W8, W6
    },
    inCall: {
      css: [
        '[data-test="in-meeting-chat-toggle-button"]', // W2, W5, W6: absent until admitted (W2)
        '[data-test="participants-toggle-button"]', // W6
        '[data-test="grid-layout"]', // W6
        '[data-test="raise-hand-button"]', // W6
        'button[data-doi="CHAT:OPEN_CHAT_PANEL:MENU_CONTROL_BAR"]', // W2: the classic client
      ],
    },
    // No source names the leave control's markup; Webex's help names it "Leave meeting" (W10).
    leave: ['[data-test="leave-button"]', '[aria-label^="Leave meeting" i]'],
    mic: {
      // Momentum custom elements, not <button> (W2, W6, W8, W9); an older build used a real button (W5).
      css: ['mdc-button[data-test="microphone-button"]', '[data-test="microphone-button"]', '#audioControlButton'],
      signals: [
        // A sentence: "Microphone is currently muted - click to unmute" (W1, W5, W6, W8).
        { kind: 'label', match: 'phrase', muted: ['microphone is currently muted'], unmuted: ['microphone is currently unmuted'] },
        { kind: 'label', muted: ['unmute'], unmuted: ['mute'] }, // W3: the classic client
      ],
    },
    // No source names a bar: the nearest box holding the mic and the chat toggle stands in (see `controls` in read.ts).
    controls: [],
  },

  jitsi: {
    // J-names are files of jitsi/jitsi-meet; V and E are independent bots (see lib/meetings/jitsi.ts).
    left: {
      css: [
        '[data-testid="dialog.thankYou"]', // J actions.web.ts + Notification.tsx: "Thank you for using Jitsi Meet!" after hanging up
        '[data-testid="dialog.leaveReason"]', // J LeaveReasonDialog.web.tsx: ended by the host, or removed
        '.redirectPageMessage .thanks-msg', // J static/close.html, close2.html
      ],
    },
    preJoin: {
      // Pre-join and the lobby render the real #new-toolbox, hang-up included since 2025-10 (J PreMeetingScreen.tsx): these win.
      css: [
        '.premeeting-screen', // J PreMeetingScreen.tsx; V
        '[data-testid="prejoin.screen"]', // J Prejoin.tsx, tests/pageobjects/PreJoinScreen.ts
        '[data-testid="prejoin.joinMeeting"]', // J Prejoin.tsx, PreJoinScreen.ts; V; E
        '#premeeting-name-input', // J Prejoin.tsx, PreJoinScreen.ts; V
        '.lobby-screen', // J LobbyScreen.tsx, tests/pageobjects/LobbyScreen.ts; V; E
        '[data-testid="lobby.knockButton"]', // J LobbyScreen.tsx, LobbyScreen.ts
        '[role="dialog"][aria-label^="Waiting for a moderator" i]', // J WaitForOwnerDialog.tsx, lang/main.json
        '[role="dialog"][aria-label^="Warten auf den Beginn der Konferenz" i]', // J lang/main-de.json
        '[role="dialog"][aria-label^="En attente de l\'hôte" i]', // J lang/main-fr.json
        '[role="dialog"][aria-label^="Esperando al anfitrión" i]', // J lang/main-es.json
      ],
    },
    inCall: {
      css: [
        '#videoconference_page > #new-toolbox', // J Conference.tsx: the call's own toolbox, only without pre-join or lobby
        '#filmstripLocalVideo', // J Filmstrip.tsx; E
        '#new-toolbox .hangup-button', // J Toolbox.tsx; V
        '#new-toolbox .hangup-menu-button', // J HangupMenuButton.tsx: a moderator who can end the meeting
      ],
    },
    // The class sits on the icon inside the role=button div (J ToolboxItem.web.tsx), so a press lands inside it or on its button.
    leave: ['#new-toolbox .hangup-button', '#new-toolbox .hangup-menu-button', '[aria-label="Leave the meeting" i]'], // J; tests/pageobjects/Toolbar.ts
    mic: {
      // A div.toolbox-button[role=button]; the "Join options" arrow also has aria-pressed, so stay in the toolbox.
      css: [
        '#new-toolbox .audio-preview .toolbox-button[aria-pressed]', // J AudioSettingsPopup.tsx, ToolboxItem.web.tsx (desktop widths)
        '#new-toolbox .toolbox-button[aria-label^="Unmute microphone" i]', '#new-toolbox .toolbox-button[aria-label^="Mute microphone" i]', // J lang/main.json, Toolbar.ts
        '#new-toolbox .toolbox-button[aria-label^="Connecting your microphone" i]', // J main.json muteGUMPending
        '#new-toolbox .toolbox-button[aria-label^="Stummschaltung aufheben" i]', '#new-toolbox .toolbox-button[aria-label^="Mikrofon deaktivieren" i]', // J main-de.json
        '#new-toolbox .toolbox-button[aria-label^="Activer votre micro" i]', '#new-toolbox .toolbox-button[aria-label^="Couper votre micro" i]', // J main-fr.json
        '#new-toolbox .toolbox-button[aria-label^="Activar micrófono" i]', '#new-toolbox .toolbox-button[aria-label^="Silenciar micrófono" i]', // J main-es.json
      ],
      signals: [
        { kind: 'attr', name: 'aria-pressed', muted: ['true'], unmuted: ['false'] }, // J ToolboxItem.web.tsx + BaseAudioMuteButton.ts: toggled = muted
        {
          kind: 'label', // J lang/main*.json toolbar.accessibilityLabel.unmute / .mute
          muted: ['unmute microphone', 'stummschaltung aufheben', 'activer votre micro', 'activar micrófono'],
          unmuted: ['mute microphone', 'mikrofon deaktivieren', 'couper votre micro', 'silenciar micrófono'],
        },
      ],
    },
    controls: ['#new-toolbox .toolbox-content-wrapper', '#new-toolbox .toolbox-content'], // J Toolbox.tsx, css/_toolbars.scss
    // With enableClosePage the app goes to a close page (J actions.web.ts); otherwise, 3 s after the thank-you note, to the
    // welcome page at "/". Paths on any host: people run Jitsi Meet on their own servers.
    leftUrls: ['/', '/static/close.html', '/static/close2.html', '/static/close3.html'],
  },

  whereby: {
    // The room renders in the page itself (H1's content script reads the top document).
    left: {
      css: ['.thank-you-message'], // H11 (appear.in, about 2016)
      text: { in: HEADINGS, says: ['Meeting ended'] }, // H4: removed, or ended by the host
      // No source shows today's screen after pressing Leave: the press itself says so (`phaseAfterRead`).
    },
    preJoin: {
      css: [
        'input[name="nickname"]', // H4: the name step
        '[class*="CameraSelector"] select', // H5: the pre-call review (2024)
      ],
      text: { in: 'button', says: ['Join meeting', 'Knock'] }, // H4, H10: "Knock" for a locked room
    },
    inCall: {
      // jstest-* classes are Whereby's stable hooks; the other class names carry build hashes (H1b, H3).
      css: ['.jstest-leave-room-button', '.jstest-open-chat-button'], // H3, H4, H5, H6
      text: { in: 'figcaption', says: ['Chat', 'Leave'] }, // H4, H3
    },
    leave: ['.jstest-leave-room-button'], // H3, H4
    mic: {
      css: ['button.jstest-mute-button', '.jstest-mute-button'], // H1, H2, H3, H6
      // Pressed means the microphone is ON here, the reverse of Jitsi (H1). The buttons have no aria-label (H3).
      signals: [{ kind: 'attr', name: 'aria-pressed', muted: ['false'], unmuted: ['true'] }],
    },
    controls: ['[class^="buttonCenterWrapper-"]', '[class*=" buttonCenterWrapper-"]'], // H3 (hashed suffix)
  },
};
