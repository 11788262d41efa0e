import { describe, expect, it } from 'vitest';
import { problemText } from '@/lib/browser/record-problem';
import {
  editedReflection,
  newReflection,
  REFLECTION_MAX,
  REFLECTION_VERSION,
  reflectionProblem,
  TAGS_MAX,
  tagsInText,
  textWithTags,
  type Reflection,
} from '@/lib/journal/reflection';

const ID = '0lq2x8h00-abcdefgh';
const NOW = 1_700_000_000_000;

function valid(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    v: REFLECTION_VERSION,
    id: ID,
    createdAt: NOW,
    updatedAt: NOW,
    text: 'I said yes too fast. #boundary',
    tags: ['boundary'],
    source: { kind: 'popup' },
    ...overrides,
  };
}

describe('textWithTags', () => {
  it.each([
    'I kept my #boundary today. #MyChoice',
    '#first at the start, (#second) inside, and #third.',
    'C# and a#b and x.com/#top are no tags; #Calm and #CALM both are',
    '#境界 #Ärger',
    '',
  ])('gives back %j unchanged when joined, each of its tags a piece of its own', (text) => {
    const tags = tagsInText(text);
    const pieces = textWithTags(text, tags);
    expect(pieces.map((p) => p.text).join('')).toBe(text);
    const tagPieces = pieces.filter((p) => p.tag !== undefined);
    expect(tagPieces.every((p) => p.text.startsWith('#') && p.text.slice(1).toLowerCase() === p.tag)).toBe(true);
    expect(new Set(tagPieces.map((p) => p.tag))).toEqual(new Set(tags));
    expect(pieces.every((p) => p.text !== '')).toBe(true);
  });

  it('marks every place a tag is written, as written, with its stored form', () => {
    expect(textWithTags('Said #No, meant #no. C# stays text.', ['no'])).toEqual([
      { text: 'Said ' },
      { text: '#No', tag: 'no' },
      { text: ', meant ' },
      { text: '#no', tag: 'no' },
      { text: '. C# stays text.' },
    ]);
  });

  it('leaves as text a #word that is not among the reflection’s tags (past the most kept)', () => {
    expect(textWithTags('#kept and #dropped', ['kept'])).toEqual([{ text: '#kept', tag: 'kept' }, { text: ' and #dropped' }]);
  });
});

describe('tagsInText', () => {
  it.each([
    ['#boundary', ['boundary']],
    ['#MyChoice', ['mychoice']],
    ['I kept my #boundary today. #MyChoice', ['boundary', 'mychoice']],
    ['at the start #first, in the middle (#second) and the end: #third.', ['first', 'second', 'third']],
    ['#with-dash and #with_underscore', ['with-dash', 'with_underscore']],
    ['#grenzen und #límites', ['grenzen', 'límites']],
    ['#Ärger #ÉTÉ', ['ärger', 'été']],
    ['#границы', ['границы']],
    ['#境界', ['境界']],
  ])('finds the tags in %j', (text, tags) => {
    expect(tagsInText(text)).toEqual(tags);
  });

  it.each([
    ['a#b', 'a # inside a word'],
    ['C# and F#', 'a programming language'],
    ['https://example.com/page#top', 'a URL fragment'],
    ['&#39; and &#x27;', 'an HTML entity'],
    ['# heading', 'a lone #'],
    ['', 'nothing'],
  ])('finds no tag in %j (%s)', (text) => {
    expect(tagsInText(text)).toEqual([]);
  });

  it('keeps each tag once, in order of first use, whatever its case', () => {
    expect(tagsInText('#Calm then #tense then #CALM again')).toEqual(['calm', 'tense']);
  });

  it(`keeps at most ${TAGS_MAX} tags`, () => {
    const text = Array.from({ length: TAGS_MAX + 5 }, (_, i) => `#t${i}`).join(' ');
    expect(tagsInText(text)).toEqual(Array.from({ length: TAGS_MAX }, (_, i) => `t${i}`));
  });

  it('gives only tags that reflectionProblem accepts, for ordinary text', () => {
    const tags = tagsInText('#boundary #MyChoice #límites #grenzen #a-b_c #2025');
    expect(reflectionProblem(valid({ tags }))).toBeUndefined();
  });

  // Tags as a person would expect them in URLs and in scripts with combining marks.
  it('finds no tag in a scheme-less URL fragment like "x.com/#top"', () => {
    expect(tagsInText('see x.com/#top')).toEqual([]);
  });

  it('keeps combining marks: a decomposed "#límites" is not cut to "li"', () => {
    expect(tagsInText('#li\u0301mites')).toEqual(['li\u0301mites'.normalize('NFC')]);
  });

  it('keeps combining marks: a Hindi tag "#सीमा" is not cut to its first letter', () => {
    expect(tagsInText('#सीमा')).toEqual(['सीमा']);
  });

  it('gives a valid reflection for a Turkish tag "#İzmir" (lowercases to i + U+0307)', () => {
    expect(reflectionProblem(newReflection(ID, NOW, 'Trip to #İzmir', { kind: 'popup' }))).toBeUndefined();
  });
});

