import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { isNode, LineCounter, parseDocument, type Document } from 'yaml';
import { z } from 'zod/v4';
import { LoadErrors, type LoadProblem } from './errors';
import {
  entryFileSchema,
  entrySchema,
  SYNONYMS_FILE,
  synonymsFileSchema,
  type Entry,
  type SynonymsFile,
} from './schema';

/** Everything read from a knowledge directory, validated, before it is indexed. */
export interface KnowledgeSource {
  readonly entries: readonly Entry[];
  readonly synonyms: SynonymsFile;
  /** Files read, relative to the knowledge directory, for /healthz and reports. */
  readonly files: readonly string[];
}

/** Thrown when a knowledge directory cannot be served; lists every problem found. */
export class KnowledgeLoadError extends Error {
  constructor(readonly problems: readonly LoadProblem[]) {
    super(`${LoadErrors.summary(problems.length)}\n${problems.map(formatProblem).join('\n')}`);
    this.name = 'KnowledgeLoadError';
  }
}

/** "kontakt.yaml:12 entries[3].questions: …" – the form editors and logs see. */
export function formatProblem(problem: LoadProblem): string {
  const where = problem.line ? `${problem.file}:${problem.line}` : problem.file;
  return problem.field ? `${where} ${problem.field}: ${problem.message}` : `${where}: ${problem.message}`;
}

/** Editors read schema errors, so zod's built-in messages are German here. */
const germanErrors = z.locales.de().localeError;

/** Name of the drafts folder inside the knowledge directory (written by editors, not served). */
export const DRAFTS_DIR = 'drafts';

/** Folder of the generated JSON schemas inside the knowledge directory (not served). */
export const SCHEMA_DIR = 'schema';

const EMPTY_SYNONYMS: SynonymsFile = Object.freeze({ groups: [], forward: [] });

/**
 * Reads every `*.yaml` file directly inside `dir` (sub-folders such as `drafts/` are not
 * served), validates it against the schema and checks the base as a whole (unique ids,
 * existing `related` ids). Throws one {@link KnowledgeLoadError} listing every problem.
 */
export async function readKnowledgeSource(dir: string): Promise<KnowledgeSource> {
  const names = await listYamlFiles(dir);
  const problems: LoadProblem[] = [];
  const entries: Array<{ entry: Entry; file: string; line?: number }> = [];
  let synonyms: SynonymsFile = EMPTY_SYNONYMS;

  for (const name of names) {
    const text = await readFile(path.join(dir, name), 'utf8');
    if (name === SYNONYMS_FILE) {
      const parsed = parseYaml(name, text, synonymsFileSchema, problems);
      if (parsed) synonyms = parsed.value;
      continue;
    }
    const parsed = parseYaml(name, text, entryFileSchema, problems);
    // Entries are validated one by one, so a broken entry does not hide the others from the
    // cross-file checks (duplicate ids, related ids).
    parsed?.value.entries.forEach((raw, index) => {
      const result = entrySchema.safeParse(raw, { error: germanErrors });
      const at = ['entries', index];
      if (result.success) {
        entries.push({ entry: result.data, file: name, line: parsed.lineOf([...at, 'id']) });
      } else {
        problems.push(...issuesToProblems(name, result.error.issues, parsed.lineOf, at));
      }
    });
  }

  problems.push(...checkWholeBase(entries));
  if (entries.length === 0 && problems.length === 0) {
    problems.push({ file: dir, message: LoadErrors.noEntries });
  }
  if (problems.length > 0) throw new KnowledgeLoadError(problems);
  return { entries: entries.map((item) => item.entry), synonyms, files: names };
}

/** Cross-file checks: duplicate ids and `related` ids that point nowhere. */
export function checkWholeBase(
  entries: ReadonlyArray<{ entry: Entry; file: string; line?: number }>,
): LoadProblem[] {
  const problems: LoadProblem[] = [];
  const firstSeen = new Map<string, { file: string; line?: number }>();
  for (const { entry, file, line } of entries) {
    const previous = firstSeen.get(entry.id);
    if (previous) {
      problems.push({ file, line, field: 'id', message: LoadErrors.duplicateId(entry.id, previous.file, previous.line) });
    } else {
      firstSeen.set(entry.id, { file, line });
    }
  }
  for (const { entry, file, line } of entries) {
    for (const relatedId of entry.related) {
      if (!firstSeen.has(relatedId)) {
        problems.push({ file, line, field: `${entry.id}.related`, message: LoadErrors.unknownRelated(relatedId) });
      }
    }
  }
  return problems;
}

async function listYamlFiles(dir: string): Promise<string[]> {
  try {
    const dirents = await readdir(dir, { withFileTypes: true });
    return dirents
      .filter((d) => d.isFile() && /\.ya?ml$/i.test(d.name))
      .map((d) => d.name)
      .sort();
  } catch (error) {
    throw new KnowledgeLoadError([{ file: dir, message: LoadErrors.unreadableDir((error as Error).message) }]);
  }
}

interface Parsed<T> {
  value: T;
  lineOf(fieldPath: ReadonlyArray<PropertyKey>): number | undefined;
}

/**
 * Parses one YAML file and validates it, turning YAML syntax errors and schema issues into
 * problems that carry the file, the line and the field path.
 */
export function parseYaml<S extends z.ZodType>(
  file: string,
  text: string,
  schema: S,
  problems: LoadProblem[],
): Parsed<z.output<S>> | undefined {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    // An error at the very end (an unclosed bracket) points at the last written line.
    const lastLine = text.trimEnd().split('\n').length;
    for (const error of doc.errors) {
      problems.push({
        file,
        line: Math.min(lineCounter.linePos(error.pos[0]).line, lastLine),
        message: LoadErrors.yamlSyntax(error.message.split('\n')[0] ?? error.code),
      });
    }
    return undefined;
  }
  const lineOf = (fieldPath: ReadonlyArray<PropertyKey>) => lineOfPath(doc, lineCounter, fieldPath);
  const result = schema.safeParse(doc.toJS(), { error: germanErrors });
  if (!result.success) {
    problems.push(...issuesToProblems(file, result.error.issues, lineOf));
    return undefined;
  }
  return { value: result.data, lineOf };
}

function issuesToProblems(
  file: string,
  issues: readonly z.core.$ZodIssue[],
  lineOf: Parsed<unknown>['lineOf'],
  prefix: ReadonlyArray<PropertyKey> = [],
): LoadProblem[] {
  return issues.map((issue) => {
    const fieldPath = [...prefix, ...issue.path];
    return { file, line: lineOf(fieldPath), field: fieldName(fieldPath), message: issue.message };
  });
}

/** Line of the deepest node that exists on the path (a missing field points at its parent). */
function lineOfPath(doc: Document, lineCounter: LineCounter, fieldPath: ReadonlyArray<PropertyKey>): number | undefined {
  for (let depth = fieldPath.length; depth >= 0; depth--) {
    const node = doc.getIn(fieldPath.slice(0, depth) as unknown[], true);
    if (isNode(node) && node.range) return lineCounter.linePos(node.range[0]).line;
  }
  return undefined;
}

/** ['entries', 3, 'questions', 0] → "entries[3].questions[0]" */
function fieldName(fieldPath: ReadonlyArray<PropertyKey>): string | undefined {
  if (fieldPath.length === 0) return undefined;
  return fieldPath
    .map((part, index) => (typeof part === 'number' ? `[${part}]` : `${index === 0 ? '' : '.'}${String(part)}`))
    .join('');
}
