import type { PauseDecision } from './decision';

/**
 * The guard's decisions, passed to the page's other feed script (the check-in
 * while scrolling, which loads once the page is idle so the guard stays small).
 * Both run in the extension's isolated world of the page, which the page's own
 * scripts cannot reach; the bus lives on that world's global object.
 */
interface DecisionBus {
  latest?: PauseDecision;
  listeners: Set<(decision: PauseDecision) => void>;
}

const BUS = Symbol.for('pause-moment.decisions');

function bus(): DecisionBus {
  const world = globalThis as { [BUS]?: DecisionBus };
  return (world[BUS] ??= { listeners: new Set() });
}

/** Tells every listener in this world the guard's latest decision. */
export function publishDecision(decision: PauseDecision): void {
  const b = bus();
  b.latest = decision;
  for (const listener of b.listeners) listener(decision);
}

/** Calls `listener` with the latest decision made so far, if any, then with each new one until `signal` aborts. */
export function onDecisions(listener: (decision: PauseDecision) => void, signal: AbortSignal): void {
  const b = bus();
  b.listeners.add(listener);
  signal.addEventListener('abort', () => b.listeners.delete(listener));
  if (b.latest) listener(b.latest);
}
