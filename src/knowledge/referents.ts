/**
 * Stage 1 of reading a message, last step: what a part points at among the pieces before it ("Kann
 * uns die LaKI *dabei* beraten?", "Wofür steht *die Abkürzung*?"), and what in that piece it points
 * at — the main clause, a quoted term, the writer's introduction left out. Pure functions over the
 * text; `sentences.ts` hands the result to the matcher as the part's antecedent and the sentence it
 * leans on.
 */
import { hasTopicWords } from './chatWords';
import { CONCEDES, EXAMPLE, GIVES_REASON } from './clauses';
import { abbreviationIn, actorNamed, actorsNamed, asksAbbreviation, pointsAtNamedThing, pointsBack, pointsWithinItself, saysShe, saysSuchAThing } from './pointers';
import { fold } from './text';

/** A piece of a message as far as pointing is concerned: its text and whether it asks (see `sentences.ts`). */
interface Piece {
  readonly text: string;
  readonly role: 'question' | 'request' | 'context' | 'courtesy';
}

/**
 * True when a part points at what comes before it: a pointing adverb or a demonstrative standing
 * alone that does not point within the part itself, or "sie" for what was named before.
 */
export function pointsBefore(text: string, message: string, isStopword: (word: string) => boolean): boolean {
  return (pointsBack(text, isStopword) && !pointsWithinItself(text, isStopword)) || saysShe(text, message);
}

/**
 * The abbreviation a part asking about "die Abkürzung" means in the sentence it refers to: the
 * LaKI's or the centres' (the knowledge explains them), or one the knowledge does not know (the
 * matcher then declines the part). Another abbreviation the knowledge uses without explaining it
 * ("NRW") is left to the whole sentence.
 */
export function abbreviationMeant(part: string, sentence: string, namesTopic: ((text: string) => boolean) | undefined): string | undefined {
  if (!asksAbbreviation(part)) return undefined;
  const abbreviation = abbreviationIn(sentence);
  if (abbreviation === undefined) return undefined;
  return actorNamed(abbreviation) !== undefined || (namesTopic !== undefined && !namesTopic(abbreviation)) ? abbreviation : undefined;
}

/**
 * True when a piece only gives the reason for, or concedes something against, the statement
 * before it ("…, weil viele Familien gekommen sind", "Weil viele Familien gekommen sind."): not
 * when a main clause of its own follows ("Obwohl es viele Vereine gibt, weiß keiner, was …").
 */
function qualifiesStatement(piece: string): boolean {
  const folded = fold(piece);
  return (GIVES_REASON.test(folded) || CONCEDES.test(folded)) && !/,\s*\S/u.test(piece);
}

/**
 * A sentence reporting what is already done or settled, folded: an auxiliary, "schon"/"bereits" and a
 * word shaped like a participle that ends its clause ("Die Seniorenberatung hat schon Flyer gemacht,
 * bringt nix", "Mit dem Jobcenter haben wir bereits gesprochen"), or "geklärt", "erledigt",
 * "verplant", "abgedeckt" — not what has lasted ("ist schon immer schwierig gewesen", "beschäftigen
 * uns schon lange mit …") nor what the writer already knows ("…, weiß ich schon"): a pointer after
 * those points into them.
 */
const SETTLED =
  /(?:^|\s)(?:hat|haben|habe|hab|hatte|hatten|ist|sind|war|waren|wurde|wurden)\s(?:[^,.;!?]*\s)?(?:schon|bereits)\s(?:[^,.;!?]*\s)?(?!gewesen)(?:ge|ver|be|er|ent|zer)\p{L}{3,}(?:t|en)(?=\s*(?:[,.;!]|$)|\s+(?:aber|und|doch|trotzdem)\s)|(?:^|\s)(?:geklart|erledigt|verplant|abgedeckt)(?=[\s.,!]|$)/u;

/** True when a piece reports something already done or settled ({@link SETTLED}). */
export function reportsSettled(piece: string): boolean {
  return SETTLED.test(fold(piece));
}

/** Context pieces looked at, nearest first, for one the knowledge base knows something of. */
const REFERENT_REACH = 3;

