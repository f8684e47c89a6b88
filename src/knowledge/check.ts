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
import { LoadErrors, type LoadProblem } from './errors';
import { buildKnowledgeBase, type IndexedKnowledgeBase } from './index';
import type { MatcherSettings } from './matcher';
import { KnowledgeLoadError, parseYaml, readKnowledgeSource, type KnowledgeSource } from './loader';
import { entryFileSchema, entrySchema, SYNONYMS_FILE, synonymsFileSchema, type Entry } from './schema';
import { fold } from './text';

/** Name of the drafts folder inside the knowledge directory. */
export const DRAFTS_DIR = 'drafts';

export type Severity = 'error' | 'warning';

/** One finding, located like a loader problem (file relative to the knowledge directory). */
export interface Finding extends LoadProblem {
  readonly severity: Severity;
}

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

/** Where each entry and its questions sit, to put a line number on every finding. */
interface Located {
  readonly entry: Entry;
  readonly file: string;
  /** Line of a field of this entry, e.g. `['questions', 2]`. */
  lineOf(fieldPath: ReadonlyArray<PropertyKey>): number | undefined;
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
  findings.push(...(await checkSynonyms(dir, source.files)));

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
 * Pairs each validated entry with its file and a line finder. The files were just validated,
 * so parsing them again cannot fail; entries are joined by id, which is unique by then.
 */
async function locateEntries(dir: string, files: readonly string[], entries: readonly Entry[], prefix = ''): Promise<Located[]> {
  const byId = new Map(entries.map((entry) => [entry.id, entry]));
  const located: Located[] = [];
  for (const file of files) {
    if (file === SYNONYMS_FILE) continue;
    const parsed = parseYaml(file, await readFile(path.join(dir, file), 'utf8'), entryFileSchema, []);
    parsed?.value.entries.forEach((raw, index) => {
      const entry = byId.get(String((raw as { id?: unknown }).id));
      if (!entry) return;
      byId.delete(entry.id);
      located.push({ entry, file: prefix + file, lineOf: (fieldPath) => parsed.lineOf(['entries', index, ...fieldPath]) });
    });
  }
  return located;
}

/**
 * The same question in two entries (after folding case, umlauts and punctuation): the matcher
 * cannot tell them apart, so users asking it only get "Meinten Sie …". `onlyIds` limits the
 * findings to some entries (drafts).
 */
function checkDuplicateQuestions(located: readonly Located[], severity: Severity, onlyIds?: ReadonlySet<string>): Finding[] {
  const firstSeen = new Map<string, { item: Located; index: number }>();
  const findings: Finding[] = [];
  for (const item of located) {
    item.entry.questions.forEach((question, index) => {
      const key = fold(question).replace(/[^a-z0-9]+/g, ' ').trim();
      const previous = firstSeen.get(key);
      if (!previous) {
        firstSeen.set(key, { item, index });
        return;
      }
      if (previous.item.entry.id === item.entry.id || (onlyIds && !onlyIds.has(item.entry.id))) return;
      const where = `${previous.item.file}:${previous.item.lineOf(['questions', previous.index]) ?? '?'}`;
      findings.push({
        file: item.file,
        line: item.lineOf(['questions', index]),
        field: `${item.entry.id}.questions[${index}]`,
        severity,
        message: CheckMessages.duplicateQuestion(question, previous.item.entry.id, where),
      });
    });
  }
  return findings;
}

/**
 * Asks the matcher every question variant. A variant another entry answers directly is an
 * error for served entries (users asking it get the wrong answer); a variant that only gets
 * "Meinten Sie …" or no answer is a warning. Pairs of entries whose variants land on each
 * other are reported once, as competing. `onlyIds` limits the check to some entries (drafts).
 */
function checkVariants(
  kb: IndexedKnowledgeBase,
  located: readonly Located[],
  competingThreshold: number,
  answeredByOtherSeverity: Severity,
  onlyIds?: ReadonlySet<string>,
): Finding[] {
  const findings: Finding[] = [];
  const landings = new Map<string, number>();
  const checked = located.filter((item) => !onlyIds || onlyIds.has(item.entry.id));
  for (const { entry, file, lineOf } of checked) {
    entry.questions.forEach((question, index) => {
      const result = kb.match(question);
      if (result.outcome === 'answer' && result.answer?.id === entry.id) return;
      const at = { file, line: lineOf(['questions', index]), field: `${entry.id}.questions[${index}]` };
      let landedOn: string[] = [];
      if (result.outcome === 'answer' && result.answer) {
        landedOn = [result.answer.id];
        findings.push({
          ...at,
          severity: answeredByOtherSeverity,
          message: CheckMessages.answeredByOther(question, result.answer.title, result.answer.id),
        });
      } else if (result.outcome === 'suggest') {
        const ids = result.suggestions.map((suggestion) => suggestion.id);
        landedOn = ids.filter((id) => id !== entry.id);
        findings.push({ ...at, severity: 'warning', message: CheckMessages.onlySuggested(question, ids, ids.includes(entry.id)) });
      } else {
        findings.push({ ...at, severity: 'warning', message: CheckMessages.notAnswered(question, result.declineReason) });
      }
      for (const other of landedOn) {
        const key = [entry.id, other].sort().join('\u0000');
        landings.set(key, (landings.get(key) ?? 0) + 1);
      }
    });
  }
  const byId = new Map(located.map((item) => [item.entry.id, item]));
  for (const [key, count] of landings) {
    if (count < competingThreshold) continue;
    const [a, b] = key.split('\u0000') as [string, string];
    // Report on the side being checked (a draft), else on the first id in alphabetical order.
    const [here, there] = onlyIds && !onlyIds.has(a) ? [b, a] : [a, b];
    const item = byId.get(here)!;
    findings.push({
      file: item.file,
      line: item.lineOf(['id']),
      field: `${here}`,
      severity: 'warning',
      message: CheckMessages.competing(there, byId.get(there)?.file ?? '?', count),
    });
  }
  return findings;
}

/** Too few question variants, and reviews older than the allowed age. */
function checkEntryHygiene(located: readonly Located[], minQuestions: number, maxAgeMonths: number, now: Date): Finding[] {
  const findings: Finding[] = [];
  const cutoff = new Date(now);
  cutoff.setUTCMonth(cutoff.getUTCMonth() - maxAgeMonths);
  const cutoffDay = cutoff.toISOString().slice(0, 10);
  for (const { entry, file, lineOf } of located) {
    if (entry.questions.length < minQuestions) {
      findings.push({
        file,
        line: lineOf(['questions']),
        field: `${entry.id}.questions`,
        severity: 'warning',
        message: CheckMessages.fewQuestions(entry.questions.length, minQuestions),
      });
    }
    if (entry.reviewed < cutoffDay) {
      findings.push({
        file,
        line: lineOf(['reviewed']),
        field: `${entry.id}.reviewed`,
        severity: 'warning',
        message: CheckMessages.staleReview(entry.reviewed, maxAgeMonths),
      });
    }
  }
  return findings;
}

/** A term listed in two synonym groups makes the matcher's reading depend on file order. */
async function checkSynonyms(dir: string, files: readonly string[]): Promise<Finding[]> {
  if (!files.includes(SYNONYMS_FILE)) return [];
  const parsed = parseYaml(SYNONYMS_FILE, await readFile(path.join(dir, SYNONYMS_FILE), 'utf8'), synonymsFileSchema, []);
  if (!parsed) return [];
  const firstSeen = new Map<string, number>();
  const findings: Finding[] = [];
  parsed.value.groups.forEach((group, groupIndex) => {
    const inThisGroup = new Set<string>();
    group.forEach((term, termIndex) => {
      const key = fold(term).replace(/\s+/g, ' ').trim();
      if (inThisGroup.has(key)) return;
      inThisGroup.add(key);
      const previous = firstSeen.get(key);
      if (previous === undefined) {
        firstSeen.set(key, groupIndex);
        return;
      }
      findings.push({
        file: SYNONYMS_FILE,
        line: parsed.lineOf(['groups', groupIndex, termIndex]),
        field: `groups[${groupIndex}][${termIndex}]`,
        severity: 'warning',
        message: CheckMessages.ambiguousSynonym(term, parsed.lineOf(['groups', previous])),
      });
    });
  });
  return findings;
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
