import { describe, expect, it } from 'vitest';
import { timeSortableId } from '@/lib/browser/ids';
import { newReflection, type Reflection, type ReflectionSource } from '@/lib/journal/reflection';
import { chooseWords, firstLine, isAboutSite, wordsIntro, WORDS_LINE_MAX } from '@/lib/pause/past-words';
import { siteTags } from '@/lib/pause/site-tags';
import type { TriggerSite } from '@/lib/settings/settings';

const T0 = Date.UTC(2026, 4, 3, 9);
const atPause = (pauseId: string, siteId = 'reddit'): ReflectionSource => ({ kind: 'site-pause', siteId, siteLabel: 'Reddit', pauseId });
let n = 0;
const written = (text: string, source: ReflectionSource = { kind: 'popup' }): Reflection => newReflection(timeSortableId(T0 + ++n * 1000), T0 + n * 1000, text, source);

const TAGS = ['reddit'];
const note = written('Only the one thread.', atPause('p-old'));
const tagged = written('The #reddit rabbit hole costs me my evenings.');
const otherSite = written('Watch one video.', atPause('p-yt', 'youtube'));
const untagged = written('A quiet note about nothing.');

describe('which of the user’s own words a pause shows', () => {
  it('speaks of the site: a note from a pause on it, or a reflection with its #tag', () => {
    expect(isAboutSite(note, 'reddit', TAGS)).toBe(true);
    expect(isAboutSite(tagged, 'reddit', TAGS)).toBe(true);
    expect(isAboutSite(otherSite, 'reddit', TAGS)).toBe(false);
    expect(isAboutSite(untagged, 'reddit', TAGS)).toBe(false);
  });

  it('shows at most one, and nothing when nothing speaks of the site', () => {
    expect(chooseWords([otherSite, untagged], 'reddit', TAGS, 'p1')).toBeUndefined();
    expect([note.id, tagged.id]).toContain(chooseWords([note, tagged, otherSite, untagged], 'reddit', TAGS, 'p1')?.id);
  });

  it('never shows the same line twice in a row', () => {
    for (const pauseId of ['p1', 'p2', 'p3', 'p4', 'p5', 'p6']) {
      const last = { id: note.id, pauseId: 'before' };
      expect(chooseWords([note, tagged], 'reddit', TAGS, pauseId, last)?.id).toBe(tagged.id);
    }
    // With one line only, the pause after it shows none.
    expect(chooseWords([note], 'reddit', TAGS, 'p7', { id: note.id, pauseId: 'p6' })).toBeUndefined();
  });

  it('shows the same line again when the same pause shows again (its page reloaded)', () => {
    expect(chooseWords([note, tagged], 'reddit', TAGS, 'p1', { id: note.id, pauseId: 'p1' })?.id).toBe(note.id);
  });

  it('leaves out a note written at this very pause, and takes each line once however often it is given', () => {
    const now = written('Just now.', atPause('p-now'));
    expect(chooseWords([now, now], 'reddit', TAGS, 'p-now')).toBeUndefined();
    expect(chooseWords([note, note, note], 'reddit', TAGS, 'p9')?.id).toBe(note.id);
  });

  it('lets the lines take turns across pauses', () => {
    const picked = new Set(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'].map((p) => chooseWords([note, tagged], 'reddit', TAGS, `pause-${p}`)?.id));
    expect(picked).toEqual(new Set([note.id, tagged.id]));
  });

  it('shows one line, cut at a word', () => {
    expect(firstLine('First line\nsecond line')).toBe('First line');
    const long = 'word '.repeat(100);
    const line = firstLine(long);
    expect(line.length).toBeLessThanOrEqual(WORDS_LINE_MAX);
    expect(line).toMatch(/word…$/);
  });

  it('says when, in the browser’s language, with the year only when it is another', () => {
    expect(wordsIntro(T0, T0 + 86_400_000, 'en-GB')).toBe('You wrote on 3 May:');
    expect(wordsIntro(T0, T0 + 86_400_000, 'en-US')).toBe('You wrote on May 3:');
    expect(wordsIntro(T0, Date.UTC(2027, 0, 5), 'en-GB')).toBe('You wrote on 3 May 2026:');
  });
});

describe('the #tags that name a site', () => {
  const site = (label: string, patterns: string[]): TriggerSite => ({ id: 'x', label, patterns, enabled: true, waitSeconds: 5, windowMinutes: 15, kind: 'feed' });
  it('are its label and its hosts’ names, as tags are kept', () => {
    expect(siteTags(site('Reddit', ['reddit.com']))).toEqual(['reddit']);
    expect(siteTags(site('YouTube Shorts', ['youtube.com/shorts']))).toEqual(['youtubeshorts', 'youtube']);
    expect(siteTags(site('X', ['x.com', 'twitter.com']))).toEqual(['x', 'twitter']);
    expect(siteTags(site('news.bbc.co.uk', ['news.bbc.co.uk']))).toEqual(['bbc']);
    expect(siteTags(site('127.0.0.1', ['127.0.0.1']))).toEqual([]);
    expect(siteTags(site('localhost', ['localhost']))).toEqual(['localhost']);
  });
});
