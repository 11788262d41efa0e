/**
 * Reflections for the journal bench: one deterministic generator, kept as
 * plain JavaScript source so the very same code runs in the extension page
 * (which seeds IndexedDB with it: MV3 pages cannot import our TypeScript) and
 * here in Node (which validates every record with the extension's own
 * `reflectionProblem` and works out what each search must show).
 *
 * Record `i` is the i-th newest: ids (and times) fall as `i` grows, so the
 * newest 1,000 of the 10,000-record journal are exactly the 1,000-record one.
 */
import { reflectionProblem, tagsInText, type Reflection } from '../../lib/journal/reflection.ts';
import { hasEveryWord, queryWords, reflectionWords } from '../../lib/journal/search-words.ts';
import { problemText } from '../../lib/browser/record-problem.ts';

/** A term found in very few records (i % 10007 === 500): a search for it walks the whole journal. */
export const RARE_TERM = 'lighthouse';
/** A term found in about a third of the records: a search for it fills a page quickly. */
export const COMMON_TERM = 'meeting';

/**
 * `(i, anchor) => Reflection`: the i-th newest reflection of a journal whose
 * newest entry was written just before `anchor` (epoch ms). About one entry
 * every 10 minutes going back, text of 80–300 characters, 0–3 #tags, 30 %
 * with a prompt, 40 % with a mood, 40 % written at a site pause.
 */
export const GENERATOR_SOURCE = String.raw`function pmReflection(i, anchor) {
  let s = Math.imul(i + 1, 0x9e3779b1) >>> 0;
  const rnd = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = (xs) => xs[Math.floor(rnd() * xs.length)];
  const B36 = '0123456789abcdefghijklmnopqrstuvwxyz';
  const id = (time) => {
    let r = '';
    for (let k = 0; k < 8; k++) r += B36[Math.floor(rnd() * 36)];
    return time.toString(36).padStart(9, '0') + '-' + r;
  };
  const FRAGMENTS = [
    'I opened the feed without deciding to.',
    'Twenty minutes went by and I could not say what I had read.',
    'The meeting ran long and I agreed to a deadline I do not believe in.',
    'I said yes to the offsite when I meant no.',
    'Closed the app after the pause and went for a walk instead.',
    'It felt like a choice only after I had already made it.',
    'Before the meeting I wrote down what I actually think.',
    'My thumb went to the icon before my head caught up.',
    'I noticed the urge and let it pass, which felt good.',
    'Everyone nodded in the meeting, so I nodded too.',
    'The comments made me angry and I kept scrolling anyway.',
    'I wanted rest, not more videos.',
    'Asked myself whose plan this was. Mostly my manager\'s.',
    'Stayed on for the full fifteen minutes and it was fine.',
    'Left right away. The kettle had boiled anyway.',
    'I am tired, and tired me reaches for the phone.',
    'After the meeting I sent a note with my real objection.',
    'The pause asked the question and I did not like the answer.',
    'Checked the news three times before lunch.',
    'Wrote a reply, deleted it, felt lighter.',
    'The team wanted my opinion and I gave theirs back to them.',
    'Scrolling is easier than starting the report.',
    'I chose to stay because I was looking for one recipe.',
    'Put the phone in the other room for the evening.',
    'Notifications pulled me back in twice during the call.',
    'This was really my choice today.',
    'I came for the weather and stayed for an argument.',
    'Said no to the extra meeting and nothing bad happened.',
    'Morning pages first, feeds later.',
    'Could not remember why I opened the tab.',
  ];
  const TAGS = ['boundary', 'mychoice', 'rest', 'focus', 'work', 'family', 'scroll', 'sleep', 'anxious', 'meetings', 'news', 'proud'];
  const PROMPTS = [
    'Is this really my choice?',
    'What did you come here for?',
    'What would you like to do instead?',
    'Whose opinion are you about to give?',
    'What do you need right now?',
  ];
  const MOODS = ['calm', 'clear', 'unsure', 'tense', 'tired'];
  const SITES = ['reddit.com', 'x.com', 'youtube.com', 'instagram.com', 'linkedin.com', 'news.ycombinator.com'];

  const createdAt = anchor - i * 600000 - Math.floor(rnd() * 300000);
  const updatedAt = rnd() < 0.05 ? createdAt + 60000 + Math.floor(rnd() * 86400000) : createdAt;
  const tags = [];
  const tagCount = rnd() < 0.45 ? 0 : 1 + Math.floor(rnd() * 3);
  while (tags.length < tagCount) {
    const t = pick(TAGS);
    if (!tags.includes(t)) tags.push(t);
  }
  const tagText = tags.map((t) => '#' + t).join(' ');
  const length = 92 + Math.floor(rnd() * 209);
  const room = length - (tagText ? tagText.length + 1 : 0);
  let body = i % 10007 === 500 ? 'At the lighthouse I remembered to breathe.' : '';
  while (body.length < room) body += (body ? ' ' : '') + pick(FRAGMENTS);
  if (body.length > room) {
    const cut = body.lastIndexOf(' ', room);
    body = (cut > 40 ? body.slice(0, cut) : body.slice(0, room)).replace(/[ ,]+$/, '');
  }
  const text = tagText ? body + ' ' + tagText : body;
  const r = { v: 1, id: id(createdAt), createdAt, updatedAt, text, tags };
  if (rnd() < 0.4) r.mood = pick(MOODS);
  if (rnd() < 0.3) r.prompt = pick(PROMPTS);
  if (rnd() < 0.4) {
    const site = pick(SITES);
    r.source = { kind: 'site-pause', siteId: 'site:' + site, siteLabel: site, pauseId: id(createdAt - 1000) };
  } else {
    r.source = { kind: 'popup' };
  }
  return r;
}`;

