/**
 * Writing one entry into a knowledge YAML file the way an editor would: only the text of that
 * entry changes. The file is parsed with the `yaml` Document API to find the entry's node and its
 * byte range; the new entry is rendered with the same API (block literal answer, flow lists, the
 * key order of the hand-written files) and spliced into the original text. Every other byte (other
 * entries, comments, blank lines, quoting) stays exactly as it was, even where the `yaml`
 * package would print it differently.
 *
 * An edited entry keeps its own comments and the style of the fields that did not change: its node
 * is cloned, only changed fields are replaced, and the clone is printed.
 */
import { createHash } from 'node:crypto';
import { Document, isMap, isScalar, isSeq, parseDocument, Scalar, YAMLMap, type Node } from 'yaml';
import { entrySchema, type Entry } from '../knowledge';

/** The version of an entry that does not exist (a new entry before, a removed one after). */
export const ABSENT_HASH = 'absent';

/** The order of the hand-written files; fields not listed here follow in their own order. */
export const ENTRY_KEY_ORDER = ['id', 'title', 'category', 'answer', 'questions', 'keywords', 'related', 'source', 'reviewed', 'contact'] as const;

const PRINT_OPTIONS = { lineWidth: 0, flowCollectionPadding: false } as const;

/**
 * The version of an entry: a hash of its validated content (formatting, comments and key order do
 * not count). Two editors' drafts based on the same version may not both be published.
 */
export function entryHash(entry: Entry | undefined): string {
  if (!entry) return ABSENT_HASH;
  return createHash('sha256').update(canonicalJson(entry)).digest('hex').slice(0, 16);
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record).filter((key) => record[key] !== undefined).sort();
    return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(record[key])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** An entry found in a file: its position in `entries` and its validated content (when valid). */
export interface LocatedEntry {
  readonly file: string;
  readonly index: number;
  readonly entry: Entry | undefined;
}

/** Finds the entry with `id` in a set of files (name → text); `undefined` when no file has it. */
export function findEntry(files: ReadonlyMap<string, string>, id: string): LocatedEntry | undefined {
  for (const [file, text] of files) {
    const items = entryItems(parseDocument(text));
    const index = items.findIndex((item) => isMap(item) && String(item.get('id')) === id);
    if (index >= 0) {
      const parsed = entrySchema.safeParse(items[index]!.toJSON());
      return { file, index, entry: parsed.success ? parsed.data : undefined };
    }
  }
  return undefined;
}

function entryItems(doc: Document): Node[] {
  const seq = doc.get('entries', true);
  return isSeq(seq) ? (seq.items as Node[]) : [];
}

/** Thrown when a file cannot take the change (it is not an entry file, or the entry moved). */
export class EntryFileError extends Error {
  override readonly name = 'EntryFileError';
}

/**
 * Replaces the entry at `index` of `text` (an entry file) with `entry`. Only the fields that
 * changed are rewritten, each in place: the other entries, the unchanged fields of this one and
 * every comment outside a changed field keep their bytes.
 */
export function replaceEntry(text: string, index: number, entry: Entry): string {
  const doc = parseDocument(text);
  const node = entryItems(doc)[index];
  if (!isMap(node) || !node.range) throw new EntryFileError(`no entry at index ${index}`);
  const fields = fieldsOf(entry);
  const wanted = new Map(fields);
  const column = columnOf(text, node.range[0]);
  const pad = ' '.repeat(column);
  const splices: Array<{ from: number; to: number; text: string }> = [];
  let lastPairEnd = node.range[0];
  for (const pair of node.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
    const keyNode = pair.key as Node;
    const valueNode = pair.value as Node | null;
    const from = keyNode.range![0];
    const to = pairEnd(text, valueNode ?? keyNode);
    lastPairEnd = Math.max(lastPairEnd, to);
    if (!wanted.has(key)) {
      // Drop the field with its line(s): from the start of its line to the start of the next.
      const lineStart = text.lastIndexOf('\n', from - 1) + 1;
      splices.push({ from: lineStart, to: Math.min(text.length, to + 1), text: '' });
      continue;
    }
    const value = wanted.get(key);
    wanted.delete(key);
    if (valueNode && canonicalJson(normalised(key, valueNode.toJSON())) === canonicalJson(value)) continue;
    const single = new YAMLMap();
    single.set(keyNode.clone(), valueNode ? revisedNode(key, valueNode, value) : nodeFor(key, value));
    splices.push({ from, to, text: indentRest(printNode(single), column) });
  }
  // Fields the entry did not have yet go after its last field, in file order.
  const added = [...wanted].map(([key, value]) => {
    const single = new YAMLMap();
    single.set(key, nodeFor(key, value));
    return pad + indentRest(printNode(single), column);
  });
  if (added.length > 0) splices.push({ from: lastPairEnd, to: lastPairEnd, text: `\n${added.join('\n')}` });
  return splices
    .sort((a, b) => b.from - a.from)
    .reduce((result, splice) => result.slice(0, splice.from) + splice.text + result.slice(splice.to), text);
}

