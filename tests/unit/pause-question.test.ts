import { describe, expect, it } from 'vitest';
import { timeSortableId } from '@/lib/browser/ids';
import { paintedQuestion, questionFor } from '@/lib/pause/question';

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

describe('paintedQuestion: the words the cover paints before the pause page loads', () => {
  it('is the question the pause page asks, for the same pause', () => {
    const site = { questions: ['One?', 'Two?', 'Three?'] };
    for (let i = 0; i < 10; i++) {
      const id = timeSortableId(T + i * 1000);
      expect(paintedQuestion(site, id)).toBe(questionFor(site, id));
    }
    expect(paintedQuestion(undefined, 'p1')).toBe('Is this really my choice?');
  });

  it('is nothing when the pause asks about what the user came for: their words stay out of the page', () => {
    expect(paintedQuestion({ questions: ['One?'] }, 'p1', 'reply to Sam')).toBe('');
    expect(paintedQuestion({ questions: ['One?'] }, 'p1', '')).toBe('One?');
  });
});
