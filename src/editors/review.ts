/**
 * "Prüfen": what `npm run kb:check` would say about the knowledge base with the draft in it, and
 * "So würde der Assistent antworten" — for every variant and the questions the draft was made
 * for, which entry the matcher picks with the draft in place (and which it picks today). Runs on
 * an in-memory copy; nothing is written.
 */
import { createHash } from 'node:crypto';
import { buildKnowledgeBase, formatProblem, type KnowledgeBase, type MatchResult } from '../knowledge';
import { checkKnowledge, type Finding } from './check';
import type { Entry } from '../knowledge';
import type { EntryDraft, KnowledgeRevision } from '../storage';
import { entryFromContent, uniqueQuestions } from './draftContent';
import { ABSENT_HASH, entryHash, findEntry } from './entryYaml';
import { applyEntryWrite, fileForCategory, loadCandidate, withFilesOnDisk, type KnowledgeFiles } from './knowledgeFiles';
import { EditorMessages as M, germanDateTime } from '../chat';

/** One line of the check on the card. */
export interface ReviewFinding {
  readonly severity: 'error' | 'warning';
  readonly message: string;
}

/** How the assistant would answer one question. */
export interface PreviewRow {
  readonly question: string;
  readonly outcome: MatchResult['outcome'];
  /** The entry answering (outcome `answer`). */
  readonly entryId?: string;
  readonly entryTitle?: string;
  /** Titles offered under "Meinten Sie …" (outcome `suggest`). */
  readonly suggestions?: readonly string[];
  /** True when the answering entry is the draft. */
  readonly isDraft: boolean;
  /** What the served knowledge answers today, for comparison. */
  readonly today: { readonly outcome: MatchResult['outcome']; readonly entryTitle?: string };
}

export interface Review {
  /** The entry that would be published; absent when the content is not an entry yet. */
  readonly entry?: Entry;
  /** Where it would be written. */
  readonly file?: string;
  /** The version of the entry on disk now (the publish's "before"). */
  readonly currentHash: string;
  readonly current?: Entry;
  readonly findings: readonly ReviewFinding[];
  readonly preview: readonly PreviewRow[];
  /** The files with the draft in place, when it could be applied. */
  readonly candidate?: KnowledgeFiles;
}

export interface ReviewDeps {
  /** The knowledge served now ("bisher" in the preview). */
  readonly served: () => KnowledgeBase;
  readonly today: Date;
}

/** Blocking findings first; `errors` > 0 means the draft may not be published. */
export function errorCount(review: Pick<Review, 'findings'>): number {
  return review.findings.filter((finding) => finding.severity === 'error').length;
}

/**
 * Reviews `draft` against `files` (the knowledge directory now). `history` is the entry's
 * revisions, to name who changed it since the draft was opened.
 */
export async function reviewDraft(draft: EntryDraft, files: KnowledgeFiles, history: readonly KnowledgeRevision[], deps: ReviewDeps): Promise<Review> {
  const parsed = entryFromContent(draft.content, deps.today);
  const entryId = draft.baseEntryId ?? draft.content.id;
  const found = entryId ? findEntry(files, entryId) : undefined;
  const currentHash = found ? (found.entry ? entryHash(found.entry) : 'invalid') : ABSENT_HASH;
  const base = { currentHash, ...(found?.entry ? { current: found.entry } : {}) };
  const findings: ReviewFinding[] = [];

  if (draft.baseEntryId && !found) findings.push({ severity: 'error', message: M.entryGone });
  else if (!draft.baseEntryId && found) findings.push({ severity: 'error', message: M.idTaken(entryId) });
  else if (currentHash !== draft.baseHash) findings.push({ severity: 'error', message: changedSinceMessage(history, draft.baseHash) });

  if ('problems' in parsed) {
    findings.push(...parsed.problems.map((problem) => ({ severity: 'error' as const, message: problem.message })));
    return { ...base, findings, preview: [] };
  }
  const entry = parsed.entry;
  const servedSource = await loadCandidate(files);
  const file = found?.file ?? fileForCategory(files, servedSource.ok ? servedSource.source : undefined, entry.category);
  const applied = applyEntryWrite(files, { entryId: entry.id, file, after: entry });
  const candidate = await loadCandidate(applied.files);
  if (!candidate.ok) {
    findings.push(...candidate.problems.map((problem) => ({ severity: 'error' as const, message: formatProblem(problem) })));
    return { ...base, entry, file, findings, preview: [] };
  }
  findings.push(...(await newFindings(files, applied.files)));
  const kb = buildKnowledgeBase(candidate.source);
  const served = deps.served();
  const questions = uniqueQuestions([...entry.questions, ...draft.sourceQuestions]);
  const preview = questions.map((question) => previewRow(question, kb.match(question), served.match(question), entry.id));
  return { ...base, entry, file, findings, preview, candidate: applied.files };
}

function previewRow(question: string, result: MatchResult, today: MatchResult, draftId: string): PreviewRow {
  return {
    question,
    outcome: result.outcome,
    ...(result.answer ? { entryId: result.answer.id, entryTitle: result.answer.title } : {}),
    ...(result.outcome === 'suggest' ? { suggestions: result.suggestions.map((entry) => entry.title) } : {}),
    isDraft: result.answer?.id === draftId,
    today: { outcome: today.outcome, ...(today.answer ? { entryTitle: today.answer.title } : {}) },
  };
}

function changedSinceMessage(history: readonly KnowledgeRevision[], baseHash: string): string {
  const since = history.find((revision) => revision.beforeHash === baseHash);
  const latest = history[history.length - 1];
  if (since && latest) return M.changedSince(latest.actor.name, germanDateTime(latest.at));
  return M.changedOutside;
}

/**
 * The kb:check findings the draft adds: the check of the knowledge base with the draft minus the
 * check of the knowledge base as it is (compared without line numbers, which the draft may shift).
 */
async function newFindings(before: KnowledgeFiles, after: KnowledgeFiles): Promise<ReviewFinding[]> {
  const baseline = new Set((await cachedCheck(before)).map(findingKey));
  return (await runCheck(after))
    .filter((finding) => !baseline.has(findingKey(finding)))
    .map((finding) => ({ severity: finding.severity, message: finding.field ? `${finding.field}: ${finding.message}` : finding.message }));
}

function findingKey(finding: Finding): string {
  return `${finding.severity}|${finding.field ?? ''}|${finding.message.replace(/:\d+/g, ':#')}`;
}

function runCheck(files: KnowledgeFiles): Promise<readonly Finding[]> {
  return withFilesOnDisk(files, async (dir) => (await checkKnowledge(dir)).findings);
}

/** The check of the served files, kept while they do not change (every "Prüfen" needs it). */
let baselineCache: { key: string; findings: Promise<readonly Finding[]> } | undefined;

function cachedCheck(files: KnowledgeFiles): Promise<readonly Finding[]> {
  const hash = createHash('sha256');
  for (const [name, text] of files) hash.update(name).update('\u0000').update(text).update('\u0000');
  const key = hash.digest('hex');
  if (baselineCache?.key !== key) baselineCache = { key, findings: runCheck(files) };
  return baselineCache.findings;
}
