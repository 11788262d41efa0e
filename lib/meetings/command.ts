/** The keyboard command that opens the pause card on a meeting page (Alt+Shift+P unless the user changes it). */
export const PAUSE_COMMAND = 'pause-before-agreeing';
