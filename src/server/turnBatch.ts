/**
 * Work that requests arriving in the same event-loop turn share: each request's item waits until
 * that turn's I/O is read (`setImmediate`), then one call handles every item that arrived.
 *
 * Why: under load, a turn reads several HTTP requests at once. Handled one by one, each request's
 * CPU-bound work (matching a question) runs between another request's parsing and socket write,
 * which evict its data from the CPU caches; handled together, the work runs back to back and the
 * writes follow. `npm run bench` measured `/api/ask` at ≈ 1.4 × the requests per second of
 * matching each request on its own. Alone, a request waits one turn (microseconds).
 */

/** Most items one call handles; the rest wait for the next turn, so no batch delays its last answer long. */
export const MAX_TURN_BATCH = 64;

/**
 * Returns `add(item)`: the item joins the current turn's batch, and `handle` receives the batch
 * (at most {@link MAX_TURN_BATCH} items, in arrival order) after the turn's I/O. `handle` must
 * settle every item itself (answer or fail each one); a batch that throws is a bug and is rethrown
 * on the next turn like any uncaught error.
 */
export function turnBatches<T>(handle: (batch: T[]) => void): (item: T) => void {
  const waiting: T[] = [];
  const flush = () => {
    const batch = waiting.splice(0, MAX_TURN_BATCH);
    if (waiting.length > 0) setImmediate(flush);
    handle(batch);
  };
  return (item) => {
    waiting.push(item);
    if (waiting.length === 1) setImmediate(flush);
  };
}