type Generator = (i: number, anchor: number) => Reflection;
const generator = new Function(`return (${GENERATOR_SOURCE});`)() as Generator;


/** The generated journal as Node sees it: for checks and expected results, never sent to the page. */
export class Journal {
  readonly records: Reflection[];
  private readonly words: Array<Set<string>>;

  constructor(
    readonly size: number,
    readonly anchor: number,
  ) {
    this.records = Array.from({ length: size }, (_, i) => generator(i, anchor));
    // The search's own notion of a reflection's words (lib/journal/search-words.ts).
    this.words = this.records.map(reflectionWords);
  }

  /**
   * Throws unless every record is a valid reflection by the extension's own
   * rules, its tags are exactly the #tags of its text, its text is 80–300
   * characters and the ids fall strictly (newest first) with the times they encode.
   */
  validate(): void {
    let previous = '';
    this.records.forEach((r, i) => {
      const problem = reflectionProblem(r);
      if (problem) throw new Error(`generated reflection ${i} ${problemText(problem)}: ${JSON.stringify(r)}`);
      if (JSON.stringify(tagsInText(r.text)) !== JSON.stringify(r.tags)) throw new Error(`generated reflection ${i}: tags ${r.tags} but text says ${tagsInText(r.text)}`);
      if (r.text.length < 80 || r.text.length > 300) throw new Error(`generated reflection ${i}: text of ${r.text.length} characters`);
      if (parseInt(r.id.slice(0, 9), 36) !== r.createdAt) throw new Error(`generated reflection ${i}: id ${r.id} does not encode ${r.createdAt}`);
      if (i > 0 && !(r.id < previous)) throw new Error(`generated reflection ${i}: id ${r.id} is not older than ${previous}`);
      previous = r.id;
    });
  }

  /** Ids of the newest `limit` records among the newest `n`. */
  newest(n: number, limit: number): string[] {
    return this.records.slice(0, Math.min(n, limit)).map((r) => r.id);
  }

  /** What the popup's search (every word, newest first, first `limit`) shows for `query` in the newest `n` records, and how many records a newest-first scan reads to get there. */
  search(n: number, query: string, limit: number): { ids: string[]; matches: number; walked: number } {
    const wanted = queryWords(query);
    const ids: string[] = [];
    let matches = 0;
    let walked = n;
    for (let i = 0; i < n; i++) {
      if (!hasEveryWord(this.words[i]!, wanted)) continue;
      matches++;
      if (ids.length < limit) ids.push(this.records[i]!.id);
      if (ids.length === limit && walked === n) walked = i + 1;
    }
    return { ids, matches, walked };
  }
}

/**
 * In-page source of `(name, store, n, make, batch) => Promise<void>`: a
 * database as its first version kept it (idb-keyval's createStore: version 1,
 * one store, keys out of line), deleted and made again holding
 * make(0)..make(n-1), written `batch` records a transaction. The extension's
 * next open upgrades it. Its connections close themselves when asked, so a
 * deletion is blocked only for as long as a closing tab still holds one.
 */
export const SEED_OLDER_SOURCE = String.raw`async function seedOlder(name, store, n, make, batch) {
  await new Promise((resolve, reject) => {
    const del = indexedDB.deleteDatabase(name);
    const stuck = setTimeout(() => reject(new Error('deleting ' + name + ' stayed blocked by an open connection')), 15000);
    del.onsuccess = () => { clearTimeout(stuck); resolve(); };
    del.onerror = () => { clearTimeout(stuck); reject(del.error); };
  });
  const db = await new Promise((resolve, reject) => {
    const req = indexedDB.open(name, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(store);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
  try {
    for (let start = 0; start < n; start += batch) {
      const tx = db.transaction(store, 'readwrite', { durability: 'relaxed' });
      const s = tx.objectStore(store);
      for (let i = start; i < Math.min(n, start + batch); i++) {
        const r = make(i);
        s.put(r, r.id);
      }
      await new Promise((resolve, reject) => {
        tx.oncomplete = () => resolve();
        tx.onabort = tx.onerror = () => reject(tx.error);
      });
    }
  } finally { db.close(); }
}`;
