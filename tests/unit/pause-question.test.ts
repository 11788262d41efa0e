import { describe, expect, it } from 'vitest';
import { timeSortableId } from '@/lib/browser/ids';
import { questionFor } from '@/lib/pause/question';

const T = Date.UTC(2026, 11, 2, 10, 0);

describe('questionFor: the question a pause asks', () => {
  it('asks the default question when the site has none of its own', () => {
    expect(questionFor(undefined, 'p1')).toBe('Is this really my choice?');
    expect(questionFor({}, 'p1')).toBe('Is this really my choice?');
    expect(questionFor({ questions: [] }, 'p1')).toBe('Is this really my choice?');
  });

  it('asks the user’s one question every time', () => {
    for (const id of ['a', 'b', '', timeSortableId(T)]) expect(questionFor({ questions: ['What am I looking for?'] }, id)).toBe('What am I looking for?');
  });

  it('asks the same question again for the same pause, so a reload does not change it', () => {
    const site = { questions: ['One?', 'Two?', 'Three?'] };
    const id = timeSortableId(T);
    expect(questionFor(site, id)).toBe(questionFor(site, id));
  });

  it('takes turns among several questions across pauses, each of them coming up', () => {
    const questions = ['One?', 'Two?', 'Three?'];
    const asked = Array.from({ length: 60 }, (_, i) => questionFor({ questions }, timeSortableId(T + i * 1000)));
    for (const q of questions) expect(asked.filter((a) => a === q).length).toBeGreaterThan(5);
  });
});
