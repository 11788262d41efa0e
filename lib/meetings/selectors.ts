/**
 * Every selector the meeting adapters use, in one table, so that when a
 * platform changes its page the fix is an edit here and nowhere else.
 *
 * Written from what these apps' pages looked like (2024–2025), without the
 * live pages at hand: each platform's adapter file ends with the pages to
 * check by hand before a release, and the fixtures in tests/fixtures/meetings
 * reproduce exactly what this table expects.
 *
 * How to read an entry:
 * - Attribute and structure markers (ids, data-*, data-tid, data-test-id,
 *   jsname, aria-pressed, data-is-muted) come first because they do not depend
 *   on the user's language. Labels are localized, so every label-based marker
 *   lists English plus German, French and Spanish where known.
 * - `css` selectors are matched with querySelector; one that a browser cannot
 *   parse is skipped, not fatal.
 * - `text` is the fallback for screens with nothing but words to go by: an
 *   element matching `in` whose whole text (trimmed, case-folded) is one of
 *   `says`. Keep `in` narrow: it is the only place the adapters iterate.
 * - Mic labels name the *action* the button offers: a button labelled
 *   "Turn on microphone" means the microphone is muted now.
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
  /** aria-label (or title) starting with a phrase: `muted` lists the labels shown while muted ("Unmute…"). */
  | { kind: 'label'; muted: readonly string[]; unmuted: readonly string[] }
  /** A checkbox or switch input whose `checked` means this. */
  | { kind: 'checked'; means: 'muted' | 'unmuted' };

export interface PlatformSelectors {
  /** Same-origin iframes that hold the meeting UI; read before the page itself. */
  frames?: readonly string[];
  left: Marker;
  inCall: Marker;
  preJoin: Marker;
  /** The user's own microphone toggle (never a participant's, never "Mute all"). First selector that matches wins. */
  mic: { css: readonly string[]; signals: readonly MicSignal[] };
  /** The meeting's own control bar(s). When none match, the adapter uses the nearest box holding both leave and mic. */
  controls: readonly string[];
}

/** aria-pressed on a mute toggle: pressed means "muted" (Jitsi's toolbox buttons are toggled while muted). */
const PRESSED_MEANS_MUTED: MicSignal = { kind: 'attr', name: 'aria-pressed', muted: ['true'], unmuted: ['false'] };

/** Short "Unmute"/"Mute" labels, used by Teams, Webex, Whereby and Zoom's preview. Prefixes never overlap. */
const UNMUTE_OR_MUTE: MicSignal = {
  kind: 'label',
  muted: ['unmute', 'stummschaltung aufheben', 'réactiver', 'rétablir le son', 'activar sonido', 'reactivar'],
  unmuted: ['mute', 'stummschalten', 'couper', 'désactiver le son', 'silenciar'],
};

/** "Turn on/off microphone" labels (Meet's wording, also Whereby's). */
const TURN_MICROPHONE: MicSignal = {
  kind: 'label',
  muted: ['turn on microphone', 'mikrofon aktivieren', 'mikrofon einschalten', 'activer le micro', 'activar micrófono', 'activar el micrófono'],
  unmuted: ['turn off microphone', 'mikrofon deaktivieren', 'mikrofon ausschalten', 'désactiver le micro', 'desactivar micrófono', 'desactivar el micrófono'],
};

/** Buttons and headings: where the words of lobbies and end screens live. */
const BUTTONS_AND_HEADINGS = 'button, [role="button"], h1, h2, h3, [role="heading"]';

