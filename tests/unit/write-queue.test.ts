import { describe, expect, it } from 'vitest';
import { createWriteQueue } from '@/lib/browser/write-queue';

/** A promise with its resolve and reject in hand. */
function deferred<T = void>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** Lets every queued microtask and timer run. */
const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

type Outcome = 'resolves' | 'rejects' | 'throws';

/** A task that records its start and end in `log`, then ends as `outcome` says. */
function task(name: string, outcome: Outcome, log: string[]): () => Promise<string> | string {
  return () => {
    log.push(`start ${name}`);
    if (outcome === 'throws') {
      log.push(`end ${name}`);
      throw new Error(name);
    }
    return (async () => {
      await settle();
      log.push(`end ${name}`);
      if (outcome === 'rejects') throw new Error(name);
      return name;
    })();
  };
}

describe('createWriteQueue', () => {
  it.each<[string, Outcome[]]>([
    ['tasks that all succeed', ['resolves', 'resolves', 'resolves']],
    ['a failing task in the middle', ['resolves', 'rejects', 'resolves']],
    ['a first task that fails', ['rejects', 'resolves', 'resolves']],
    ['a task that throws before returning a promise', ['resolves', 'throws', 'resolves']],
    ['every task failing', ['rejects', 'throws', 'rejects']],
  ])('runs %s one at a time, in order, each answering its own caller', async (_name, outcomes) => {
    const queue = createWriteQueue();
    const log: string[] = [];
    const results = await Promise.allSettled(outcomes.map((outcome, i) => queue(task(String(i), outcome, log))));
    expect(log).toEqual(outcomes.flatMap((_, i) => [`start ${i}`, `end ${i}`]));
    expect(results).toEqual(
      outcomes.map((outcome, i) => (outcome === 'resolves' ? { status: 'fulfilled', value: String(i) } : { status: 'rejected', reason: new Error(String(i)) })),
    );
  });

  it.each<[string, () => unknown, unknown]>([
    ['a plain value', () => 42, 42],
    ['a promise', () => Promise.resolve('done'), 'done'],
    ['undefined', () => undefined, undefined],
  ])('resolves with the task’s result when it returns %s', async (_name, run, expected) => {
    await expect(createWriteQueue()(run)).resolves.toBe(expected);
  });

  it('starts a task only after the one before has settled', async () => {
    const queue = createWriteQueue();
    const first = deferred<string>();
    let secondStarted = false;
    const a = queue(() => first.promise);
    const b = queue(() => {
      secondStarted = true;
      return 'b';
    });
    await settle();
    expect(secondStarted).toBe(false);
    first.resolve('a');
    await expect(a).resolves.toBe('a');
    await expect(b).resolves.toBe('b');
    expect(secondStarted).toBe(true);
  });

  it('never runs two tasks at once, even when they are queued while others run', async () => {
    const queue = createWriteQueue();
    let running = 0;
    let most = 0;
    const order: number[] = [];
    const run = (n: number) => async (): Promise<void> => {
      running++;
      most = Math.max(most, running);
      await settle();
      order.push(n);
      if (n < 3) void queue(run(n + 10));
      running--;
    };
    await Promise.all([1, 2, 3].map((n) => queue(run(n))));
    await settle();
    await queue(() => undefined);
    expect(most).toBe(1);
    expect(order).toEqual([1, 2, 3, 11, 12]);
  });

  it('keeps each queue to itself: a busy queue does not hold up another', async () => {
    const busy = createWriteQueue();
    const other = createWriteQueue();
    const never = deferred();
    void busy(() => never.promise);
    await expect(other(() => 'free')).resolves.toBe('free');
    never.resolve();
  });

  it('gives a read-change-write its turn, so two quick changes both land', async () => {
    const queue = createWriteQueue();
    let stored = 0;
    const add = (n: number): Promise<number> =>
      queue(async () => {
        const read = stored;
        await settle();
        stored = read + n;
        return stored;
      });
    await expect(Promise.all([add(1), add(2), add(3)])).resolves.toEqual([1, 3, 6]);
    expect(stored).toBe(6);
  });
});
