/** The botbuilder `Storage` item rules both turn-state stores follow (as botbuilder's `MemoryStorage`). */

/** Developer-facing message of an optimistic-concurrency conflict (same wording as MemoryStorage). */
export const eTagConflictMessage = (key: string) => `Storage: error writing "${key}" due to eTag conflict.`;

/**
 * Splits an item to write into the value to store (without its eTag) and the eTag the stored row
 * must still have; `expectedETag` is undefined for a write without eTag or with `*`, which always wins.
 */
export function itemToWrite(item: unknown): { value: Record<string, unknown>; expectedETag?: string } {
  const { eTag, ...value } = (item ?? {}) as { eTag?: string } & Record<string, unknown>;
  return eTag && eTag !== '*' ? { value, expectedETag: eTag } : { value };
}

/** Throws the conflict error when a row is stored for `key` with another eTag than expected. */
export function checkETag(key: string, expectedETag: string, storedETag: string | undefined): void {
  if (storedETag !== undefined && storedETag !== expectedETag) throw new Error(eTagConflictMessage(key));
}

/** A stored row as the item `read` returns: its JSON value with its eTag. */
export function storedItem(row: { value: string; etag: string }): Record<string, unknown> {
  return { ...(JSON.parse(row.value) as object), eTag: row.etag };
}
