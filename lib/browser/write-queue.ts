/**
 * Runs async tasks one at a time, in the order they were given: each starts
 * only once the one before has settled. Every read-change-write of a stored
 * value goes through one, so two quick changes in one page (or two messages
 * to the background) never read the same old value and overwrite each other.
 */
export type WriteQueue = <T>(task: () => T | PromiseLike<T>) => Promise<T>;

/**
 * A new, empty queue. A task's result (or failure) goes to its own caller
 * only: a task that fails does not stop the ones after it. A task must not
 * wait for a task it queues itself, since that one starts only after it.
 *
 * The queue orders tasks within one context (a page, the background); it is
 * not a lock between contexts.
 */
export function createWriteQueue(): WriteQueue {
  let last: Promise<unknown> = Promise.resolve();
  return <T>(task: () => T | PromiseLike<T>): Promise<T> => {
    const run = last.then(task, task);
    last = run.catch(() => undefined);
    return run;
  };
}
