/**
 * CPU-bound work that the requests arriving in the same event-loop turn share: each request's
 * item waits until that turn's I/O is read (`setImmediate`), then the work runs for every item of
 * the turn back to back, and only then do the requests go on (each sends its answer).
 *
 * Why: under load, a turn reads several HTTP requests at once. Handled one by one, each request's
 * work (matching a question) runs between another request's parsing and socket write, which
 * evict its data from the CPU caches; handled together, the work runs back to back and the writes
 * follow. Alone, a request waits one turn (microseconds). `npm run bench`: see the README.
 */
import { AsyncResource } from 'node:async_hooks';

/** Most items one batch handles; the rest wait for the next turn, so no batch delays its last answer long. */
export const MAX_TURN_BATCH = 64;

interface Waiting<T, R> {
  readonly item: T;
  /** The request's async context (its log context): the work for the item runs in it. */
  readonly scope: AsyncResource;
  readonly resolve: (result: R) => void;
  readonly reject: (error: unknown) => void;
}

/**
 * Returns `run(item)`: a promise of `work(item)`, computed with the other items of the current
 * turn (at most {@link MAX_TURN_BATCH}, in arrival order) after the turn's I/O. Each item's work
 * runs in the async context of its own `run` call; a throw rejects that item's promise only. The
 * promises settle after the whole batch's work, so the requests' answers follow one another.
 */
export function turnBatches<T, R>(work: (item: T) => R): (item: T) => Promise<R> {
  const waiting: Array<Waiting<T, R>> = [];
  // Created with the route, outside any request: batches do not run in the first request's context.
  const batcher = new AsyncResource('laki.turnBatch');
  const schedule = () => setImmediate(() => batcher.runInAsyncScope(flush));
  const flush = () => {
    const batch = waiting.splice(0, MAX_TURN_BATCH);
    if (waiting.length > 0) schedule();
    const settle: Array<() => void> = [];
    for (const { item, scope, resolve, reject } of batch) {
      try {
        const result = scope.runInAsyncScope(work, null, item);
        settle.push(() => resolve(result));
      } catch (error) {
        settle.push(() => reject(error));
      }
      scope.emitDestroy();
    }
    for (const done of settle) done();
  };
  return (item) =>
    new Promise<R>((resolve, reject) => {
      waiting.push({ item, scope: new AsyncResource('laki.turnBatch.item'), resolve, reject });
      if (waiting.length === 1) schedule();
    });
}
