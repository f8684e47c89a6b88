/**
 * A Map with a size bound, for memoising per knowledge snapshot what a word means. When it is
 * full it forgets everything (the readings it holds are cheap to compute again and most come
 * back within a few hundred messages), so memory stays bounded whatever users type.
 */
export class BoundedCache<K, V> {
  private readonly map = new Map<K, V>();

  /** @param limit most entries kept; the next one added clears the cache */
  constructor(readonly limit: number) {}

  get size(): number {
    return this.map.size;
  }

  get(key: K): V | undefined {
    return this.map.get(key);
  }

  /** Stores `value` (clearing the cache first when it is full) and returns it. */
  set(key: K, value: V): V {
    if (this.map.size >= this.limit) this.map.clear();
    this.map.set(key, value);
    return value;
  }

  clear(): void {
    this.map.clear();
  }
}
