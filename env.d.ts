interface ImportMetaEnv {
  /** True in a test build (`PAUSE_MOMENT_TEST=1`, see wxt.config.ts); false or absent otherwise. */
  readonly PAUSE_MOMENT_TEST?: boolean;
}

/**
 * The question and the pause frame's title in each language of locales/, by
 * language (scripts/painted-words.ts, put in by wxt.config.ts and
 * vitest.config.ts). Not under import.meta.env: Vitest makes its values strings.
 */
declare const __PAUSE_WORDS__: Record<string, { question: string; frameTitle: string }>;
