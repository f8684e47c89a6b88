/**
 * Turns an answered ticket into a draft entry (`npm run kb:draft`): the asker's question, LaKI's
 * answer, the ticket as source and today as `reviewed`. Drafts live in `knowledge/drafts/`,
 * which is never served; an editor completes the draft and moves it into `knowledge/`.
 */
import { Document, Scalar, isMap, isScalar, isSeq } from 'yaml';
import type { Ticket } from '../../escalation';
import { entrySchema, type Entry, fold, isStopword, type KnowledgeBase } from '../../knowledge';
import { DraftText } from './messages';

/** Category of a draft when the bot had no best guess to borrow one from. */
export const DRAFT_CATEGORY = 'entwurf';

const MAX_ID_WORDS = 5;
const MAX_ID_LENGTH = 50;
const MAX_TITLE_LENGTH = 80;

export interface Draft {
  /** File name inside `drafts/`, from the ticket number so a ticket has one draft. */
  readonly fileName: string;
  readonly entry: Entry;
  /** The file content, with a German header saying what to do before moving it. */
  readonly yaml: string;
}

/** `LAKI-2026-0042` → `laki-2026-0042.yaml` */
export function draftFileName(ticketNumber: string): string {
  return `${ticketNumber.toLowerCase()}.yaml`;
}

/**
 * A readable kebab-case id from the question's content words ("Gibt es Förderung für
 * Dolmetscher?" → "foerderung-dolmetscher"), unique against `taken`.
 */
export function entryIdFor(question: string, ticketNumber: string, taken: ReadonlySet<string>): string {
  const words = question
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 1 && !isStopword(fold(word)))
    .slice(0, MAX_ID_WORDS)
    .map((word) => fold(transliterate(word)).replace(/[^a-z0-9]/g, ''));
  let base = words.filter(Boolean).join('-').slice(0, MAX_ID_LENGTH).replace(/-+$/, '');
  if (!base) base = `ticket-${ticketNumber.toLowerCase()}`;
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  return id;
}

/** Umlauts as ids in this knowledge base spell them: "Förderung" → "foerderung". */
function transliterate(word: string): string {
  return word.toLowerCase().replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue').replace(/ß/g, 'ss');
}

function titleFor(question: string): string {
  const flat = question.replace(/\s+/g, ' ').trim();
  return flat.length <= MAX_TITLE_LENGTH ? flat : `${flat.slice(0, MAX_TITLE_LENGTH - 1).trimEnd()}…`;
}

/** YYYY-MM-DD in the editors' time zone. */
export function isoDay(date: Date): string {
  return date.toLocaleDateString('sv-SE', { timeZone: 'Europe/Berlin' });
}

/**
 * Builds the draft for an answered ticket. The entry is validated against the schema, so a
 * draft never fails `kb:check` for its form; `takenIds` are ids of served entries and drafts.
 */
export function draftFromTicket(ticket: Ticket, kb: KnowledgeBase, options: { today: Date; takenIds: ReadonlySet<string> }): Draft {
  if (!ticket.answer) throw new Error(DraftText.notAnswered(ticket.number));
  const guesses = ticket.bestGuessIds.map((id) => kb.getEntry(id)).filter((entry): entry is Entry => entry !== undefined);
  const entry = entrySchema.parse({
    id: entryIdFor(ticket.question, ticket.number, options.takenIds),
    title: titleFor(ticket.question),
    category: guesses[0]?.category ?? DRAFT_CATEGORY,
    answer: ticket.answer.trim(),
    questions: [ticket.question.replace(/\s+/g, ' ').trim()],
    keywords: [],
    related: guesses.slice(0, 3).map((guess) => guess.id),
    source: { document: DraftText.sourceDocument, section: DraftText.sourceSection(ticket.number) },
    reviewed: isoDay(options.today),
  });
  return { fileName: draftFileName(ticket.number), entry, yaml: renderDraft(entry, ticket.number) };
}

function renderDraft(entry: Entry, ticketNumber: string): string {
  const { keywords, related, ...rest } = entry;
  const ordered = {
    id: rest.id,
    title: rest.title,
    category: rest.category,
    answer: rest.answer,
    questions: rest.questions,
    ...(keywords.length ? { keywords } : {}),
    ...(related.length ? { related } : {}),
    source: rest.source,
    reviewed: rest.reviewed,
  };
  const doc = new Document({ entries: [ordered] });
  doc.commentBefore = ` ${DraftText.fileHeader(ticketNumber).split('\n').join('\n ')}`;
  const item = doc.getIn(['entries', 0], true);
  if (isMap(item)) {
    const answer = item.get('answer', true);
    if (isScalar(answer)) answer.type = Scalar.BLOCK_LITERAL;
    const source = item.get('source', true);
    if (isMap(source)) source.flow = true;
    for (const key of ['related', 'keywords']) {
      const node = item.get(key, true);
      if (isSeq(node)) node.flow = true;
    }
  }
  return `# yaml-language-server: $schema=../schema/entries.schema.json\n${doc.toString({ lineWidth: 0 })}`;
}