describe('reflectionProblem', () => {
  it('accepts a valid reflection, with or without the optional fields', () => {
    expect(reflectionProblem(valid())).toBeUndefined();
    expect(reflectionProblem(valid({ mood: 'calm', prompt: 'What do I want here — really?' }))).toBeUndefined();
    expect(reflectionProblem(valid({ text: '', tags: [] }))).toBeUndefined();
    expect(reflectionProblem(valid({ source: { kind: 'site-pause', siteId: 'reddit', siteLabel: 'Reddit', pauseId: ID } }))).toBeUndefined();
    expect(reflectionProblem(valid({ source: { kind: 'meeting', platform: 'meet', moment: 'before' } }))).toBeUndefined();
    expect(reflectionProblem(valid({ source: { kind: 'check-in', siteId: 'reddit', siteLabel: 'Reddit', openedAt: 1_700_000_000_000 } }))).toBeUndefined();
    expect(reflectionProblem(valid({ source: { kind: 'meeting', platform: 'zoom', moment: 'after', meetingId: 'abc' } }))).toBeUndefined();
  });

  it.each<[string, unknown, RegExp]>([
    ['null', null, /not an object/],
    ['a string', 'hello', /not an object/],
    ['an array', [valid()], /not an object/],
    ['no version', valid({ v: undefined }), /schema version/],
    ['a future version', valid({ v: 2 }), /schema version 2, expected 1/],
    ['no id', valid({ id: undefined }), /no valid id/],
    ['an id of the wrong shape', valid({ id: 'abc' }), /no valid id/],
    ['an uppercase id', valid({ id: ID.toUpperCase() }), /no valid id/],
    ['no createdAt', valid({ createdAt: undefined }), /createdAt/],
    ['a negative createdAt', valid({ createdAt: -1 }), /createdAt/],
    ['a NaN createdAt', valid({ createdAt: NaN }), /createdAt/],
    ['a createdAt string', valid({ createdAt: '2025-01-01' }), /createdAt/],
    ['an infinite updatedAt', valid({ updatedAt: Infinity }), /updatedAt/],
    ['a text that is not a string', valid({ text: 42 }), /no text/],
    ['a text too long', valid({ text: 'x'.repeat(REFLECTION_MAX + 1) }), /longer than 10000/],
    ['tags that are not an array', valid({ tags: 'boundary' }), /invalid tags/],
    ['a tag with a #', valid({ tags: ['#boundary'] }), /invalid tags/],
    ['a tag with a space', valid({ tags: ['my choice'] }), /invalid tags/],
    ['an empty tag', valid({ tags: [''] }), /invalid tags/],
    ['a tag too long', valid({ tags: ['x'.repeat(41)] }), /invalid tags/],
    ['too many tags', valid({ tags: Array.from({ length: TAGS_MAX + 1 }, (_, i) => `t${i}`) }), /invalid tags/],
    ['a tag that is not a string', valid({ tags: [1] }), /invalid tags/],
    ['an unknown mood', valid({ mood: 'angry' }), /unknown mood "angry"/],
    ['a prompt that is not a string', valid({ prompt: 3 }), /invalid prompt/],
    ['a prompt too long', valid({ prompt: 'x'.repeat(501) }), /invalid prompt/],
    ['no source', valid({ source: undefined }), /invalid source/],
    ['an unknown source kind', valid({ source: { kind: 'email' } }), /invalid source/],
    ['a site-pause source without a site', valid({ source: { kind: 'site-pause', siteLabel: 'Reddit', pauseId: ID } }), /invalid source/],
    ['a site-pause source with a huge label', valid({ source: { kind: 'site-pause', siteId: 'r', siteLabel: 'x'.repeat(301), pauseId: ID } }), /invalid source/],
    ['a check-in source without the time it belongs to', valid({ source: { kind: 'check-in', siteId: 'reddit', siteLabel: 'Reddit', openedAt: '1700000000000' } }), /invalid source/],
    ['a meeting source with an unknown moment', valid({ source: { kind: 'meeting', platform: 'meet', moment: 'later' } }), /invalid source/],
    ['a meeting source with a numeric meetingId', valid({ source: { kind: 'meeting', platform: 'meet', moment: 'during', meetingId: 7 } }), /invalid source/],
  ])('refuses %s', (_, value, problem) => {
    expect(problemText(reflectionProblem(value)!)).toMatch(problem);
  });

  it('says what is wrong as data, not as words', () => {
    expect(reflectionProblem(valid({ createdAt: -1 }))).toEqual({ code: 'noValid', field: 'createdAt', time: true });
    expect(reflectionProblem(valid({ text: 'x'.repeat(REFLECTION_MAX + 1) }))).toEqual({ code: 'tooLong', field: 'text', max: REFLECTION_MAX });
    expect(reflectionProblem(valid({ mood: 'angry' }))).toEqual({ code: 'unknown', field: 'mood', found: '"angry"' });
    expect(reflectionProblem(valid({ v: [1] }))).toEqual({ code: 'version', expected: [1], found: { kind: 'list' } });
  });
});

