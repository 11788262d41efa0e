interface ImportMetaEnv {
  /** True in a test build (`PAUSE_MOMENT_TEST=1`, see wxt.config.ts); false or absent otherwise. */
  readonly PAUSE_MOMENT_TEST?: boolean;
}
