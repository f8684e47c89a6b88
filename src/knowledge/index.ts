/**
 * The knowledge module's public surface: load a knowledge directory into an immutable,
 * indexed snapshot, and hold the current snapshot so a reload can swap it atomically.
 */
import { readKnowledgeSource, type KnowledgeSource } from './loader';
import type { SynonymCompound } from './analyzer';
import { indexedTexts } from './entryFacts';
import { Matcher, type Explanation, type MatcherSettings } from './matcher';
import { explainMessage, type MessageTrace } from './message';
import type { Entry } from './schema';
import type { ConversationContext, KnowledgeBase } from './types';

export { KnowledgeLoadError, formatProblem } from './loader';
export type { LoadProblem } from './errors';
export { answerText, contactFacts } from './answerText';
export { catalogCategories, categoryLabel, mainTopics, KNOWN_CATEGORIES } from './catalog';
export type { CatalogCategory, CategoryKind } from './catalog';
export type { Entry, Contact, Source, SynonymsFile } from './schema';
export type {
  Candidate,
  ConversationContext,
  DeclinedMessage,
  DeclineReason,
  KnowledgeBase,
  MatchResult,
  MessageMatch,
  Outcome,
  PartMatch,
} from './types';
export { askedParts, singlePartMessage, type MessageTrace, type PartTrace } from './message';
export { shownEntries } from './decide';
export type { MessagePiece, PieceRole } from './sentences';
export { DEFAULT_MATCHER_SETTINGS, type Explanation, type MatcherSettings, type ScoredEntry } from './matcher';

/** A knowledge snapshot plus facts about it for /healthz and benchmarks. */
export interface IndexedKnowledgeBase extends KnowledgeBase {
  readonly files: readonly string[];
  readonly vocabularySize: number;
  /** How one text, read as a single question without context, was read and scored (editors' check). */
  explain(question: string): Explanation;
  /** Every stage's result for a message, for `npm run ask -- --json`. */
  explainMessage(text: string, context?: ConversationContext): MessageTrace;
  /** Words of the entries that are compounds only because the synonyms file knows a part (editors' check). */
  synonymCompounds(): readonly SynonymCompound[];
}

/** Indexes validated entries. Exposed for benchmarks and tests with synthetic knowledge. */
export function buildKnowledgeBase(
  source: KnowledgeSource,
  settings: Partial<MatcherSettings> = {},
): IndexedKnowledgeBase {
  const matcher = new Matcher(source.entries, source.synonyms, settings);
  const byId = new Map<string, Entry>(source.entries.map((entry) => [entry.id, entry]));
  const getEntry = (id: string) => byId.get(id);
  return Object.freeze({
    entries: source.entries,
    files: source.files,
    loadedAt: new Date(),
    vocabularySize: matcher.analyzer.vocabularySize,
    getEntry,
    match: (question: string) => explainMessage(matcher, question, undefined, getEntry).match.main,
    matchMessage: (text: string, context?: ConversationContext) => explainMessage(matcher, text, context, getEntry).match,
    explain: (question: string) => matcher.explain(question),
    explainMessage: (text: string, context?: ConversationContext) => explainMessage(matcher, text, context, getEntry),
    synonymCompounds: () => matcher.analyzer.synonymCompounds(source.entries.flatMap(indexedTexts)),
  });
}

/**
 * Reads, validates and indexes the knowledge directory. Throws `KnowledgeLoadError` listing
 * every problem (file, line, field) when it cannot be served.
 */
export async function loadKnowledgeBase(
  dir: string,
  settings: Partial<MatcherSettings> = {},
): Promise<IndexedKnowledgeBase> {
  return buildKnowledgeBase(await readKnowledgeSource(dir), settings);
}

/** Holds the knowledge snapshot in use; readers call `current()` once per request. */
export interface KnowledgeHolder<K extends KnowledgeBase = IndexedKnowledgeBase> {
  current(): K;
  replace(next: K): void;
}

export function createKnowledgeHolder<K extends KnowledgeBase>(initial: K): KnowledgeHolder<K> {
  let snapshot = initial;
  return {
    current: () => snapshot,
    replace: (next) => {
      snapshot = next;
    },
  };
}

// What the editors' tools (src/editors) and the composition root use beyond answering.
export { DRAFTS_DIR, SCHEMA_DIR, parseYaml, readKnowledgeSource, type KnowledgeSource } from './loader';
export { LoadErrors } from './errors';
export { entryFileDocumentSchema, entryFileSchema, entrySchema, SYNONYMS_FILE, synonymsFileSchema } from './schema';
export { fold, isStopword } from './text';
export { synonymStems, type SynonymCompound } from './analyzer';
export { createKnowledgeWatcher, knowledgeReloadHealth } from './watcher';
export type { KnowledgeWatcher, ReloadStatus, WatcherLogger } from './watcher';
