/**
 * A follow-up that asks what a word of the last answer means ("was heißt Migrantenselbstorganisation?",
 * "was ist mit dem Verbund gemeint?", "was versteht man unter Evaluation?"): the entry that explains
 * a term is the one about it (its title or keywords name it); an entry that only uses the word tells
 * the user nothing new, least of all the last answer again.
 */
import type { Analyzer } from './analyzer';
import { answerText } from './answerText';
import type { Entry } from './schema';

/** Words between the question and its term, or after it, that are no part of the term. */
const FILLER = String.raw`(?:eigentlich|denn|genau|nochmal|noch\s+mal|hier|da|dort|dabei|konkret|überhaupt|ueberhaupt|bitte|so)`;

/** An article or a possessive before the term. */
const ARTICLE = String.raw`(?:der|die|das|dem|den|des|ein|eine|einer|einem|einen|eurer|eurem|euren|ihrer|ihrem|ihren)`;

/** Words that are no term: pointing words, fillers, prepositions and persons ("was heißt das *für uns*?"). */
const NOT_TERM = String.raw`das|dies|dieses|diese|damit|dabei|es|dann|gemeint|genau|eigentlich|denn|konkret|hier|da|dort|so|für|fur|fuer|bei|in|im|an|am|auf|zu|zum|zur|von|vom|mit|uns|euch|mich|mir|ihr|sie|man|wir|ich|du`;

/** The term: one to four words, none of them a pointing word ("was heißt *das*?" asks to explain the last answer). */
const TERM = String.raw`((?:(?!(?:${NOT_TERM})(?:[^\p{L}]|$))[\p{L}§\d][\p{L}\d\-–]*\s*){1,4}?)`;

/** "was heißt/bedeutet/meint man mit X", "was ist mit X gemeint", "was versteht man unter X", "was meinen Sie mit X". */
const ASKS_MEANING = [
  new RegExp(String.raw`(?:^|[^\p{L}])was\s+(?:hei(?:ß|ss|s)t|bedeutet|bedeuten)\s+(?:${FILLER}\s+)*(?:${ARTICLE}\s+)?${TERM}(?:\s+${FILLER})*\s*(?:[?.!,]|$)`, 'iu'),
  new RegExp(String.raw`(?:^|[^\p{L}])was\s+(?:ist|sind|war|wird)\s+(?:${FILLER}\s+)*mit\s+(?:${ARTICLE}\s+)?${TERM}\s+(?:${FILLER}\s+)*gemeint`, 'iu'),
  new RegExp(String.raw`(?:^|[^\p{L}])was\s+(?:versteht|verstehen|meint|meinen)\s+(?:man|ihr|sie|die)\s+(?:${FILLER}\s+)*(?:unter|mit)\s+(?:${ARTICLE}\s+)?${TERM}(?:\s+${FILLER})*\s*(?:[?.!,]|$)`, 'iu'),
];

/** The term a part asks the meaning of, as written; undefined when it asks no meaning or means what was said ("was heißt das?"). */
export function termAskedToExplain(text: string): string | undefined {
  for (const pattern of ASKS_MEANING) {
    const term = pattern.exec(text)?.[1]?.trim();
    if (term) return term;
  }
  return undefined;
}

/** A term written as an abbreviation: capitals, perhaps with a small letter between or a plural "s" ("MSO", "LaKI", "KIs"). */
const ABBREVIATION = /^\p{Lu}\p{Ll}?\p{Lu}+s?$/u;

/** Shortest stem two tokens must share to be read as one word and its compound ("Querschnitt", "Querschnittsaufgabe"). */
const MIN_SHARED_STEM = 5;

/**
 * True when an entry is about the term: a token of the term is a token of the entry's title, or
 * one of them begins the other (a compound of it). Not its keywords: they list what the entry
 * mentions ("Multiplikatorinnen" among the courses' audiences), not what it explains.
 */
export function explainsTerm(analyzer: Analyzer, entry: Entry, term: string): boolean {
  const termTokens = analyzer.analyzeIndexed(term).tokens;
  if (termTokens.length === 0) return true;
  // "was ist mit MSO gemeint?": an abbreviation asks for its long form, which an answer writing
  // it out ("Migrantenselbstorganisationen") gives.
  if (ABBREVIATION.test(term.trim())) {
    const text = analyzer.analyzeIndexed(answerText(entry)).tokens;
    if (termTokens.every((token) => text.includes(token))) return true;
  }
  const own = subjectTokens(analyzer, entry);
  if (termTokens.some((token) => own.some((other) => sameWord(token, other)))) return true;
  // "was ist mit rucksak gemeint?": a term typed with a typo names the entry's subject as well; the
  // question's reading corrects it (looked at only when the term as written names nothing).
  const corrected = analyzer.analyzeQuery(term).tokens;
  return corrected.some((token) => !termTokens.includes(token) && own.some((other) => sameWord(token, other)));
}

function sameWord(one: string, other: string): boolean {
  if (one === other) return true;
  const [short, long] = one.length <= other.length ? [one, other] : [other, one];
  return short.length >= MIN_SHARED_STEM && long.startsWith(short);
}

/** The tokens of an entry's title, kept per entry of the snapshot. */
function subjectTokens(analyzer: Analyzer, entry: Entry): readonly string[] {
  let tokens = subjects.get(entry);
  if (!tokens) {
    tokens = analyzer.analyzeIndexed(entry.title).tokens;
    subjects.set(entry, tokens);
  }
  return tokens;
}

const subjects = new WeakMap<Entry, readonly string[]>();
