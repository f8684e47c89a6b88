/**
 * Fills Teams Toolkit placeholders (`${{NAME}}`) in parsed JSON. Substituting in string values
 * of the parsed document, rather than in the raw text, keeps the JSON valid whatever a value
 * contains (quotes, backslashes).
 */

/** A well-formed placeholder; Teams Toolkit allows spaces inside the braces. */
const PLACEHOLDER = /\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;
/** Anything still looking like a placeholder after filling is malformed. */
const LEFTOVER = /\$\{\{[^}]*\}\}/;

/** What {@link fillPlaceholders} found. */
export interface FillResult<T> {
  /** A copy of the document with every known placeholder replaced. */
  readonly value: T;
  /** Names used in the document but absent from `variables`, in order of first use. */
  readonly missing: readonly string[];
  /** JSON paths (e.g. `bots[0].botId`) of strings with a malformed placeholder, with the text. */
  readonly malformed: ReadonlyArray<{ path: string; text: string }>;
}

/** Replaces every `${{NAME}}` in the string values of `document` with `variables[NAME]`. */
export function fillPlaceholders<T>(document: T, variables: Readonly<Record<string, string>>): FillResult<T> {
  const missing = new Set<string>();
  const malformed: Array<{ path: string; text: string }> = [];

  const fill = (node: unknown, path: string): unknown => {
    if (typeof node === 'string') {
      const filled = node.replace(PLACEHOLDER, (placeholder, name: string) => {
        if (Object.hasOwn(variables, name)) return variables[name];
        missing.add(name);
        return placeholder;
      });
      if (LEFTOVER.test(filled.replace(PLACEHOLDER, ''))) malformed.push({ path, text: node });
      return filled;
    }
    if (Array.isArray(node)) return node.map((item, index) => fill(item, `${path}[${index}]`));
    if (node !== null && typeof node === 'object') {
      return Object.fromEntries(
        Object.entries(node).map(([key, value]) => [key, fill(value, path ? `${path}.${key}` : key)]),
      );
    }
    return node;
  };

  return { value: fill(document, '') as T, missing: [...missing], malformed };
}
