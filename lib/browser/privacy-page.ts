/**
 * The privacy policy page for the language the extension speaks (a BCP 47
 * tag, as `uiLanguage()` gives it): the German policy for German, the
 * English one for every other language.
 */
export function privacyPage(language: string): string {
  return /^de(-|$)/i.test(language) ? '/privacy.de.html' : '/privacy.html';
}
