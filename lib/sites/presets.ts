/**
 * Ready-made sites people commonly want a pause before, so nobody has to
 * work out which domains a service spans.
 */

/** A named group of sites that can be switched on with one toggle. */
export interface Preset {
  /** Stable identifier; stored in settings, so never rename one. */
  id: string;
  /** Name shown in the options page. */
  label: string;
  /** Inputs for parseSite. Several when a service answers on more than one domain (X kept twitter.com). */
  sites: string[];
  /** Only endless feeds for now; the field leaves room for other kinds. */
  kind: 'feed';
}

/** The feed presets, in the order the options page lists them. */
export const FEED_PRESETS: readonly Preset[] = Object.freeze([
  { id: 'x', label: 'X', sites: ['x.com', 'twitter.com'], kind: 'feed' },
  { id: 'reddit', label: 'Reddit', sites: ['reddit.com'], kind: 'feed' },
  { id: 'youtube', label: 'YouTube', sites: ['youtube.com'], kind: 'feed' },
  { id: 'youtube-shorts', label: 'YouTube Shorts', sites: ['youtube.com/shorts'], kind: 'feed' },
  { id: 'instagram', label: 'Instagram', sites: ['instagram.com'], kind: 'feed' },
  { id: 'facebook', label: 'Facebook', sites: ['facebook.com'], kind: 'feed' },
  { id: 'tiktok', label: 'TikTok', sites: ['tiktok.com'], kind: 'feed' },
  { id: 'linkedin-feed', label: 'LinkedIn feed', sites: ['linkedin.com/feed'], kind: 'feed' },
  { id: 'threads', label: 'Threads', sites: ['threads.net', 'threads.com'], kind: 'feed' },
  { id: 'bluesky', label: 'Bluesky', sites: ['bsky.app'], kind: 'feed' },
]);