/** A capitalised word after the first: a noun written as one. */
const WRITTEN_NOUN = /(?<=\s)\p{Lu}[\p{L}'’-]*/gu;

/** True when a part's nouns are all actors ("Ist das die *LaKI*?", "Ist dafür die LaKI zuständig?"). */
function namesNoThingButActors(part: string): boolean {
  for (const [noun] of part.matchAll(WRITTEN_NOUN)) if (actorsNamed(noun).length === 0) return false;
  return true;
}

/**
 * What a part refers to among the pieces before it: the nearest with topic words. A context piece
 * that names nothing the knowledge base knows is passed over for a nearer-by one that does ("… das
 * Kürzel LaKI. Ich trau mich nicht mehr zu fragen :) Wofür steht das?").
 */
export function referentOf(
  part: string,
  before: readonly Piece[],
  isStopword: (word: string) => boolean,
  namesTopic: ((text: string) => boolean) | undefined,
): Piece | undefined {
  const candidates = before.filter((piece) => piece.role !== 'courtesy' && hasTopicWords(piece.text, isStopword)).reverse();
  // "… das Kürzel LaKI. Meine Kolleginnen benutzen es so selbstverständlich … Wofür steht *die
  // Abkürzung*?": the abbreviation is the one a piece before writes.
  if (asksAbbreviation(part)) {
    const writing = candidates.slice(0, REFERENT_REACH).find((piece) => abbreviationIn(piece.text) !== undefined);
    if (writing) return writing;
  }
  // "Bei uns tauchen neue Bedarfe auf, weil viele Familien gekommen sind. Macht die LaKI sowas?":
  // "sowas" stands for what the sentence states, not for the reason it gives or what it concedes
  // ("…, obwohl es im Quartier viele gibt. Wer kümmert sich um sowas?"), while "da" in "Wir gründen
  // keins, weil uns der Erlass zu kompliziert ist. Was steht da drin?" may point into the reason.
  // What a piece concedes is never the problem a pointer asks about ("…, dass ältere Migranten unsere
  // Begegnungsstätten kaum nutzen, obwohl im Quartier viele wohnen. Kann das KI da was machen?").
  const [nearest, stated] = candidates;
  if (
    nearest &&
    stated &&
    (saysSuchAThing(part) || (CONCEDES.test(fold(nearest.text)) && !pointsAtNamedThing(part, isStopword))) &&
    qualifiesStatement(nearest.text) &&
    stated.role === 'context' &&
    namesTopic?.(stated.text)
  ) {
    return stated;
  }
  // "Mir ist nicht klar, wer die KIs nach außen vertritt, z.B. gegenüber dem Land. Ist das die LaKI?":
  // an example the writer gives belongs to the piece before it; a part naming no thing but the
  // actors points at both. (One naming a thing of its own, "Gibt es da einen Austausch?", is
  // carried by it; the piece before would only dilute it.)
  if (
    nearest &&
    stated &&
    nearest.role === 'context' &&
    stated.role === 'context' &&
    EXAMPLE.test(nearest.text.trimStart()) &&
    namesNoThingButActors(part) &&
    namesTopic?.(stated.text)
  ) {
    return { text: `${stated.text}, ${nearest.text}`, role: 'context' };
  }
  // "… kommen kaum ältere Zugewanderte an. Die Seniorenberatung hat schon Flyer gemacht, bringt nix.
  // Kann das KI da helfen?": what the writer has already done or settled is not what they ask about.
  if (nearest && nearest.role === 'context' && namesTopic && reportsSettled(nearest.text)) {
    const earlier = candidates
      .slice(1, REFERENT_REACH)
      .find((piece) => piece.role === 'context' && !reportsSettled(piece.text) && !onlyIntroducesWriter(piece.text) && namesTopic(piece.text));
    if (earlier) return earlier;
  }
  if (!nearest || nearest.role !== 'context' || !namesTopic || namesTopic(nearest.text)) return nearest;
  return candidates.slice(1, REFERENT_REACH).find((piece) => piece.role === 'context' && namesTopic(piece.text)) ?? nearest;
}


/**
 * "ich sitze in der Stabsstelle im Kreis Lippe und wir sollen ein Konzept schreiben": what a
 * pointer ("Kann die LaKI uns *dabei* beraten?") points at is what the writer said last, not who
 * the writer is — the introduction before "und …" is left out when at least three words follow.
 */
const INTRODUCED_CLAUSE =
  /^(?:ich\s+(?:bin|sitze?|arbeite)|bin|sitze?|arbeite|wir\s+sind)\b.*?(?:,\s*|\s+)und\s+(\S+\s+\S+\s+\S+.*)$/iu;

/**
 * The writer as the one something is for: "für uns", "für mich", "Leute wie mich", "was kann das KI
 * uns anbieten?" ("Vereine wie unserer" names the kind itself); in English "for us", "people like
 * me" and "organisations like ours", where the possessive stands alone for the writer's own kind.
 */
const FOR_THE_WRITER =
  /(?:^|[^\p{L}])(?:für|fuer|fur)\s+(?:uns|mich)(?=[^\p{L}]|$)|(?:^|[^\p{L}])(?:for|like)\s+(?:us|me|ours|mine)(?=[^\p{L}]|$)|(?:^|[^\p{L}])wie\s+(?:mich|uns)(?=[^\p{L}]|$)|(?:^|[^\p{L}])(?:uns|mir)\s+(?:\p{L}+\s+)?(?:anbieten|bieten)(?=[^\p{L}]|$)|(?:^|[^\p{L}])biete[tn]?\s(?:\S+\s+){0,4}?(?:uns|mir)\s+(?:\p{L}+\s+)?an(?=[^\p{L}]|$)/iu;

/** A sentence in which the writer says who they are ("ich bin Hebamme", "ich arbeite als Schulbegleiterin …", "I work for …", "we're a …"). */
const INTRODUCES_WRITER = /^(?:\S+\s+){0,3}?(?:ich\s+(?:bin|arbeite)|wir\s+sind|i\s+(?:am|work|teach)|i['’]m|we\s+are|we['’]re)\s/iu;

/**
 * "Ich bin Hebamme … Eine Kollegin hat erzählt, dass das KI auch Fortbildungen *für uns* anbietet.
 * Stimmt das?": a part that asks for the writer leans on the sentence in which the writer says who
 * they are (the nearest before it), as a part pointing into a sentence does.
 */
export function writerIntroduction(text: string, before: readonly Piece[]): string | undefined {
  if (!FOR_THE_WRITER.test(text)) return undefined;
  for (let index = before.length - 1; index >= 0; index--) {
    const piece = before[index]!;
    if (piece.role === 'context' && INTRODUCES_WRITER.test(piece.text)) return piece.text;
  }
  return undefined;
}

/**
 * Where the writer says who they are, at the start of a sentence or after a greeting: "Wir sind
 * ein Museum …", "ich leite die Musikschule …", "ich arbeite in der Stadtbibliothek …", "hier ist
 * das Kulturbüro …".
 */
const WRITER_SELF = /^(?:\S+\s+){0,3}?(?:ich\s+(?:bin|arbeite|leite)|wir\s+sind|hier\s+ist|i\s+(?:am|work|teach|run|lead)|i['’]m|we\s+are|we['’]re)\s/iu;

/**
 * The sentence in which the writer says who they are, before a part that points into another
 * sentence (`pointed`), when it names something the knowledge base knows: "*Wir sind eine
 * Musikschule in Essen.* Kinder mit Migrationshintergrund sind bei uns stark unterrepräsentiert.
 * Kann das KI da unterstützen?". Only the introduction, not what the writer goes on to say after
 * it ("ich bin Erzieherin *und wir suchen …*").
 */
export function writersSelf(before: readonly Piece[], pointed: string, namesTopic: ((text: string) => boolean) | undefined): string | undefined {
  if (!namesTopic) return undefined;
  const piece = before.find((candidate) => candidate.role === 'context' && WRITER_SELF.test(candidate.text));
  if (!piece || piece.text === pointed) return undefined;
  const self = INTRODUCED_CLAUSE.test(piece.text) ? piece.text.slice(0, piece.text.length - withoutIntroduction(piece.text).length).replace(/(?:,\s*|\s+)und\s*$/u, '') : piece.text;
  return namesTopic(self) ? self : undefined;
}

/** True when a sentence says who the writer is and nothing after it ("Ich bin in der Verwaltung der Stadt Hamm."). */
function onlyIntroducesWriter(text: string): boolean {
  return INTRODUCES_WRITER.test(text) && withoutIntroduction(text) === text;
}

/** A sentence without the writer's introduction ({@link INTRODUCED_CLAUSE}); the sentence itself when it has none. */
function withoutIntroduction(text: string): string {
  const rest = INTRODUCED_CLAUSE.exec(text)?.[1];
  if (rest === undefined) return text;
  // "Wir sind ein Verein, der von Migrantinnen gegründet wurde *und* Frauen beim Ankommen hilft":
  // an "und" without a comma after a relative or subordinate clause joins that clause's verbs; the
  // writer's introduction goes on to the end.
  const head = text.slice(0, text.length - rest.length);
  return SUBORDINATE.test(head) && !/,\s*und\s*$/u.test(head) ? text : rest;
}

/**
 * What a later part points at in a sentence: a term the sentence quotes when the rest of the
 * sentence names nothing the knowledge base knows ("Mein Betreuer sagt ständig „LaKI“. Was ist
 * das?" asks what the LaKI is, not about the supervisor), else the sentence without the writer's
 * introduction ("Die KIs sehen Integrationspolitik als „Querschnittsaufgabe“ – was machen sie in
 * dem Zusammenhang?" is about the whole sentence).
 */
export function pointedAt(text: string, namesTopic: ((text: string) => boolean) | undefined): string {
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
export function mainClause(text: string, namesTopic?: (text: string) => boolean): string {
  const match = SUBORDINATE.exec(text);
  if (!match || match.index < MIN_MAIN_CLAUSE) return text;
  const main = text.slice(0, match.index);
  return namesTopic && namesMostlyLocal(main, namesTopic) && namesTopic(text.slice(match.index)) ? text : main;
}

/**
 * "Wir bauen in Velbert mit der Tafel, dem Caritas-Migrationsdienst und dem SV Rot-Weiß ein Netzwerk
 * auf, das Integration als Querschnittsaufgabe versteht.": a main clause whose nouns are mostly the
 * writer's own bodies and places, which the knowledge base does not know, tells their situation;
 * what they point at is said by the clause after it too. (Its first word is left out: it is
 * capitalised as the sentence's start.)
 */
function namesMostlyLocal(main: string, namesTopic: (text: string) => boolean): boolean {
  const nouns = main.split(/[\s,;()]+/u).slice(1).filter((word) => /^\p{Lu}/u.test(word));
  if (nouns.length < MIN_LOCAL_NAMES) return false;
  let local = 0;
  for (const noun of nouns) if (!namesTopic(noun)) local++;
  return local > nouns.length - local;
}

/** Fewest capitalised words before a main clause can be mostly local names. */
const MIN_LOCAL_NAMES = 3;

/** A verb by which the writer says what they want, plan or look for ("wünscht sich", "möchten", "wollen", "planen"), folded. */
const WISHES = /(?:^|\s)(?:wunsch(?:t|en|e)|mocht(?:e|en)|woll(?:en|t)|will|plan(?:en|t|e)|such(?:en|t|e)|brauch(?:en|t|e)|uberleg(?:en|t|e))(?=[^\p{L}]|$)/u;

/** A boundary between two main clauses of one sentence: ", und", " und ", ", aber", "; ". */
const CLAUSE_JOIN = /\s*(?:,\s*(?:und|aber|doch)?|;|\s+und|\s+aber)\s+/u;

/**
 * "wir haben 28 Nationalitäten an der Schule und das Kollegium wünscht sich Fortbildung zum Umgang
 * mit Vielfalt. Macht ihr sowas?": of a sentence of several clauses (cut at commas and "und"/"aber"),
 * a pointer points at the last one in which the writer says what they want, with what follows it —
 * the clauses before it describe the situation. Only when that clause names a topic besides its
 * wish verb ("die Leitung plant einen Elternabend" names none); otherwise the whole sentence.
 */
export function wishedClause(text: string, namesTopic: ((text: string) => boolean) | undefined): string {
  const clauses = text.split(CLAUSE_JOIN);
  if (clauses.length < 2 || !namesTopic) return text;
  for (let index = clauses.length - 1; index > 0; index--) {
    if (!WISHES.test(fold(clauses[index]!))) continue;
    const wished = clauses.slice(index).join(' ');
    const withoutWish = wished.split(/\s+/u).filter((word) => !WISHES.test(fold(word))).join(' ');
    return namesTopic(withoutWish) ? wished : text;
  }
  return text;
}
