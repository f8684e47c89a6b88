/**
 * The editors' check (`npm run kb:check`): everything the loader refuses (schema, YAML syntax,
 * duplicate or unknown ids) plus what only shows when the matcher runs: question variants that
 * another entry answers, entries competing for the same questions, thin or stale entries and
 * ambiguous synonyms. Drafts under `drafts/` are checked too, but never served.
 */
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { CheckMessages } from './checkMessages';
import {
  checkDuplicateQuestions,
  checkEntryHygiene,
  checkSynonyms,
  checkVariants,
  locateEntries,
  type Finding,
  type Located,
} from './checkRules';
import {
  LoadErrors,
  type LoadProblem,
  buildKnowledgeBase,
  type MatcherSettings,
  DRAFTS_DIR,
  KnowledgeLoadError,
  parseYaml,
  readKnowledgeSource,
  type KnowledgeSource,
  entryFileSchema,
  entrySchema,
  SYNONYMS_FILE,
  type Entry,
} from '../knowledge';

export type { Finding, Severity } from './checkRules';

export { DRAFTS_DIR };

export interface CheckOptions {
  /** "Today", for the review age. */
  readonly now?: Date;
  /** Entries with fewer questions get a warning. */
  readonly minQuestions?: number;
  /** `reviewed` older than this many months gets a warning. */
  readonly maxReviewAgeMonths?: number;
  /** Pairs of entries with at least this many variants landing on each other are reported. */
  readonly competingThreshold?: number;
  /** Matcher settings, when the app runs with other than the defaults. */
  readonly matcher?: Partial<MatcherSettings>;
}

type CheckSettings = Required<Omit<CheckOptions, 'now' | 'matcher'>>;

export const DEFAULT_CHECK_OPTIONS: Readonly<CheckSettings> = Object.freeze({
  minQuestions: 6,
  maxReviewAgeMonths: 12,
  competingThreshold: 2,
});

export interface CheckResult {
  readonly findings: readonly Finding[];
  readonly files: number;
  readonly entries: number;
  readonly drafts: number;
}

/** Runs every check on `dir` and its `drafts/` folder. Never throws for bad content. */
export async function checkKnowledge(dir: string, options: CheckOptions = {}): Promise<CheckResult> {
  const { now: _now, matcher: matcherSettings = {}, ...overrides } = options;
  const settings: CheckSettings = { ...DEFAULT_CHECK_OPTIONS, ...overrides };
  const now = options.now ?? new Date();
  const findings: Finding[] = [];

  let source: KnowledgeSource | undefined;
  try {
    source = await readKnowledgeSource(dir);
  } catch (error) {
    if (!(error instanceof KnowledgeLoadError)) throw error;
    findings.push(...error.problems.map((problem) => ({ ...readable(problem), severity: 'error' as const })));
  }
  if (!source) return { findings, files: 0, entries: 0, drafts: 0 };

  const located = await locateEntries(dir, source.files, source.entries);
  const kb = buildKnowledgeBase(source, matcherSettings);
  findings.push(...checkDuplicateQuestions(located, 'error'));
  findings.push(...checkVariants(kb, located, settings.competingThreshold, 'error'));
  findings.push(...checkEntryHygiene(located, settings.minQuestions, settings.maxReviewAgeMonths, now));
  findings.push(...(await checkSynonyms(dir, source.files, kb, located)));

  const drafts = await checkDrafts(dir, source, located, settings, matcherSettings, now);
  findings.push(...drafts.findings);
  return { findings, files: source.files.length, entries: source.entries.length, drafts: drafts.count };
}

/** zod says "erwartet object, erhalten undefined" for a missing field; editors need plainer words. */
function readable(problem: LoadProblem): LoadProblem {
  if (!problem.field || !/erhalten undefined$/.test(problem.message)) return problem;
  const leaf = problem.field.split('.').pop()!.replace(/\[\d+\]$/, '');
  return { ...problem, message: CheckMessages.missingField(leaf) };
}

/**
 * Drafts: the same schema and hygiene checks, ids must not collide with served entries, and
 * their questions are matched against the knowledge base as it would be with the draft moved
 * in (all as warnings except problems that would stop the bot from loading it).
 */
async function checkDrafts(
  dir: string,
  source: KnowledgeSource,
  located: readonly Located[],
  settings: CheckSettings,
  matcherSettings: Partial<MatcherSettings>,
  now: Date,
): Promise<{ findings: Finding[]; count: number }> {
  const draftsDir = path.join(dir, DRAFTS_DIR);
  if (!existsSync(draftsDir)) return { findings: [], count: 0 };
  const prefix = `${DRAFTS_DIR}/`;
  const servedIds = new Set(source.entries.map((entry) => entry.id));
  // `related` may point at served entries; only ids that exist nowhere are a problem.
  const servedRelated = new Set([...servedIds].map((id) => LoadErrors.unknownRelated(id)));
  // The loader reports every schema problem with its line; the valid entries are read again
  // below, so one broken draft does not hide the findings of the others.
  const findings: Finding[] = [];
  try {
    await readKnowledgeSource(draftsDir);
  } catch (error) {
    if (!(error instanceof KnowledgeLoadError)) throw error;
    for (const problem of error.problems) {
      if (problem.message === LoadErrors.noEntries || servedRelated.has(problem.message)) continue;
      findings.push({ ...readable(problem), file: prefix + problem.file, severity: 'error' });
    }
  }
  const drafts = await readValidDrafts(draftsDir);
  const draftFiles = drafts.files.filter((file) => file !== SYNONYMS_FILE);
  const draftLocated = await locateEntries(draftsDir, draftFiles, drafts.entries, prefix);
  const fileOf = new Map(located.map((item) => [item.entry.id, item.file]));
  for (const item of draftLocated) {
    const taken = fileOf.get(item.entry.id);
    if (taken) {
      findings.push({
        file: item.file,
        line: item.lineOf(['id']),
        field: 'id',
        severity: 'error',
        message: CheckMessages.draftIdTaken(item.entry.id, taken),
      });
    }
  }
  const fresh = draftLocated.filter((item) => !fileOf.has(item.entry.id));
  if (fresh.length > 0) {
    const kb = buildKnowledgeBase(
      { entries: [...source.entries, ...fresh.map((item) => item.entry)], synonyms: source.synonyms, files: source.files },
      matcherSettings,
    );
    const ids = new Set(fresh.map((item) => item.entry.id));
    findings.push(...checkDuplicateQuestions([...located, ...fresh], 'warning', ids));
    findings.push(...checkVariants(kb, [...located, ...fresh], settings.competingThreshold, 'warning', ids));
  }
  findings.push(...checkEntryHygiene(draftLocated, settings.minQuestions, settings.maxReviewAgeMonths, now));
  return { findings, count: drafts.entries.length };
}

/** Every schema-valid entry in the drafts folder (invalid ones are reported by the loader). */
async function readValidDrafts(draftsDir: string): Promise<KnowledgeSource> {
  const files = (await readdir(draftsDir)).filter((name) => /\.ya?ml$/i.test(name) && name !== SYNONYMS_FILE).sort();
  const entries: Entry[] = [];
  const seen = new Set<string>();
  for (const file of files) {
    const parsed = parseYaml(file, await readFile(path.join(draftsDir, file), 'utf8'), entryFileSchema, []);
    for (const raw of parsed?.value.entries ?? []) {
      const result = entrySchema.safeParse(raw);
      if (result.success && !seen.has(result.data.id)) {
        seen.add(result.data.id);
        entries.push(result.data);
      }
    }
  }
  return { entries, synonyms: { groups: [], forward: [] }, files };
}
