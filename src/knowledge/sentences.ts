/**
 * Stage 1 of reading a message: sentences and focus. Splits a chat message into sentences and
 * clauses and decides what each piece does: asks something (a question or a request), is
 * context (greetings, who is asking, why), or is a courtesy ("Können Sie helfen?"). The asked
 * pieces become the message's parts; everything else is context, whose unknown words must not
 * make the matcher decline. Pure functions over the text, no knowledge of the entries.
 * The sentences come from `sentenceSplit.ts`, the word lists from `chatWords.ts`, and what a
 * piece points back at from `pointers.ts`; this module cuts clauses and gives each piece its role.
 */
import { COURTESY, foldedPiece, FRONTED_ADVERBS, hasTopicWords, INQUIRY, INTERROGATIVES, isTopicWord, PREPOSITIONS, QUESTION_VERBS, SUBJECT_PRONOUNS, words } from './chatWords';
import { abbreviationIn, actorNamed, actorReferredTo, actorsNamed, asksAbbreviation, asksActorAgain, asksAgain, asksWho, destinationPointedAt, pointsBack, pointsWithinItself, saysShe } from './pointers';
import { splitMarkedSentences, type SplitSentence } from './sentenceSplit';
import { fold } from './text';

/** What a piece of a message does. */
export type PieceRole = 'question' | 'request' | 'context' | 'courtesy';

/** A sentence or clause of a message with its role and why it got it (shown by `ask --json`). */
export interface MessagePiece {
  readonly text: string;
  readonly role: PieceRole;
  readonly why: string;
}

/** One asked part of a message, with the texts that surround it. */
export interface FocalPart {
  readonly text: string;
  readonly why: string;
  /** Context pieces of the message, and the asked part before this one (for "… und wer hilft dabei?"). */
  readonly context: readonly string[];
  /** The piece right before this part: what "Wie lautet die?" or "Wie geht das?" refers to. */
  readonly antecedent?: string;
  /**
   * A context sentence of the same message that this thin part points into with an anaphor
   * ("Wir sitzen an unserem Integrationskonzept. Kann die LaKI uns *dabei* beraten?"): its known
   * words join the part at reduced weight.
   */
  readonly leansOn?: string;
  /**
   * The actor ("LaKI", "KI") a pronoun of this part stands for, named in its antecedent ("Wer
   * fördert die LaKI, und bei welcher Behörde ist *sie* angesiedelt?"): its known words join the part.
   */
  readonly actor?: string;
}

export interface MessageFocus {
  /** Every piece in message order, for tracing. */
  readonly pieces: readonly MessagePiece[];
  /** The asked parts in message order; at least one for a non-empty message. */
  readonly parts: readonly FocalPart[];
}

/** Adverbs that sharpen a question word without naming anything ("wodurch genau", "wo eigentlich"). */
const QUESTION_ADVERBS = new Set(['genau', 'eigentlich', 'denn', 'konkret', 'ungefahr', 'jetzt', 'nun']);

/**
 * A request phrased as a statement: "ich brauche …", "suche …", "hätte gern …", "bitte ich um …", "mir fehlt noch …",
 * "wäre nett, wenn Sie …", "Bitte schicken Sie mir …", "I need …". A plural verb asks only with its
 * "wir" ("wir suchen …"): "… Geflüchtete, die eine Ausbildung suchen" is a relative clause.
 */