/**
 * A changed value, keeping what can be kept: list items that stay keep their node (and comment),
 * a changed text keeps its scalar style. Anything else is a new node in the house style.
 */
function revisedNode(key: string, old: Node, value: unknown): Node {
  if (isSeq(old) && Array.isArray(value)) {
    const seq = old.clone() as typeof old;
    const previous = [...(old.items as Node[])];
    seq.items = value.map((item) => {
      const index = previous.findIndex((node) => isScalar(node) && normalised(key, node.value) === item);
      return index >= 0 ? previous.splice(index, 1)[0]!.clone() : new Scalar(item);
    });
    return seq;
  }
  if (isScalar(old) && typeof value === 'string' && (old.type === Scalar.BLOCK_LITERAL || old.type === Scalar.BLOCK_FOLDED)) {
    const scalar = new Scalar(`${value}\n`);
    scalar.type = old.type;
    return scalar;
  }
  return nodeFor(key, value);
}

/**
 * Where a field's text ends: after its value, and after a comment on the same line (which the
 * printed field carries again), without the line break.
 */
function pairEnd(text: string, node: Node): number {
  let end = node.range![1];
  while (end > 0 && /[\s]/.test(text[end - 1]!)) end--;
  const lineEnd = text.indexOf('\n', end);
  const rest = text.slice(end, lineEnd < 0 ? text.length : lineEnd);
  if (/^\s*#/.test(rest)) end += rest.length;
  return end;
}

/** Appends `entry` at the end of the file's `entries`, after a blank line like the others. */
export function appendEntry(text: string, entry: Entry): string {
  const doc = parseDocument(text);
  const seq = doc.get('entries', true);
  if (!isSeq(seq) || !seq.range || seq.flow) throw new EntryFileError('no block list "entries"');
  const items = seq.items as Node[];
  const last = items[items.length - 1];
  if (!isMap(last) || !last.range) return appendFirst(text, seq.range[0], entry);
  const [, lastEnd] = contentRange(text, last);
  const column = columnOf(text, last.range[0]);
  const dash = ' '.repeat(Math.max(0, column - 2));
  const rendered = `\n\n${dash}- ${indentRest(printEntry(entry), column)}`;
  return text.slice(0, lastEnd) + rendered + text.slice(lastEnd);
}

function appendFirst(text: string, at: number, entry: Entry): string {
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  return `${text.slice(0, lineStart)}  - ${indentRest(printEntry(entry), 4)}\n${text.slice(lineStart).replace(/^\s*\[\s*\]\s*\n?/, '')}`;
}

/**
 * Removes the entry at `index` with its "- " line and the blank line before it. The last entry of
 * a file cannot be removed this way (a file needs at least one entry): use {@link newEntryFile}'s
 * counterpart, deleting the file.
 */
export function removeEntry(text: string, index: number): string {
  const doc = parseDocument(text);
  const items = entryItems(doc);
  const node = items[index];
  if (!isMap(node) || !node.range) throw new EntryFileError(`no entry at index ${index}`);
  if (items.length === 1) throw new EntryFileError('the only entry of a file cannot be removed');
  const [start, end] = contentRange(text, node);
  let from = text.lastIndexOf('\n', start - 1) + 1;
  if (index > 0) {
    // Take the line break ending the previous entry's content and the blank lines after it.
    const [, previousEnd] = contentRange(text, items[index - 1]!);
    from = previousEnd;
    return text.slice(0, from) + text.slice(end);
  }
  // First entry: drop its lines up to the next entry's "- ".
  const next = items[1]!;
  const nextLineStart = text.lastIndexOf('\n', next.range![0] - 1) + 1;
  return text.slice(0, from) + text.slice(Math.max(end, nextLineStart));
}

/** The text of a new entry file holding `entry`, with the schema comment the other files carry. */
export function newEntryFile(entry: Entry): string {
  return `# yaml-language-server: $schema=./schema/entries.schema.json\nentries:\n  - ${indentRest(printEntry(entry), 4)}\n`;
}

/** The entry as YAML (a map, lines not indented, no trailing newline). */
export function printEntry(entry: Entry): string {
  const map = new YAMLMap();
  updateFields(map, entry);
  return printNode(map);
}

function printNode(node: YAMLMap): string {
  const doc = new Document();
  doc.contents = node;
  return doc.toString(PRINT_OPTIONS).replace(/\n+$/, '');
}

/** The fields of `entry` in file order; an empty list or absent field is not written. */
function fieldsOf(entry: Entry): Array<[string, unknown]> {
  const record = entry as unknown as Record<string, unknown>;
  const keys = [...ENTRY_KEY_ORDER, ...Object.keys(record).filter((key) => !(ENTRY_KEY_ORDER as readonly string[]).includes(key))];
  return keys
    .map((key): [string, unknown] => [key, record[key]])
    .filter(([, value]) => value !== undefined && !(Array.isArray(value) && value.length === 0));
}

/** Sets changed fields on `map` (keeping unchanged nodes, their style and comments) and drops removed ones. */
function updateFields(map: YAMLMap, entry: Entry): void {
  const fields = fieldsOf(entry);
  const wanted = new Set(fields.map(([key]) => key));
  for (const pair of [...map.items]) {
    const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
    if (!wanted.has(key)) map.delete(key);
  }
  for (const [key, value] of fields) {
    const existing = map.get(key, true) as Node | undefined;
    if (existing && canonicalJson(normalised(key, existing.toJSON())) === canonicalJson(value)) continue;
    map.set(key, nodeFor(key, value));
  }
}

/** A stored field as the schema reads it (trimmed text), to tell an unchanged field from a changed one. */
function normalised(key: string, value: unknown): unknown {
  if (typeof value === 'string') return key === 'reviewed' || key === 'id' || key === 'category' ? value : value.trim();
  if (Array.isArray(value)) return value.map((item) => (typeof item === 'string' ? item.trim() : item));
  return value;
}

/** A new node in the style of the hand-written files. */
function nodeFor(key: string, value: unknown): Node {
  const doc = new Document();
  if (key === 'answer' && typeof value === 'string') {
    const scalar = new Scalar(`${value}\n`);
    scalar.type = Scalar.BLOCK_LITERAL;
    return scalar;
  }
  const node = doc.createNode(value) as Node;
  if ((key === 'keywords' || key === 'related') && isSeq(node)) node.flow = true;
  if (key === 'source' && isMap(node)) node.flow = true;
  return node;
}

/**
 * Start and end of a block map's own text: from its first key to the end of its last value's
 * line, without trailing blank lines or comments that belong to what follows.
 */
function contentRange(text: string, node: Node): [number, number] {
  const [start, valueEnd] = node.range!;
  let end = valueEnd;
  // A block scalar's range ends after its newline(s); stop at the end of the last non-blank line.
  while (end > start && (text[end - 1] === '\n' || text[end - 1] === ' ' || text[end - 1] === '\r')) end--;
  return [start, end];
}

function columnOf(text: string, offset: number): number {
  return offset - (text.lastIndexOf('\n', offset - 1) + 1);
}

/** Indents every line but the first by `column` spaces (the first follows "- " or the old start). */
function indentRest(rendered: string, column: number): string {
  const pad = ' '.repeat(column);
  return rendered
    .split('\n')
    .map((line, index) => (index === 0 || line === '' ? line : pad + line))
    .join('\n');
}
