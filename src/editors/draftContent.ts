/**
 * Draft content: what the draft card shows and edits, how it is pre-filled (from an answered
 * ticket, from an existing entry, empty) and how it becomes an entry (validated by the schema).
 * Pure functions.
 */
import { z } from 'zod/v4';
import type { Ticket } from '../escalation';
import { entrySchema, type Entry } from '../knowledge';
import { fold, isStopword } from '../knowledge';
import type { KnowledgeBase } from '../knowledge';
import { entryIdFor, isoDay } from './report/draft';
import type { DraftContent } from '../storage';
import { EditorMessages as M } from '../chat';

/** Category of a draft when nothing suggests one; editors choose another on the card. */
export const FALLBACK_CATEGORY = 'allgemein';
/** Most question variants pre-filled from the question log. */
export const MAX_SIMILAR_QUESTIONS = 5;
/** Limits of the card's inputs, in characters. */
export const DRAFT_FIELD_LIMITS = Object.freeze({ title: 200, answer: 8000, questions: 8000, keywords: 1000, source: 300 });

const MAX_TITLE_LENGTH = 80;

/** An empty draft, optionally with question variants (e.g. "Eintrag anlegen" from the report). */
export function blankContent(questions: readonly string[] = []): DraftContent {
  return {
    id: '',
    title: questions[0] ? titleFor(questions[0]) : '',
    answer: '',
    questions: uniqueQuestions(questions),
    keywords: [],
    category: '',
    related: [],
    source: { document: '', section: '' },
  };
}

/** The draft for an existing entry: its fields as they are. */
export function contentOfEntry(entry: Entry): DraftContent {
  return {
    id: entry.id,
    title: entry.title,
    answer: entry.answer,
    questions: entry.questions,
    keywords: entry.keywords,
    category: entry.category,
    related: entry.related,
    source: entry.source,
    ...(entry.contact ? { contact: entry.contact } : {}),
  };
}

/**
 * The draft for an answered ticket: the LaKI's answer, the ticket's question plus similar
 * unanswered questions, the category and related entries of the bot's best guesses, and the
 * ticket as source ("Antwort der LaKI auf LAKI-2026-0042, Lea LaKI, 10.03.2026").
 */
export function contentFromTicket(ticket: Ticket, kb: KnowledgeBase, similar: readonly string[]): DraftContent {
  const guesses = ticket.bestGuessIds.map((id) => kb.getEntry(id)).filter((entry): entry is Entry => entry !== undefined);
  const question = oneLine(ticket.question);
  return {
    id: entryIdFor(question, ticket.number, new Set(kb.entries.map((entry) => entry.id))),
    title: titleFor(question),
    answer: (ticket.answer ?? '').trim(),
    questions: uniqueQuestions([question, ...similar]),
    keywords: [],
    category: guesses[0]?.category ?? FALLBACK_CATEGORY,
    related: guesses.slice(0, 3).map((guess) => guess.id),
    source: {
      document: M.sourceDocument(ticket.number, ticket.answeredBy?.name ?? ticket.assignee?.name ?? '', isoDay(ticket.answeredAt ?? ticket.updatedAt)),
      section: M.sourceSection(ticket.number),
    },
  };
}

/**
 * Questions from the log that got no answer and share most content words with `question`
 * (at least half of the smaller set), most similar first, without the question itself.
 */
export function similarQuestions(question: string, unanswered: readonly string[], max = MAX_SIMILAR_QUESTIONS): string[] {
  const target = contentWords(question);
  if (target.size === 0) return [];
  const scored = new Map<string, { text: string; score: number }>();
  for (const candidate of unanswered) {
    const key = normalised(candidate);
    if (!key || key === normalised(question) || scored.has(key)) continue;
    const words = contentWords(candidate);
    const shared = [...words].filter((word) => target.has(word)).length;
    const score = shared / Math.max(1, Math.min(words.size, target.size));
    if (shared >= 1 && score >= 0.5) scored.set(key, { text: oneLine(candidate), score: score + shared / 100 });
  }
  return [...scored.values()].sort((a, b) => b.score - a.score).slice(0, max).map((item) => item.text);
}

/** Folded content words cut to five letters, so "Dolmetscher"/"Dolmetscherkosten" meet. */
function contentWords(text: string): Set<string> {
  return new Set(
    text
      .split(/[^\p{L}\p{N}]+/u)
      .map((word) => fold(word))
      .filter((word) => word.length > 2 && !isStopword(word))
      .map((word) => word.slice(0, 5)),
  );
}

function normalised(text: string): string {
  return fold(text).replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function titleFor(question: string): string {
  const flat = oneLine(question);
  return flat.length <= MAX_TITLE_LENGTH ? flat : `${flat.slice(0, MAX_TITLE_LENGTH - 1).trimEnd()}…`;
}

/** Trimmed, one line each, without empties and repeats (compared folded). */
export function uniqueQuestions(questions: readonly string[]): string[] {
  const seen = new Set<string>();
  const result: string[] = [];
  for (const question of questions.map(oneLine)) {
    const key = normalised(question);
    if (!question || seen.has(key)) continue;
    seen.add(key);
    result.push(question);
  }
  return result;
}

/** One problem with the draft's content, in words for the card. */
export interface ContentProblem {
  readonly field?: string;
  readonly message: string;
}

const germanErrors = z.locales.de().localeError;

/**
 * The entry a draft would publish (`reviewed` = today), or the problems that keep it from being
 * one, named by the card's German field labels.
 */
export function entryFromContent(content: DraftContent, today: Date): { entry: Entry } | { problems: ContentProblem[] } {
  const parsed = entrySchema.safeParse({ ...stripEmpty(content), reviewed: isoDay(today) }, { error: germanErrors });
  if (parsed.success) return { entry: parsed.data };
  const problems = parsed.error.issues.map((issue) => {
    const key = String(issue.path[0] ?? '');
    const label = (M.fieldLabels as Record<string, string>)[key] ?? key;
    const missing = /erhalten undefined$/.test(issue.message) || (key === 'questions' && issue.code === 'too_small');
    return { field: label, message: missing ? M.fieldMissing(label) : `${label}: ${issue.message}` };
  });
  return { problems };
}

/** Empty optional texts are absent, not "" (the schema refuses empty text). */
function stripEmpty(content: DraftContent): Record<string, unknown> {
  const { source, contact, ...rest } = content;
  return {
    ...rest,
    source: { document: source.document, section: source.section, ...(source.url ? { url: source.url } : {}) },
    ...(contact ? { contact } : {}),
  };
}

/** The id a new entry gets from its title (unique against `taken`); an edited entry keeps its id. */
export function idForNewEntry(title: string, taken: ReadonlySet<string>): string {
  return entryIdFor(title, 'neu', taken);
}
