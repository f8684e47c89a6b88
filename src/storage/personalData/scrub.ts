/**
 * Turn state is shared per conversation: in a group chat one row can hold several people's
 * half-finished drafts. {@link scrubPerson} removes only the parts that name the person.
 */

/** Fields by which a stored object names a person (drafts: `userId`; actors: `id`, `aadObjectId`). */
const IDENTITY_FIELDS: readonly string[] = ['id', 'userId', 'askerUserId', 'aadObjectId', 'askerAadObjectId'];

/** What {@link scrubPerson} kept and what it took out. */
export interface Scrubbed {
  readonly kept: unknown;
  readonly removed: unknown[];
}

/**
 * Removes every object (as an array element or an object member) that names one of `ids` in an
 * identity field, at any depth; returns the rest and what was removed.
 */
export function scrubPerson(value: unknown, ids: ReadonlySet<string>): Scrubbed {
  const removed: unknown[] = [];
  const names = (item: unknown) =>
    item !== null &&
    typeof item === 'object' &&
    !Array.isArray(item) &&
    IDENTITY_FIELDS.some((field) => ids.has(String((item as Record<string, unknown>)[field])));
  const walk = (item: unknown): unknown => {
    if (Array.isArray(item)) {
      return item.filter((element) => (names(element) ? (removed.push(element), false) : true)).map(walk);
    }
    if (item !== null && typeof item === 'object') {
      const kept: Record<string, unknown> = {};
      for (const [key, member] of Object.entries(item)) {
        if (names(member)) removed.push({ [key]: member });
        else kept[key] = walk(member);
      }
      return kept;
    }
    return item;
  };
  return { kept: walk(value), removed };
}

/** True when the JSON text of `value` still contains one of `ids` anywhere. */
export function mentionsAny(value: unknown, ids: ReadonlySet<string>): boolean {
  const text = JSON.stringify(value);
  return [...ids].some((id) => text.includes(JSON.stringify(id).slice(1, -1)));
}