describe('newReflection', () => {
  it('makes a valid reflection with trimmed text and tags from the text', () => {
    const r = newReflection(ID, NOW, '  I said no, kindly. #Boundary #mychoice \n', { kind: 'popup' });
    expect(r).toEqual<Reflection>({
      v: REFLECTION_VERSION,
      id: ID,
      createdAt: NOW,
      updatedAt: NOW,
      text: 'I said no, kindly. #Boundary #mychoice',
      tags: ['boundary', 'mychoice'],
      source: { kind: 'popup' },
    });
    expect(reflectionProblem(r)).toBeUndefined();
  });

  it('keeps a prompt and a mood when given, and leaves them out when empty', () => {
    const r = newReflection(ID, NOW, 'yes', { kind: 'popup' }, { prompt: 'What do I want here — really?', mood: 'clear' });
    expect(r).toMatchObject({ prompt: 'What do I want here — really?', mood: 'clear' });
    const bare = newReflection(ID, NOW, 'yes', { kind: 'popup' }, { prompt: '' });
    expect('prompt' in bare).toBe(false);
    expect('mood' in bare).toBe(false);
  });

  it(`cuts text to ${REFLECTION_MAX} characters, so it stays valid`, () => {
    const r = newReflection(ID, NOW, 'x'.repeat(REFLECTION_MAX + 50), { kind: 'popup' });
    expect(r.text).toHaveLength(REFLECTION_MAX);
    expect(reflectionProblem(r)).toBeUndefined();
  });
});

describe('editedReflection', () => {
  const original = newReflection(ID, NOW, 'first try #calm', { kind: 'meeting', platform: 'meet', moment: 'after' }, { prompt: 'What did I leave unsaid, and why?', mood: 'calm' });

  it('replaces the text, lets the tags follow it, and keeps everything else', () => {
    const edited = editedReflection(original, ' second thoughts #Tense ', NOW + 60_000);
    expect(edited).toEqual({ ...original, text: 'second thoughts #Tense', tags: ['tense'], updatedAt: NOW + 60_000 });
    expect(reflectionProblem(edited)).toBeUndefined();
  });

  it('never moves updatedAt backwards (a clock set back)', () => {
    const later = editedReflection(original, 'a', NOW + 1000);
    expect(editedReflection(later, 'b', NOW - 5000).updatedAt).toBe(NOW + 1000);
  });

  it('does not change the reflection it was given', () => {
    const copy = structuredClone(original);
    editedReflection(original, 'other #x', NOW + 1);
    expect(original).toEqual(copy);
  });
});
