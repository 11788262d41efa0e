import { describe, expect, it } from 'vitest';
import { normaliseSettings } from '@/lib/settings/settings';
import { QUESTIONS, questionsFromLines } from '@/lib/settings/site-options';

const site = (over: Record<string, unknown> = {}): Record<string, unknown> => ({
  id: 'site:x.com',
  label: 'x.com',
  patterns: ['x.com'],
  enabled: true,
  waitSeconds: 5,
  windowMinutes: 15,
  kind: 'feed',
  ...over,
});
const read = (over: Record<string, unknown>) => normaliseSettings({ sites: [site(over)] }).sites[0]!;

describe('a site’s own options, as read from storage', () => {
  it('reads a site stored before these options existed unchanged: every option at its default', () => {
    const s = read({});
    expect(s).not.toHaveProperty('exceptions');
    expect(s).not.toHaveProperty('intention');
    expect(s).not.toHaveProperty('questions');
  });

  it('keeps well-formed options', () => {
    expect(read({ exceptions: ['x.com/messages'], intention: 'required', questions: ['Why now?', 'What for?'] })).toMatchObject({
      exceptions: ['x.com/messages'],
      intention: 'required',
      questions: ['Why now?', 'What for?'],
    });
    expect(read({ intention: 'off' }).intention).toBe('off');
  });

  it('drops exceptions that are not text, empty, spaced or repeated, and keeps at most 20', () => {
    expect(read({ exceptions: [42, null, '', '  ', 'x.com/a b', ' x.com/messages ', 'x.com/messages', { p: 1 }, 'x.com/i'] }).exceptions).toEqual([
      'x.com/messages',
      'x.com/i',
    ]);
    expect(read({ exceptions: 'x.com/messages' })).not.toHaveProperty('exceptions');
    expect(read({ exceptions: [] })).not.toHaveProperty('exceptions');
    expect(read({ exceptions: Array.from({ length: 30 }, (_, i) => `x.com/p${i}`) }).exceptions).toHaveLength(20);
  });

  it.each([['optional'], ['REQUIRED'], [true], [1], [null], [{}]])('reads intention %j as the default, optional', (intention) => {
    expect(read({ intention })).not.toHaveProperty('intention');
  });

  it('trims questions to one line each, cuts long ones, drops empty and repeated ones, and keeps at most five', () => {
    const long = `Why ${'really '.repeat(30)}?`;
    const s = read({ questions: ['  Is this\n what I want?  ', '', 7, 'Is this what I want?', long, 'a', 'b', 'c', 'd', 'e'] });
    expect(s.questions).toHaveLength(QUESTIONS.max);
    expect(s.questions![0]).toBe('Is this what I want?');
    expect(s.questions![1]).toHaveLength(QUESTIONS.length);
    expect(long.startsWith(s.questions![1]!)).toBe(true);
    expect(s.questions!.slice(2)).toEqual(['a', 'b', 'c']);
    expect(read({ questions: ['  ', ''] })).not.toHaveProperty('questions');
    expect(read({ questions: 'Why?' })).not.toHaveProperty('questions');
  });
});

describe('questionsFromLines', () => {
  it('reads one question per line, as the options page keeps them', () => {
    expect(questionsFromLines('Why now?\n\n  What for?  \r\nWhy now?\n')).toEqual(['Why now?', 'What for?']);
    expect(questionsFromLines('   \n')).toEqual([]);
  });
});