const REQUEST =
  /(^|\s)((ich\s+)?(brauche|brauch|brauchte|suche|benotige|benotigte)|wir\s+(brauchen|brauchten|suchen|benotigen|benotigten)|(bitte\s+)?(schicken|senden|nennen|geben|sagen|mailen|ubermitteln)\s+sie\s+(mir|uns)|hatte\s+gerne?|hatten\s+gerne?|wusste\s+gerne?|mochte\s+(gerne?\s+)?(wissen|erfahren|fragen)|mochten\s+(gerne?\s+)?(wissen|erfahren)|wurde\s+gerne?\s+(wissen|erfahren)|wurden\s+gerne?\s+(wissen|erfahren)|interessiere\s+mich|(ich\s+|wir\s+)?bitten?\s+(ich\s+|wir\s+)?um|mich\s+interessiert|mich\s+wurde\s+interessieren|ware?\s+(sehr\s+)?(nett|schon|super|toll|klasse|prima|lieb|freundlich|hilfreich|dankbar)|waren\s+(sehr\s+)?dankbar|(mir|uns)\s+(fehlt|fehlen)\s+([\p{L}]+\s+){0,2}noch(?!\s+(einiges|vieles|etwas|viel|manches|ein\s+bisschen|so\s+einiges)\b)|^bitte\s+(einmal\s+|mal\s+|kurz\s+|noch\s+)?(die|den|das|um)|i\s+need|we\s+need|looking\s+for|i\s+would\s+like|i'd\s+like|please\s+(send|tell|give))(\s|$)/u;

/**
 * A request that opens a clause with "ich", or with its verb alone ("… und (ich) suche die
 * Regelung …", "… und bräuchte dafür noch die Mailadresse"), folded. With "wir" the clause mostly tells what the writer's office is doing
 * ("… und wir suchen Partner"), unless it asks to know ("… und würden gern wissen, ob …").
 */
const JOINED_REQUEST =
  /^(ich\s+(brauche|brauch|brauchte|suche|benotige|benotigte|hatte|wusste|mochte|wurde)|brauche|brauchte|suche|benotige|benotigte|(hatte|wusste)\s+gerne?|(wir\s+)?(wurden|mochten|wussten)\s+(gerne?\s+)?(wissen|erfahren))(\s|$)/u;

/**
 * A message of one clause: no sentence or clause boundary before a final mark, no "und/oder", no
 * spaced dash. (Three plain tests: one pattern with look-aheads over the whole text backtracks.)
 */
function isSimple(text: string): boolean {
  return ONE_CLAUSE.test(text) && !JOINED_CLAUSES.test(text) && !SPACED_DASH.test(text) && !(RUN_ON_SUBJECT.test(text) && !/[.!?]/u.test(text));
}

/** The writer's "wir/ich" inside a message typed without punctuation: it may follow their introduction (see `splitSentences`). */
const RUN_ON_SUBJECT = /\s(?:wir|ich)\s/iu;

const ONE_CLAUSE = /^[^.!?;:,\n…]*[.!?…]*$/iu;

const JOINED_CLAUSES = /\s(?:und|oder|sowie|and|or)\s/iu;

const SPACED_DASH = /\s[–—-]\s/iu;

/** A salutation opening a message ("Sehr geehrte Frau Dr. Schmidt", "Liebes LaKI-Team", "Hallo zusammen"), folded. */
const SALUTATION = /^(sehr geehrte[rs]?|liebe[rs]?|hallo|hey|hi|moin|tach|servus|gruss gott|guten (tag|morgen|abend)|dear|hello)(\s+[^\s]+){0,4}$/u;

/** A closing greeting ("Gruß aus Düsseldorf", "Viele Grüße"), folded. */
const CLOSING = /^(viele|liebe|beste|herzliche|freundliche|schone|mit freundlichen)?\s*(gruss|grusse|grussen|gruesse)(\s|[.!,]|$)/u;

/** An example the writer gives after a comma ("…, z.B. wenn ein Zentrum ein gutes Projekt hat"). */
const EXAMPLE = /^(z\.\s?b\.|zb\b|zum beispiel|bspw\.|beispielsweise|etwa\s+(wenn|bei|beim|im|in|für|fur|mit)\b|e\.\s?g\.)/iu;

/**
 * A clause opening with a possessive or a personal subject starts a new statement, as does "da"
 * with the writer as subject ("…, da haben wir gerade Bedarf").
 */
const NEW_STATEMENT = /^(?:(mein|meine|meiner|unser|unsere|unserer|ich|wir|mir|uns|my|our|we|i)|da\s+\S+\s+(wir|ich))\s/iu;

/** Words that open a rephrasing of the clause before ("also", "sprich", "bzw."). */
const REPHRASING = /^(also|sprich|bzw|beziehungsweise|genauer|d\.\s?h|i\.\s?e|that is)\b/iu;

/**
 * The alternative a yes/no question doubts, after "oder", folded: "oder ist das nur Schule?",
 * "oder machen die nur Einzelberatung?", "oder sind die dafür nicht zuständig?", "oder nur für
 * Lehrkräfte?".
 */
const DOUBTED_ALTERNATIVE =
  /^(?:(ist|sind|geht|gilt|bleibt)\s+(das|es|dies|die|der)\s+(eher|nur|bloss|ausschliesslich|doch\s+nur|vor allem|hauptsachlich|allein|alleine)\b|\S+\s+(?:\S+\s+){0,3}?(nur|bloss|ausschliesslich|lediglich|allein|alleine|eher|gar\s+nicht|nicht|jeder|jede|jedes)\b|(nur|bloss|ausschliesslich|lediglich)\s+\S|(eher\s+|doch\s+|gar\s+)?nicht\s*[?.!]*$)/u;

/** Why a clause that neither asks nor requests is context; a later rule looks for pieces read so. */
const A_STATEMENT = 'a statement';

/** Why a piece is context when it is the doubted alternative (shown by `ask --json`). */
const DOUBTED_WHY = 'the alternative the writer doubts ("oder ist das nur …?")';

/** A piece that is the doubted alternative, "oder" included. */
const DOUBTED_PIECE = /^(oder|or)\s+/u;

/**
 * True when a clause opens with a finite verb that no list names, followed by its subject
 * ("Entscheiden wir das selbst …", "Kümmern sich die KIs …"): a yes/no question.
 */
function opensWithVerbAndSubject(list: readonly string[]): boolean {
  const [first, second] = list;
  return (
    first !== undefined &&
    second !== undefined &&
    SUBJECT_PRONOUNS.has(second) &&
    first.length >= 4 &&
    /(en|ern|eln|t|st)$/u.test(first) &&
    !FRONTED_ADVERBS.has(first) &&
    !INTERROGATIVES.has(first) &&
    !PREPOSITIONS.has(first)
  );
}

/**
 * True when a sentence ended at a dash is a question that goes on after it in a fragment: "Wer darf
 * ein KI einrichten – jede Gemeinde oder nur bestimmte?". A full question after the dash asks on
 * its own ("Wer prüft, ob die Arbeit etwas bringt – gibt es dafür eine Stelle?").
 */
function asksOnAfterDash(sentences: readonly SplitSentence[], index: number): boolean {
  const next = sentences[index + 1]?.text.trimEnd();
  return sentences[index]!.atDash && next !== undefined && next.endsWith('?') && opensQuestion(next, true) === null;
}

/**
 * True when the first words (after a preposition or "und") are a question word or a question verb;
 * in a sentence that asks ("?"), also any verb followed by its subject ("Entscheiden wir …?").
 */
function opensQuestion(text: string, asks = false): 'interrogative' | 'verb' | null {
  const list = words(text);
  if (list[0] === 'wie' && COMPARING_WIE.test(list.slice(0, 2).join(' '))) return null;
  for (let i = 0; i < Math.min(list.length, 3); i++) {
    const word = list[i]!;
    if (INTERROGATIVES.has(word)) return 'interrogative';
    if (QUESTION_VERBS.has(word)) return i === 0 || PREPOSITIONS.has(list[i - 1]!) ? 'verb' : null;
    if (asks && i === 0 && opensWithVerbAndSubject(list)) return 'verb';
    if (!PREPOSITIONS.has(word)) return null;
  }
  return null;
}

/**
 * Where {@link splitClauses} may cut a sentence: a comma (with "und/oder/sowie"), a spaced
 * "und/oder/…", or the space after a verb of asking. Never an empty match. One shared object read
 * with `exec` (nothing else uses it): `matchAll` would copy the pattern on every sentence.
 */
const CLAUSE_BOUNDARY = /(,\s*(?:und\s+|oder\s+|sowie\s+)?|\s+(?:und|oder|sowie|and|or)\s+|(?<=\s(?:fragen|wissen|erfahren|herausfinden|klären|nachfragen|know|wondering|wonder))\s+)/giu;

/**
 * True when what follows a comma is a piece of its own:
 * - a new statement: "…, mein Chef will das wissen" (context of its own);
 * - an example: "…, z.B. wenn ein Zentrum ein gutes Projekt hat" (context, not what is asked);
 * - the reason or concession the writer gives: "… die Mailadresse, weil ich sie der Vorlage anhängen
 *   will", "…, obwohl wir keine Kommune im engeren Sinne sind", and the purpose of a request to be
 *   given something ("… die Postanschrift nennen, damit nichts verloren geht", see {@link GIVING});
 * - in a statement, what was heard ("Ich habe gehört, dass das KI Fortbildungen anbietet. Stimmt
 *   das?") or what follows "aber" ("Die Besuchsadresse hab ich schon, aber die Postanschrift ist
 *   eine andere"), so that a later "das" or "die" points at it and not at the speaker.
 */
function startsOwnPiece(rest: string, asks: boolean, before: string): boolean {
  if (NEW_STATEMENT.test(rest) || EXAMPLE.test(rest)) return true;
  const folded = fold(rest);
  if (/^damit\s/u.test(folded) && (GIVING.test(fold(before)) || REQUEST.test(words(before).join(' ')))) return true;
  return /^(weil|denn|zumal|obwohl|obgleich|because|although)\s/u.test(folded) || (!asks && /^(dass|aber)\s/u.test(folded));
}

/**
 * A request to be given something, at the end of a clause ("Könnten Sie mir die Postanschrift
 * *nennen*"): a ", damit …" after it is the writer's purpose ("…, damit nichts verloren geht"),
 * not part of what is asked ("Was muss ein Kreis tun, damit sein KI gefördert wird?"), folded.
 * So is a ", damit …" after a request ("Ich bräuchte die Namen …, damit die Einladung …").
 */
const GIVING = /\s(nennen|mitteilen|sagen|geben|schicken|senden|zusenden|zuschicken|durchgeben|verraten|weiterleiten|aufschreiben)\s*$/u;

/**
 * Cuts a sentence into clauses where a new question starts: ", welches Dezernat …",
 * "… und wo sitzt sie?", ", ob …". A clause opening with a verb ("…, und gibt es …") starts a
 * new question only in a sentence that asks ("?"); in a statement it continues the sentence.
 */
function splitClauses(sentence: string, asks: boolean, unmarked = false): string[] {
  const clauses: string[] = [];
  let start = 0;
  /** Ends the clause that began at `start` at `end`, and starts the next at `next`. */
  const closeClause = (end: number, next: number) => {
    const clause = sentence.slice(start, end).trim();
    if (clause) clauses.push(clause);
    start = next;
  };
  /** Inside a rephrasing set off by a comma (", also …"). */
  let inserted = false;
  CLAUSE_BOUNDARY.lastIndex = 0;
  for (let match = CLAUSE_BOUNDARY.exec(sentence); match !== null; match = CLAUSE_BOUNDARY.exec(sentence)) {
    const cut = match.index + match[0].length;
    /** What follows the boundary, read by several of the tests below (one string, so its words are looked up once). */
    const rest = sentence.slice(cut);
    // After a comma, a piece of its own starts: a new statement, an example, a reason, or in a
    // statement what was heard or what follows "aber" (see {@link startsOwnPiece}).
    if (match[0].includes(',') && startsOwnPiece(rest, asks, sentence.slice(start, match.index))) {
      closeClause(match.index, cut);
      continue;
    }
    // "Sehr geehrte Damen und Herren, für …": the salutation is a piece of its own.
    if (start === 0 && match[0].includes(',') && SALUTATION.test(fold(sentence.slice(0, match.index)))) {
      closeClause(match.index, cut);
      continue;
    }
    // "wir sind mitten in der Haushaltsberatung und ich brauch die Faxnummer": a request joined to
    // a statement by "und" is a piece of its own, and the statement before it is context.
    if (/\s(?:und|and)\s+$/iu.test(match[0]) && JOINED_REQUEST.test(words(rest).join(' '))) {
      const clause = sentence.slice(start, match.index).trim();
      if (clause && !REQUEST.test(words(clause).join(' '))) {
        closeClause(match.index, cut);
        continue;
      }
    }
    // "…, also mit wem rede ich da?" says the same question again in other words: one part.
    if (REPHRASING.test(rest)) {
      // A rephrased noun ("Stellen, also Lehrerstellen, …") is inserted; a rephrased question is not.
      inserted = match[0].includes(',') && !opensQuestion(rest.replace(REPHRASING, ''));
      continue;
    }
    // "Wie viele Stellen, also Lehrer- und Verwaltungsstellen, bekommt ein KI?": the comma after an
    // inserted rephrasing closes it, and the sentence goes on.
    if (inserted && match[0].trim() === ',') {
      inserted = false;
      continue;
    }
    if (match[0].includes(',')) inserted = false;
    // "…, oder ist das nur Schule und Kita?", "…, oder geht's bei denen nur um Kinder?": the
    // alternative the writer doubts is a piece of its own, context, so that its topics do not
    // compete with what is asked.
    if ((asks || unmarked) && /\b(oder|or)\s*$/iu.test(match[0]) && DOUBTED_ALTERNATIVE.test(fold(rest))) {
      closeClause(match.index, match.index + match[0].search(/(oder|or)\s*$/iu));
      continue;
    }
    const opens = opensQuestion(rest, asks);
    if (!opens || (opens === 'verb' && !asks)) continue;
    // "Entscheiden wir das selbst oder gibt das Land was vor?", "…, oder ist das gar nicht deren
    // Bereich?": a yes/no clause after "oder" is the other alternative of the same question.
    if (opens === 'verb' && /\b(oder|or)\s*$/iu.test(match[0])) continue;
    const before = sentence.slice(start, match.index);
    // "Welcher Kreis oder welche Stadt hat …?": a question word and its noun, with no verb, are
    // the first of two alternatives the question that follows asks about.
    const beforeWords = words(before);
    if (/^\s*(oder|or)\s*$/iu.test(match[0]) && beforeWords.length <= 2 && INTERROGATIVES.has(beforeWords[0] ?? '')) continue;
    // "Wodurch genau und von wem wird der Rahmen festgelegt?": two question words of one question.
    if (/^\s*(und|and)\s*$/iu.test(match[0]) && INTERROGATIVES.has(beforeWords[0] ?? '') && beforeWords.slice(1).every((word) => QUESTION_ADVERBS.has(word))) continue;
    // "Ist vorgeschrieben, wie …", "Weiß jemand, ob …": a short verb-first clause whose
    // complement is the indirect question is one question.
    if (!/\b(und|oder|sowie|and|or)\s*$/iu.test(match[0]) && opensQuestion(before) === 'verb' && beforeWords.length <= 4) continue;
    // "Gibt es vom KI irgendwas, was uns beim Übergang hilft?": "was" after "etwas" is a relative
    // pronoun; the clause it opens says what the thing asked for is. So is a spoken "wo" ("irgendwas,
    // wo man als Neue geschult wird?").
    if (match[0].includes(',') && INDEFINITES.has(beforeWords[beforeWords.length - 1] ?? '') && RELATIVE_AFTER_INDEFINITE.has(words(rest)[0] ?? '')) continue;
    closeClause(match.index, cut);
  }
  closeClause(sentence.length, sentence.length);
  return clauses;
}

/** Indefinite pronouns a relative clause with "was" describes ("etwas, was …", "alles, was …"). */
const INDEFINITES = new Set(['etwas', 'irgendwas', 'irgendetwas', 'was', 'sowas', 'soetwas', 'nichts', 'alles', 'vieles', 'einiges', 'manches', 'das']);

/** Words that open a relative clause after an indefinite pronoun ("etwas, *was* …", "irgendwas, *wo* …"). */
const RELATIVE_AFTER_INDEFINITE: ReadonlySet<string> = new Set(['was', 'wo']);

/** Prepositions that open a phrase saying what a request is for ("Für unsere Vorlage …", "Zur Vorbereitung …"). */
const PURPOSE = /^(fur|zur|zum|wegen|bezuglich|betreffend|im rahmen|als vorbereitung)\s/u;

/** Request verbs in second position, after the phrase before them ("… benötige ich …"). */
const REQUEST_VERB_SECOND = /^(.+?)\s+((?:benötige|brauche|bräuchte|suche|hätte|wüsste|möchte|benötigen|brauchen|bräuchten|suchen|hätten|wüssten|möchten)\s+(?:ich|wir)\b.*)$/isu;

/**
 * Splits off the phrase a request starts with when it says what the request is for: "Für unsere
 * Vorlage im Jugendhilfeausschuss benötige ich den Namen …" → context "Für unsere Vorlage im
 * Jugendhilfeausschuss" and request "benötige ich den Namen …", so the purpose's words (unknown
 * committees, forward terms like "Vorlage") stay context.
 */
function splitFrontedPurpose(sentence: string): [string | undefined, string] {
  const match = REQUEST_VERB_SECOND.exec(sentence);
  if (!match || !PURPOSE.test(fold(match[1]!))) return [undefined, sentence];
  return [match[1]!.trim(), match[2]!];
}

/**
 * A phrase inside an asked piece that says what the answer is for: "für unseren Verteiler", "für
 * eine Präsentation im Schulausschuss", "fuer die Dienstbesprechung". Its nouns name the writer's
 * occasion, not the topic (unknown committees, forward terms like "Vorlage"), so it is context.
 * A place or committee after it ("im Kreis Höxter") goes with it; a genitive ("… der
 * Handlungsfelder") may be the topic and stays.
 */
const PURPOSE_PHRASE = new RegExp(
  String.raw`(?:^|\s)(?:für|fuer|fur|fürs|fuers|furs|zur|zum)\s+(?:(?:eine[nmrs]?|ein|ne|nen|die|den|das|dem|der|unsere[nmrs]?|unser|meine[nmrs]?|mein|unsre[nmrs]?)\s+)?` +
    String.raw`(?:[\p{L}-]+\s+)?(?:[\p{L}-]*(?:vorlage|präsentation|praesentation|prasentation|bericht|verteiler|sitzung|besprechung|schreiben|vortrag|protokoll|newsletter|pressemitteilung|tagung|konferenz|ausschuss|kreistag|haushaltsberatungen?|vermerk|rundmail|rundschreiben|unterlagen|akte|dokumentation|broschüre|broschuere|broschure|aushang|handout|infoblatt|rundbrief|folien?|präsi|praesi|prasi|anschreiben|einladung)` +
    // Whole words only: an "Eigenbeitrag" or "Artikel 3" of a law is a topic, and so may be a "Beitrag".
    String.raw`|einleitung|artikel(?!\s*\d)|zeitungsartikel|fachartikel|fachbeitrag|zeitungsbeitrag|recherche|stellungnahme|steckbrief|hausarbeit|bachelorarbeit|masterarbeit|seminararbeit|abschlussarbeit|projektarbeit|facharbeit|studienarbeit|doktorarbeit|referat|ausarbeitung)(?=[\s,.!?;:]|$)`,
  'iu',
);

/**
 * The place, committee or owner after a purpose ("… im Kreis Höxter", "… unserer
 * Dienstbesprechung", "… des Kreises Coesfeld"): a preposition, possessive or genitive of a
 * municipality and one or two capitalised words.
 */
const PURPOSE_PLACE =
  /^\s+(?:im|in der|in|beim|bei der|am|an der|unserer|unseres|meiner|meines|vom|von der|von unserem|von unserer|von meinem|von meiner|des Kreises|der Stadt|der Gemeinde)\s+\p{Lu}[\p{L}-]*(?:\s+\p{Lu}[\p{L}-]*(?=[\s,.!?;:]|$))?/u;

/**
 * A question the writer has of their own, given as the reason of a request: "Telefonnummer der
 * LaKI bzgl. einer Frage zu unserem Projekt", "wegen einer Rückfrage zum Antrag". What the
 * question is about runs to the end of the clause and is the writer's matter, not the topic.
 */
const REASON_PHRASE =
  /(?:^|\s)(?:wegen|bzgl\.?|bezüglich|bezueglich|für|fuer|fur|mit)\s+(?:einer|eine|meiner|meine|unserer|unsere|ner|ne)\s+(?:kleinen\s+|kurzen\s+)?(?:frage|rückfrage|rueckfrage|ruckfrage|anfrage|nachfrage|anliegen)\b[^,.!?;:]*/iu;

/** Splits the purpose phrase out of a piece: [the phrase, the piece without it]. */
function splitPurposePhrase(text: string): [string | undefined, string] {
  const match = PURPOSE_PHRASE.exec(text) ?? REASON_PHRASE.exec(text);
  if (!match) return [undefined, text];
  let end = match.index + match[0].length;
  // "für einen Vortrag im Schulausschuss des Kreises Coesfeld": a committee and its owner.
  for (let place = 0; place < 2; place++) end += PURPOSE_PLACE.exec(text.slice(end))?.[0].length ?? 0;
  const rest = `${text.slice(0, match.index)} ${text.slice(end)}`.replace(/\s+([,.!?;:])/gu, '$1').replace(/\s{2,}/gu, ' ').trim();
  // A piece that is nothing but the purpose ("Für den Bericht:") stays as it is.
  return words(rest).length >= 2 ? [text.slice(match.index, end).trim(), rest] : [undefined, text];
}

function isCourtesy(text: string, isStopword: (word: string) => boolean): boolean {
  const list = words(text);
  return list.some((word) => COURTESY.has(word)) && !hasTopicWords(text, isStopword);
}

/** Subjects that say nobody knows: "keiner weiß, was …" describes a situation. */
const NOBODY = new Set(['keiner', 'niemand', 'kaum', 'nobody']);

/** The writer, who would want to know ("niemand kann *mir* sagen, wer …", "wir wissen nicht, wo …" hand the question on); "bei uns" is a place. */
const WRITER = new Set(['ich', 'wir', 'mir', 'uns', 'i', 'we', 'me', 'us']);

/**
 * True when the clause introducing an indirect question says that nobody knows it, without the
 * writer wanting to know: "bei uns weiß keiner so richtig, was die anderen machen" describes the
 * situation the question after it is about.
 */
function describesOthers(intro: string): boolean {
  const list = words(intro);
  return list.some((word) => NOBODY.has(word)) && !list.some((word, index) => WRITER.has(word) && list[index - 1] !== 'bei');
}

/** Most words of a bare phrase asked with a "?" ("mailadresse der laki?"). */
const BARE_PHRASE_WORDS = 6;

/** "…, wie früher halt", "wie gesagt": "wie" comparing, not asking, folded. */
const COMPARING_WIE = /^wie\s+(fruher|immer|gesagt|besprochen|ublich|gewohnt|erwahnt|bisher|vereinbart|angekundigt|gewunscht|gehabt|oben|folgt)\b/u;

/**
 * Finds what a message asks. Questions (a "?" or a question word/verb at the start), requests
 * ("ich brauche …") and indirect questions (", welches Dezernat …") are asked parts; courtesy
 * questions and everything else are context. With no asked piece, the last piece with topic
 * words is taken as the question (a keyword query or a bare noun phrase).
 *
 * @param isStopword the normaliser's stopword test, so pieces of only stopwords count as empty
 * @param namesTopic whether a text names something the knowledge base knows; a context piece that
 *   names nothing it knows is passed over when looking for what a part refers to
 */
export function findFocus(message: string, isStopword: (word: string) => boolean, namesTopic?: (text: string) => boolean): MessageFocus {
  const text = message.trim();
  // Most messages are one short question: nothing to split, so no need to look closer.
  if (isSimple(text) && (text.endsWith('?') || !splitFrontedPurpose(text)[0]) && !PURPOSE_PHRASE.test(text) && !REASON_PHRASE.test(text)) {
    if (!text) return { pieces: [], parts: [] };
    const request = !text.endsWith('?') && REQUEST.test(words(text).join(' '));
    const why = request ? 'a request ("ich brauche/suche …")' : 'the message is one clause';
    return { pieces: [{ text, role: request ? 'request' : 'question', why }], parts: [{ text, why, context: [] }] };
  }
  const pieces: MessagePiece[] = [];
  /** Indirect questions inside statements, with the clauses that introduce them. */
  const indirect = new Map<MessagePiece, string>();
  /**
   * Pieces that open the sentence after a spaced dash with a question word: a thin one goes on with
   * what the dash cut off ("Er möchte der LaKI etwas per E-Mail schicken – an welche Adresse?") and
   * leans on it. A yes/no question after a dash asks on its own ("Wir sind ein Kreis – können wir
   * ein KI aufbauen?" is read with its context as a whole).
   */
  const afterDash = new Set<MessagePiece>();
  const marked = splitMarkedSentences(message);
  const sentences = marked.map((sentence) => sentence.text);
  sentences.forEach((sentence, sentenceIndex) => {
    const asks = sentence.trimEnd().endsWith('?') || asksOnAfterDash(marked, sentenceIndex);
    /** The message's last (or only) sentence with no end mark at all: a question typed without its "?". */
    const unmarkedLast = sentenceIndex === sentences.length - 1 && !/[.!?:;]$/u.test(sentence.trimEnd());
    // "Für den Bericht brauche ich nur eins: Was …?" introduces the question that follows.
    const introduces = sentence.trimEnd().endsWith(':') && sentenceIndex < sentences.length - 1;
    const [fronted, rest] = asks ? [undefined, sentence] : splitFrontedPurpose(sentence);
    const firstOfSentence = pieces.length;
    if (fronted) pieces.push({ text: fronted, role: 'context', why: 'says what the request is for ("Für unsere Vorlage …")' });
    splitClauses(rest, asks, unmarkedLast).forEach((clause, index, all) => {
      const opens = opensQuestion(clause, asks);
      const request = REQUEST.test(words(clause).join(' '));
      let role: PieceRole;
      let why: string;
      if (introduces && index === all.length - 1) {
        [role, why] = ['context', 'introduces what follows (":")'];
      } else if (index > 0 && DOUBTED_PIECE.test(foldedPiece(clause)) && DOUBTED_ALTERNATIVE.test(foldedPiece(clause).replace(DOUBTED_PIECE, ''))) {
        [role, why] = ['context', DOUBTED_WHY];
      } else if (opens === 'interrogative' && (index > 0 || asks || all.length === 1 || unmarkedLast)) {
        [role, why] = ['question', index > 0 ? 'clause opens with a question word' : 'opens with a question word'];
      } else if (opens === 'verb' && index === 0 && (asks || all.length > 1)) {
        [role, why] = ['question', 'opens with a verb (yes/no question)'];
      } else if (opens === 'verb' && index === 0 && unmarkedLast) {
        // "… ist das bei den integrationszentren auch ein thema": typed without a question mark.
        [role, why] = ['question', 'the last sentence, unmarked, opens with a verb (yes/no question)'];
      } else if (request) {
        [role, why] = ['request', 'a request ("ich brauche/suche …")'];
      } else if (asks && all.length === 1) {
        [role, why] = ['question', 'ends with a question mark'];
      } else if (opens && index > 0) {
        [role, why] = ['question', 'clause opens a question'];
      } else {
        [role, why] = ['context', A_STATEMENT];
      }
      if (role !== 'context' && isCourtesy(clause, isStopword)) [role, why] = ['courtesy', 'asks for help, names no topic'];
      // "Gruß aus Düsseldorf", "Viele Grüße, Team Jugendamt": a closing, whatever place it names.
      if (CLOSING.test(foldedPiece(clause))) [role, why] = ['courtesy', 'a closing greeting'];
      const [purpose, asked] = splitPurposePhrase(clause);
      // "Mich interessiert, was …", "Ich wüsste gern, wo …", "Für die Sitzung benötige ich eine
      // kurze Darstellung, welche …": the request's object is the clause that follows; alone (its
      // purpose aside) it names no topic.
      if (request && index < all.length - 1 && !hasTopicWords(words(asked).join(' ').replace(REQUEST, ' '), isStopword)) {
        [role, why] = ['courtesy', 'a request whose object follows'];
      }
      if (purpose) pieces.push({ text: purpose, role: 'context', why: 'says what the answer is for ("für unseren Verteiler")' });
      const piece = { text: asked, role, why };
      if (role === 'question' && !asks && index > 0 && opens === 'interrogative') indirect.set(piece, all.slice(0, index).join(' '));
      if (index === 0 && sentenceIndex > 0 && marked[sentenceIndex - 1]!.atDash && opens === 'interrogative') afterDash.add(piece);
      pieces.push(piece);
    });
    // "moin, mailadresse der laki?": a sentence with a "?" whose only clause with topic words is
    // its last, after a greeting, asks for that clause when it is a bare phrase, not a statement
    // ("hallo, ich habe von einem Programm gehört, irgendwas mit Rucksack??").
    const last = pieces.length > firstOfSentence ? pieces.at(-1) : undefined;
    if (asks && last?.why === A_STATEMENT) {
      const lastWords = words(last.text);
      const phrase = lastWords.length <= BARE_PHRASE_WORDS && !SUBJECT_PRONOUNS.has(lastWords[0] ?? '');
      const greetingBefore = pieces.slice(firstOfSentence, -1).every((piece) => piece.role === 'context' && !hasTopicWords(piece.text, isStopword));
      if (phrase && greetingBefore) pieces[pieces.length - 1] = { text: last.text, role: 'question', why: 'the only clause with topic words in a sentence with "?"' };
    }
  });
  // "Wir überlegen, wie wir die freien Träger einbinden. … Ist das direkt ein Ministerium?": next to
  // a direct question, or to an indirect one handed to the reader ("Ich wüsste gern, ob …"), an
  // indirect one that nobody hands to the reader is what the writer weighs.
  const handedOn = (intro: string) => words(intro).some((word) => INQUIRY.has(word)) && !describesOthers(intro);
  const direct =
    pieces.some((piece) => piece.role === 'question' && piece.text.trimEnd().endsWith('?')) ||
    [...indirect.values()].some(handedOn);
  for (const [piece, intro] of indirect) {
    if (direct && !handedOn(intro)) {
      pieces[pieces.indexOf(piece)] = { text: piece.text, role: 'context', why: 'an indirect question the writer weighs, next to a question to the reader' };
    }
  }

  // "Ich benötige das Gesetz, auf dessen Grundlage … Wie heißt es?": a piece that only asks for
  // what the asked piece before it names asks that piece again ("wo sitzt sie?" asks more).
  // "Die Schulleitungen fragen, ob es Unterstützung bei der interkulturellen Öffnung gibt. Kann das
  // KI sowas?": naming only the actor, it asks whether the actor does what the piece before asked —
  // unless that piece asks who does it ("Wer spricht für die Zentren, macht das die LaKI?" offers an
  // answer) or names another actor ("Wie ist die Telefonnummer der LaKI? Hat das KI sowas auch?").
  const actorAskedOf = new Map<MessagePiece, string>();
  pieces.forEach((piece, index) => {
    if (piece.role !== 'question' && piece.role !== 'request') return;
    const again = asksAgain(piece.text, isStopword);
    const actor = again ? undefined : asksActorAgain(piece.text, isStopword) ? actorNamed(piece.text) : undefined;
    if (!again && !actor) return;
    const before = pieces.slice(0, index).reverse().find((other) => other.role !== 'courtesy' && hasTopicWords(other.text, isStopword));
    if (!before || (before.role !== 'question' && before.role !== 'request')) return;
    if (actor && (asksWho(before.text) || actorsNamed(before.text).some((named) => named !== actor))) return;
    pieces[index] = { text: piece.text, role: 'courtesy', why: again ? 'asks the piece before it again, names no topic' : 'asks whether the actor does what the piece before asked' };
    // The piece before is then asked of that actor.
    if (actor) actorAskedOf.set(before, actor);
  });
  const asked = pieces.filter((piece) => piece.role === 'question' || piece.role === 'request');
  const focal: MessagePiece[] =
    asked.length > 0
      ? asked
      : // The alternative the writer doubts is never what they ask ("… ne rolle oder geht es da nur um schule").
        pieces.filter((piece) => piece.role === 'context' && piece.why !== DOUBTED_WHY && hasTopicWords(piece.text, isStopword)).slice(-1);
  if (focal.length === 0) {
    // Only courtesy or nothing: read the whole message as one question, as it was written.
    const whole = message.trim();
    return { pieces, parts: whole ? [{ text: whole, why: 'no asked piece: the whole message', context: [] }] : [] };
  }
  const focalSet = new Set(focal);
  // Greetings and other pieces without topic words cannot help ranking: leave them out.
  const contextTexts = pieces
    .filter((piece) => !focalSet.has(piece) && piece.role === 'context' && hasTopicWords(piece.text, isStopword))
    .map((piece) => piece.text);
  const parts = focal.map((piece, index) => {
    const position = pieces.indexOf(piece);
    const antecedent = referentOf(piece.text, pieces.slice(0, position), isStopword, namesTopic);
    // "… einen Besuch bei der LaKI. Wo genau müssen wir da hin?" points at the place, not at the
    // visit; "… das Kürzel LaKI … Wofür steht die Abkürzung?" at the abbreviation (see abbreviationMeant).
    const pointedPhrase = antecedent
      ? (destinationPointedAt(piece.text, antecedent.text) ?? abbreviationMeant(piece.text, antecedent.text, namesTopic))
      : undefined;
    // A thin question pointing into a context sentence ("… dabei?") borrows that sentence's words;
    // a previous asked part is already read as context and, for a part without topic, as antecedent.
    // (Whether it points is asked only when a context sentence comes before it: most parts have none.)
    const cutOff = pieces[position - 1];
    const leansOn =
      asked.length === 0
        ? undefined
        : antecedent?.role === 'context' && pointsBefore(piece.text, message, isStopword)
          ? (pointedPhrase ?? mainClause(pointedAt(antecedent.text, namesTopic)))
          : afterDash.has(piece) && cutOff?.role === 'context' && words(piece.text).filter((word) => isTopicWord(word, isStopword)).length <= THIN_AFTER_DASH
            ? cutOff.text
            : writerIntroduction(piece.text, pieces.slice(0, position));
    const actor = (antecedent ? actorReferredTo(piece.text, antecedent.text, message, isStopword) : undefined) ?? actorAskedOf.get(piece);
    return {
      text: piece.text,
      why: asked.length > 0 ? piece.why : 'no question or request: the last sentence with topic words',
      context: index > 0 ? [...contextTexts, focal[index - 1]!.text] : contextTexts,
      ...(antecedent ? { antecedent: pointedPhrase ?? pointedAt(antecedent.text, namesTopic) } : {}),
      ...(leansOn ? { leansOn } : {}),
      ...(actor ? { actor } : {}),
    };
  });
  return { pieces, parts };
}

/**
 * True when a part points at what comes before it: a pointing adverb or a demonstrative standing
 * alone that does not point within the part itself, or "sie" for what was named before.
 */
function pointsBefore(text: string, message: string, isStopword: (word: string) => boolean): boolean {
  return (pointsBack(text, isStopword) && !pointsWithinItself(text, isStopword)) || saysShe(text, message);
}

/**
 * The abbreviation a part asking about "die Abkürzung" means in the sentence it refers to: the
 * LaKI's or the centres' (the knowledge explains them), or one the knowledge does not know (the
 * matcher then declines the part). Another abbreviation the knowledge uses without explaining it
 * ("NRW") is left to the whole sentence.
 */
function abbreviationMeant(part: string, sentence: string, namesTopic: ((text: string) => boolean) | undefined): string | undefined {
  if (!asksAbbreviation(part)) return undefined;
  const abbreviation = abbreviationIn(sentence);
  if (abbreviation === undefined) return undefined;
  return actorNamed(abbreviation) !== undefined || (namesTopic !== undefined && !namesTopic(abbreviation)) ? abbreviation : undefined;
}

/** Context pieces looked at, nearest first, for one the knowledge base knows something of. */
const REFERENT_REACH = 3;

/**
 * What a part refers to among the pieces before it: the nearest with topic words. A context piece
 * that names nothing the knowledge base knows is passed over for a nearer-by one that does ("… das
 * Kürzel LaKI. Ich trau mich nicht mehr zu fragen :) Wofür steht das?").
 */
function referentOf(
  part: string,
  before: readonly MessagePiece[],
  isStopword: (word: string) => boolean,
  namesTopic: ((text: string) => boolean) | undefined,
): MessagePiece | undefined {
  const candidates = before.filter((piece) => piece.role !== 'courtesy' && hasTopicWords(piece.text, isStopword)).reverse();
  // "… das Kürzel LaKI. Meine Kolleginnen benutzen es so selbstverständlich … Wofür steht *die
  // Abkürzung*?": the abbreviation is the one a piece before writes.
  if (asksAbbreviation(part)) {
    const writing = candidates.slice(0, REFERENT_REACH).find((piece) => abbreviationIn(piece.text) !== undefined);
    if (writing) return writing;
  }
  // "Bei uns tauchen neue Bedarfe auf, weil viele Familien gekommen sind. Macht die LaKI sowas?":
  // what a pointer stands for is what the sentence states, not the reason it gives.
  if (candidates[0] && REASON_PIECE.test(candidates[0].text) && candidates[1]?.role === 'context' && namesTopic?.(candidates[1].text)) {
    return candidates[1];
  }
  const nearest = candidates[0];
  if (!nearest || nearest.role !== 'context' || !namesTopic || namesTopic(nearest.text)) return nearest;
  return candidates.slice(1, REFERENT_REACH).find((piece) => piece.role === 'context' && namesTopic(piece.text)) ?? nearest;
}

/** A piece that gives the reason for the one before it (", weil …"), split off by {@link startsOwnPiece}. */
const REASON_PIECE = /^(?:weil|denn|zumal|because)\s/iu;

/**
 * "ich sitze in der Stabsstelle im Kreis Lippe und wir sollen ein Konzept schreiben": what a
 * pointer ("Kann die LaKI uns *dabei* beraten?") points at is what the writer said last, not who
 * the writer is — the introduction before "und …" is left out when at least three words follow.
 */
const INTRODUCED_CLAUSE =
  /^(?:ich\s+(?:bin|sitze?|arbeite)|bin|sitze?|arbeite|wir\s+sind)\b.*?(?:,\s*|\s+)und\s+(\S+\s+\S+\s+\S+.*)$/iu;

/** The writer as the one something is for: "für uns", "für mich", "Leute wie mich" ("Vereine wie unserer" names the kind itself). */
const FOR_THE_WRITER = /(?:^|[^\p{L}])(?:für|fuer|fur)\s+(?:uns|mich)(?=[^\p{L}]|$)|(?:^|[^\p{L}])wie\s+(?:mich|uns)(?=[^\p{L}]|$)/iu;

/** A sentence in which the writer says who they are ("ich bin Hebamme", "ich arbeite als Schulbegleiterin …"). */
const INTRODUCES_WRITER = /^(?:\S+\s+){0,3}?(?:ich\s+(?:bin|arbeite)|wir\s+sind)\s/iu;

/**
 * "Ich bin Hebamme … Eine Kollegin hat erzählt, dass das KI auch Fortbildungen *für uns* anbietet.
 * Stimmt das?": a part that asks for the writer leans on the sentence in which the writer says who
 * they are (the nearest before it), as a part pointing into a sentence does.
 */
function writerIntroduction(text: string, before: readonly MessagePiece[]): string | undefined {
  if (!FOR_THE_WRITER.test(text)) return undefined;
  for (let index = before.length - 1; index >= 0; index--) {
    const piece = before[index]!;
    if (piece.role === 'context' && INTRODUCES_WRITER.test(piece.text)) return piece.text;
  }
  return undefined;
}

/** A sentence without the writer's introduction ({@link INTRODUCED_CLAUSE}); the sentence itself when it has none. */
function withoutIntroduction(text: string): string {
  return INTRODUCED_CLAUSE.exec(text)?.[1] ?? text;
}

/**
 * What a later part points at in a sentence: a term the sentence quotes when the rest of the
 * sentence names nothing the knowledge base knows ("Mein Betreuer sagt ständig „LaKI“. Was ist
 * das?" asks what the LaKI is, not about the supervisor), else the sentence without the writer's
 * introduction ("Die KIs sehen Integrationspolitik als „Querschnittsaufgabe“ – was machen sie in
 * dem Zusammenhang?" is about the whole sentence).
 */
function pointedAt(text: string, namesTopic: ((text: string) => boolean) | undefined): string {
  const quote = namesTopic ? QUOTED_TERM.exec(text) : null;
  const term = quote?.[1]!.trim();
  if (!quote || !term || term.split(/\s+/u).length > MAX_QUOTED_TERM_WORDS) return withoutIntroduction(text);
  const rest = text.slice(0, quote.index) + text.slice(quote.index + quote[0].length);
  return namesTopic!(rest) ? withoutIntroduction(text) : term;
}

/** A term in quotation marks: „…“, “…”, "…", »…«, ‚…‘. */
const QUOTED_TERM = /[„“"»‚]([^„“”"»«‚‘’\n]{2,60})[“”"«‘’]/u;

/** Most words a quoted term has; a longer quotation is a sentence someone said, not a name. */
const MAX_QUOTED_TERM_WORDS = 3;

/** A comma opening a subordinate or relative clause (", weil …", ", wie …", ", die …"). */
const SUBORDINATE = /,\s*(?:wie|weil|da|dass|ob|wenn|obwohl|damit|die|der|das|denen|deren|dessen|wo|was|welche[rsnm]?)\s/iu;

/** Shortest main clause (in characters) kept alone: "Unsere Leitung meinte, das KI macht …" stays whole. */
const MIN_MAIN_CLAUSE = 25;

/**
 * What a pointer points at in a sentence is what its main clause names: "Wir haben viele ältere
 * Migrantinnen, die unsere Angebote kaum nutzen. Ist sowas Thema beim KI?" asks about the older
 * migrants, not about the offers of the relative clause.
 */
function mainClause(text: string): string {
  const match = SUBORDINATE.exec(text);
  return match && match.index >= MIN_MAIN_CLAUSE ? text.slice(0, match.index) : text;
}

/** Most topic words a piece after a dash has when it only goes on with the sentence before. */
const THIN_AFTER_DASH = 2;