export const MEETING_SELECTORS: Readonly<Record<PlatformId, PlatformSelectors>> = {
  meet: {
    left: {
      css: [],
      text: {
        // The end screen's heading and its two buttons; Meet wraps button words in a span.
        in: `${BUTTONS_AND_HEADINGS}, button span`,
        says: [
          'You left the meeting', 'Return to home screen', 'Rejoin',
          'Sie haben die Besprechung verlassen', 'Sie haben das Meeting verlassen', 'Zurück zum Startbildschirm', 'Erneut teilnehmen',
          'Vous avez quitté la réunion', "Revenir à l'écran d'accueil", 'Revenir à la réunion',
          'Has salido de la reunión', 'Volver a la pantalla de inicio', 'Volver a unirse',
        ],
      },
    },
    inCall: {
      css: [
        'button[jsname="CQylAd"]', // "Leave call" (jsname is obfuscated but has been stable for years)
        'button[aria-label^="Leave call" i]',
        'button[aria-label^="Anruf verlassen" i]',
        'button[aria-label^="Quitter l\'appel" i]',
        'button[aria-label^="Salir de la llamada" i]',
      ],
    },
    preJoin: {
      css: [
        'button[jsname="Qx7uuf"]', // "Join now" / "Ask to join"
      ],
      text: {
        in: 'button, button span',
        says: [
          'Join now', 'Ask to join',
          'Jetzt teilnehmen', 'Teilnahme anfordern',
          'Participer', 'Demander à participer',
          'Unirse ahora', 'Solicitar unirse',
        ],
      },
    },
    mic: {
      css: [
        // The camera toggle has data-is-muted too; the mic's label ends in its shortcut "(ctrl + d)" / "(⌘ + d)" / "(Strg + D)" in every language.
        '[data-is-muted][aria-label$="+ d)" i]',
        '[data-is-muted][aria-label*="microphone" i]',
        '[data-is-muted][aria-label*="mikrofon" i]',
        '[data-is-muted][aria-label*="micro" i]',
      ],
      signals: [{ kind: 'attr', name: 'data-is-muted', muted: ['true'], unmuted: ['false'] }, TURN_MICROPHONE],
    },
    controls: ['[role="region"][aria-label="Call controls" i]', '[role="toolbar"][aria-label="Call controls" i]'],
  },

  zoom: {
    // app.zoom.us/wc/<id>/join hosts the client in a same-origin iframe.
    frames: ['iframe#webclient', 'iframe[name="webclient"]'],
    left: {
      css: [],
      text: {
        in: `${BUTTONS_AND_HEADINGS}, .zm-modal-body-title`,
        says: [
          'You have left the meeting', 'This meeting has been ended by host', 'The meeting has been ended',
          'Sie haben das Meeting verlassen', 'Dieses Meeting wurde vom Host beendet',
          'Vous avez quitté la réunion', 'Cette réunion a été terminée par l\'animateur',
          'Ha salido de la reunión', 'El anfitrión ha finalizado esta reunión',
        ],
      },
    },
    inCall: {
      css: ['#foot-bar .footer__leave-btn', '#wc-footer .footer__leave-btn', '.footer__leave-btn-container button', '#foot-bar', '#wc-footer'],
    },
    preJoin: {
      css: ['#input-for-name', '.preview-join-button', '#preview-audio-control-button'],
    },
    mic: {
      // Only the footer's own audio button (or the preview's): "Mute All" and each participant's
      // "Mute"/"Unmute" sit in the participants panel, outside the footer, so never match.
      css: [
        '#foot-bar .join-audio-container__btn',
        '#wc-footer .join-audio-container__btn',
        '#foot-bar button[aria-label$="my microphone" i]',
        '#wc-footer button[aria-label$="my microphone" i]',
        '#preview-audio-control-button',
      ],
      signals: [
        {
          kind: 'label',
          muted: ['unmute my microphone', 'stummschaltung meines mikrofons aufheben', 'réactiver mon micro', 'reactivar mi micrófono'],
          unmuted: ['mute my microphone', 'mein mikrofon stummschalten', 'couper mon micro', 'silenciar mi micrófono'],
        },
        UNMUTE_OR_MUTE,
      ],
    },
    controls: ['#foot-bar', '#wc-footer', '.footer__inner'],
  },

  teams: {
    left: {
      css: [],
      text: {
        in: BUTTONS_AND_HEADINGS,
        says: [
          'You left the meeting', "You've left the meeting", 'You have left the meeting', 'Rejoin',
          'Sie haben die Besprechung verlassen', 'Erneut teilnehmen',
          'Vous avez quitté la réunion', 'Rejoindre à nouveau',
          'Has salido de la reunión', 'Volver a unirse',
        ],
      },
    },
    inCall: {
      css: ['#hangup-button', '[data-tid="hangup-main-btn"]', '[data-tid="call-hangup"]'],
    },
    preJoin: {
      css: ['[data-tid="prejoin-join-button"]', '#prejoin-join-button', '[data-tid="prejoin-display-name-input"]'],
      text: {
        in: 'button',
        says: ['Join now', 'Jetzt teilnehmen', 'Rejoindre maintenant', 'Unirse ahora'],
      },
    },
    mic: {
      css: ['#microphone-button', '[data-tid="microphone-button"]', '[data-tid="toggle-mute"]'],
      signals: [
        // In a call: data-state="mic" / "mic-off". In the lobby: a switch input that is checked while the mic is on.
        { kind: 'attr', name: 'data-state', muted: ['mic-off'], unmuted: ['mic'] },
        { kind: 'checked', means: 'unmuted' },
        { kind: 'attr', name: 'aria-checked', muted: ['false'], unmuted: ['true'] },
        UNMUTE_OR_MUTE,
      ],
    },
    controls: ['[data-tid="calling-unified-bar"]', '#calling-unified-bar'],
  },

  webex: {
    // The web app has loaded the meeting into an iframe in some versions.
    frames: ['iframe[name="thinIframe"]', 'iframe#unified-webclient-iframe'],
    left: {
      css: ['[data-test-id="meeting-ended"]'],
      text: {
        in: BUTTONS_AND_HEADINGS,
        says: [
          "You've left the meeting", 'You left the meeting', 'The meeting has ended',
          'Sie haben das Meeting verlassen', 'Das Meeting wurde beendet',
          'Vous avez quitté la réunion', 'La réunion est terminée',
          'Ha salido de la reunión', 'La reunión ha finalizado',
        ],
      },
    },
    inCall: {
      css: [
        '[data-test-id="leave-meeting-button"]',
        '[data-test="leave-meeting-button"]',
        'button[aria-label^="Leave meeting" i]',
        'button[aria-label^="Meeting verlassen" i]',
        'button[aria-label^="Quitter la réunion" i]',
        'button[aria-label^="Salir de la reunión" i]',
      ],
    },
    preJoin: {
      css: ['[data-test-id="join-button"]', '[data-test="join-button"]'],
      text: {
        in: 'button',
        says: ['Join meeting', 'Meeting beitreten', 'Rejoindre la réunion', 'Entrar a la reunión', 'Unirse a la reunión'],
      },
    },
    mic: {
      css: ['[data-test-id="microphone-button"]', '[data-test="microphone-button"]', '[data-test-id="mute-audio-button"]'],
      signals: [UNMUTE_OR_MUTE],
    },
    controls: ['[data-test-id="controls-bar"]', '[data-test="controls-bar"]'],
  },

  jitsi: {
    left: {
      css: [],
      text: {
        in: BUTTONS_AND_HEADINGS,
        says: [
          'You have left the meeting', 'Rejoin', 'Rejoin now',
          'Sie haben die Konferenz verlassen', 'Erneut beitreten',
          'Vous avez quitté la réunion', 'Rejoindre à nouveau',
          'Has salido de la reunión', 'Volver a unirse',
        ],
      },
    },
    inCall: {
      css: ['#new-toolbox .hangup-button', '.hangup-button', '#new-toolbox'],
    },
    preJoin: {
      css: ['[data-testid="prejoin.joinMeeting"]', '#premeeting-name-input', '.prejoin-input-area', '#lobby-screen'],
    },
    mic: {
      // The toolbox's audio button sits in .audio-preview (with its device menu) both in the lobby and in the call.
      css: ['.audio-preview .toolbox-button[aria-pressed]', '#new-toolbox .toolbox-button[aria-pressed][aria-label*="microphone" i]'],
      signals: [
        PRESSED_MEANS_MUTED,
        {
          kind: 'label',
          muted: ['unmute', 'mikrofon einschalten', 'stummschaltung aufheben', 'activer le micro', 'activar micrófono'],
          unmuted: ['mute', 'mikrofon ausschalten', 'stummschalten', 'couper le micro', 'silenciar'],
        },
      ],
    },
    controls: ['#new-toolbox .toolbox-content', '#new-toolbox'],
  },

  whereby: {
    left: {
      css: [],
      text: {
        in: BUTTONS_AND_HEADINGS,
        says: [
          'You left the room', 'You have left the room', 'You left the meeting', 'Rejoin', 'Rejoin room',
          'Sie haben den Raum verlassen', 'Erneut beitreten',
          'Vous avez quitté la salle', 'Rejoindre à nouveau',
          'Has salido de la sala', 'Volver a unirse',
        ],
      },
    },
    inCall: {
      css: ['[data-testid="leaveButton"]', '[data-test-id="leave-button"]', 'button[aria-label="Leave" i]', 'button[aria-label="Verlassen" i]', 'button[aria-label="Quitter" i]', 'button[aria-label="Salir" i]'],
    },
    preJoin: {
      css: ['[data-testid="joinRoomButton"]', '[data-test-id="join-button"]'],
      text: {
        in: 'button',
        says: ['Join meeting', 'Join room', 'Ask to join', 'Knock', 'Beitreten', 'Anklopfen', 'Rejoindre', 'Frapper', 'Unirse', 'Llamar'],
      },
    },
    mic: {
      css: ['[data-testid="toggleMicrophoneButton"]', '[data-test-id="toggle-microphone"]', 'button[aria-pressed][aria-label*="microphone" i]'],
      signals: [TURN_MICROPHONE, UNMUTE_OR_MUTE],
    },
    controls: ['[data-testid="controlBar"]', '[data-test-id="control-bar"]', '[role="toolbar"]'],
  },
};
