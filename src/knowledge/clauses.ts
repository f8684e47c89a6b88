/**
 * Stage 1 of reading a message, second step: cutting a sentence into clauses where a new question
 * starts (", welches Dezernat …", "… und wo sitzt sie?") or a piece of its own begins (a new
 * statement, an example, a reason, the alternative the writer doubts), and telling whether a clause
 * opens a question or makes a request. Pure functions over the text; `sentences.ts` gives each
 * clause its role.
 */
import { FRONTED_ADVERBS, INTERROGATIVES, joinedWords, PLURAL_REQUEST_VERBS, PREPOSITIONS, QUESTION_VERBS, REPORT_POINTERS, REQUEST_VERBS, SUBJECT_PRONOUNS, words } from './chatWords';
import { foldedSource, SALUTATION as SALUTATION_WORDS } from './greetings';
import { namesActor } from './pointers';
import { fold } from './text';

/** Adverbs that sharpen a question word without naming anything ("wodurch genau", "wo eigentlich"). */
const QUESTION_ADVERBS = new Set(['genau', 'eigentlich', 'denn', 'konkret', 'ungefahr', 'jetzt', 'nun']);

/** The first-person request verbs ({@link REQUEST_VERBS}) and the spoken "brauch" ("ich brauch die Nummer"), a pattern's source. */
const FIRST_PERSON_REQUEST = ['brauch', ...REQUEST_VERBS].join('|');

/** The plural request verbs ({@link PLURAL_REQUEST_VERBS}), a pattern's source. */
const PLURAL_REQUEST = PLURAL_REQUEST_VERBS.join('|');

/**
 * A request phrased as a statement: "ich brauche …", "suche …", "hätte gern …", "bitte ich um …", "mir fehlt noch …",
 * "wäre nett, wenn Sie …", "Bitte schicken Sie mir …", "schick mir mal …" (opening its clause), "I need …". A plural verb asks only with its
 * "wir" ("wir suchen …"): "… Geflüchtete, die eine Ausbildung suchen" is a relative clause.
 */
export const REQUEST = new RegExp(
  String.raw`(^|\s)((ich\s+)?(${FIRST_PERSON_REQUEST})|ich\s+such|wir\s+(${PLURAL_REQUEST})|(bitte\s+)?(schicken|senden|nennen|geben|sagen|mailen|ubermitteln)\s+sie\s+(mir|uns)|^(bitte\s+)?(schick|schicke|send|sende|nenn|nenne|gib|sag|sage|mail|maile)\s+(mir|uns)|hatte\s+gerne?|hatten\s+gerne?|wusste\s+gerne?|mochte\s+(gerne?\s+)?(wissen|erfahren|fragen)|mochten\s+(gerne?\s+)?(wissen|erfahren)|wurde\s+gerne?\s+(wissen|erfahren)|wurden\s+gerne?\s+(wissen|erfahren)|interessiere\s+mich|(ich\s+|wir\s+)?bitten?\s+(ich\s+|wir\s+)?um|mich\s+interessiert|mich\s+wurde\s+interessieren|ware?\s+(sehr\s+)?(nett|schon|super|toll|klasse|prima|lieb|freundlich|hilfreich|dankbar)|waren\s+(sehr\s+)?dankbar|(mir|uns)\s+(fehlt|fehlen)\s+([\p{L}]+\s+){0,2}noch(?!\s+(einiges|vieles|etwas|viel|manches|ein\s+bisschen|so\s+einiges)\b)|^bitte\s+(einmal\s+|mal\s+|kurz\s+|noch\s+)?(die|den|das|um)|i\s+need|we\s+need|looking\s+for|i\s+would\s+like|i'd\s+like|please\s+(send|tell|give))(\s|$)`,
  'u',
);

/**
 * A request that opens a clause with "ich", or with its verb alone ("… und (ich) suche die
 * Regelung …", "… und bräuchte dafür noch die Mailadresse"), folded. With "wir" the clause mostly tells what the writer's office is doing
 * ("… und wir suchen Partner"), unless it asks to know ("… und würden gern wissen, ob …").
 */
const JOINED_REQUEST = new RegExp(
  String.raw`^(ich\s+(${FIRST_PERSON_REQUEST}|hatte|wusste|mochte|wurde)|${REQUEST_VERBS.join('|')}|(hatte|wusste)\s+gerne?|(wir\s+)?(wurden|mochten|wussten)\s+(gerne?\s+)?(wissen|erfahren))(\s|$)`,
  'u',
);

/** A salutation opening a message ("Sehr geehrte Frau Dr. Schmidt", "Liebes LaKI-Team", "Hallo zusammen"), folded: its words ({@link SALUTATION_WORDS}) and a few of address. */
const SALUTATION = new RegExp(String.raw`^(?:${foldedSource(SALUTATION_WORDS)})(\s+[^\s]+){0,4}$`, 'u');

/** An example the writer gives after a comma ("…, z.B. wenn ein Zentrum ein gutes Projekt hat"). */
export const EXAMPLE = /^(z\.\s?b\.|zb\b|zum beispiel|bspw\.|beispielsweise|etwa\s+(wenn|bei|beim|im|in|für|fur|mit)\b|e\.\s?g\.)/iu;

/**
 * What the writer does not mean, after a comma: "…, also nicht nur mit einem einzelnen Workshop?",
 * "…, not just a one-off event": context that sets off what is asked, not a part of it.
 */
const NOT_ONLY = /^(?:(?:also|und|aber|and|so)\s+)?(?:nicht\s+(?:nur|bloß|bloss|einfach)|not\s+(?:just|only|merely))\s/iu;

/**
 * A clause opening with a possessive or a personal subject starts a new statement, as does "da"
 * with the writer as subject ("…, da haben wir gerade Bedarf").
 */
const NEW_STATEMENT = /^(?:(mein|meine|meiner|unser|unsere|unserer|ich|wir|mir|uns|my|our|we|i)|da\s+\S+\s+(wir|ich))\s/iu;

/**
 * A main clause with its verb second after a comma: "…, Haushaltsmittel sind noch nicht eingeplant",
 * "…, intern haben wir nur die Sachberichte" — not a relative or subordinate clause, nor a question
 * (and only in a sentence that does not ask, see `startsOwnPiece`). A subject with its article
 * ("…, die Mittel sind …") is left with the clause before: "die" may open a relative clause.
 */
const VERB_SECOND_STATEMENT =
  /^(?!(?:der|die|das|dem|den|des|denen|deren|dessen|was|wer|wen|wem|wie|wo|wann|warum|wieso|weshalb|wozu|wofur|wofür|ob|dass|wenn|weil|welche[rsnm]?|so|und|oder|aber|es|man|sie|er|ihr|du)\s)[\p{L}-]{3,}\s+(?:hat|haben|habe|hab|ist|sind|war|waren|wird|werden)\s/iu;

/** Words that open a rephrasing of the clause before ("also", "sprich", "bzw."). */
const REPHRASING = /^(also|sprich|bzw|beziehungsweise|genauer|d\.\s?h|i\.\s?e|that is)\b/iu;

/**
 * The alternative a yes/no question doubts, after "oder", folded: "oder ist das nur Schule?",
 * "oder machen die nur Einzelberatung?", "oder sind die dafür nicht zuständig?", "oder nur für
 * Lehrkräfte?", and the burden the writer fears is left to them: "oder muss ich da selbst
 * rumtelefonieren?", "oder müssen wir das selbst machen?" (not "oder entscheiden wir das selbst?",
 * a choice of its own).
 */
export const DOUBTED_ALTERNATIVE =
  /^(?:(muss|musst|mussen|muessen|soll|sollen)\s+(ich|wir|man)\s+(?:\S+\s+){0,3}?(selbst|selber|alleine?)\b|(ist|sind|geht|gilt|bleibt)\s+(das|es|dies|die|der)\s+(eher|nur|bloss|ausschliesslich|doch\s+nur|vor allem|hauptsachlich|allein|alleine)\b|\S+\s+(?:\S+\s+){0,3}?(nur|bloss|ausschliesslich|lediglich|allein|alleine|eher|einfach|gar\s+nicht|nicht|jeder|jede|jedes)\b|(nur|bloss|ausschliesslich|lediglich)\s+\S|(eher\s+|doch\s+|gar\s+)?nicht\s*[?.!]*$)/u;

/**
 * A rhetorical question, its words folded and joined by spaces: it expects no answer and tells how the
 * writer sees their situation. "Wer kennt das nicht?", "Wer hat sowas nicht schon erlebt?", "wer will
 * (da) schon …", "Wer soll das (sonst/auch/alles) bezahlen?", "Wer blickt da noch durch?", "Kann ja
 * wohl nicht sein, oder?", "Das kennt doch jeder, oder?", "Typisch Verwaltung, oder?", "Kommt euch
 * bekannt vor?", "Wer kann's ihm verdenken?", "Ist das fair?". (Not "Ob die Teams darauf vorbereitet
 * sind?": a terse "Ob …?" is as often a real question.)
 */
export const RHETORICAL =
  /^(?:wer\s(?:\S+\s)*?(?:nicht|schon)(?:\s|$)|(?:wer|was|wen|wem)\s(?:soll|sollen|sollte|sollten)\s(?:\S+\s)*?(?:sonst|auch|alles|etwa)(?:\s|$)|(?:wer|was)\s(?:\S+\s)*?(?:durchblick\S*|blickt(?:\s\S+)*\sdurch)$|(?:ist|war|wäre|ware)\s(?:das|es)\s(?:\S+\s)?(?:fair|gerecht)$)|(?:\sja\swohl\s|^typisch\s|\skennt\s(?:doch|ja)\s)(?:\S+\s)*?oder$|\sbekannt\svor$|\sverdenken$/u;

/**
 * Articles before an actor as a subject ("entwickeln *die* KI …", "berät *das* Integrationszentrum …");
 * not "der", which before an actor is mostly a genitive ("…, Arbeit *der* KIs und …").
 */
const SUBJECT_ARTICLES: ReadonlySet<string> = new Set(['die', 'das']);

/** Verbs of saying, folded: "…, meinten die KIs auf der Tagung, …" reports speech, it does not ask. */
const SAYING: ReadonlySet<string> = new Set(['meinen', 'meinten', 'meint', 'sagen', 'sagten', 'sagt', 'schreiben', 'schrieben', 'schreibt', 'erklaren', 'erklarten', 'erklart', 'betonen', 'betonten', 'betont']);

/**
 * True when a clause opens with a finite verb that no list names, followed by its subject
 * ("Entscheiden wir das selbst …", "Kümmern sich die KIs …", "entwickeln die KI auch …"): a yes/no
 * question.
 */
function opensWithVerbAndSubject(list: readonly string[]): boolean {
  const [first, second, third] = list;
  return (
    first !== undefined &&
    second !== undefined &&
    (SUBJECT_PRONOUNS.has(second) || (SUBJECT_ARTICLES.has(second) && third !== undefined && namesActor(third) && !SAYING.has(first))) &&
    first.length >= 4 &&
    /(en|ern|eln|t|st)$/u.test(first) &&
    !FRONTED_ADVERBS.has(first) &&
    !INTERROGATIVES.has(first) &&
    !PREPOSITIONS.has(first)
  );
}

/**
 * True when the first words (after a preposition or "und") are a question word or a question verb;
 * in a sentence that asks ("?"), also any verb followed by its subject ("Entscheiden wir …?").
 */
export function opensQuestion(text: string, asks = false): 'interrogative' | 'verb' | null {
  const list = words(text);
  if (list[0] === 'wie' && COMPARING_WIE.test(list.slice(0, 2).join(' '))) return null;
  // "… dabei, wenn sich – wie bei unseren 11 Partnergrundschulen – ein Kollegium …?": an example the
  // writer compares with, unless it carries the "?" itself ("Wie bei uns?").
  if (list[0] === 'wie' && COMPARING_BEFORE.has(list[1] ?? '') && !text.trimEnd().endsWith('?')) return null;
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
 * "und/oder/…", the space after a verb of asking, or the space before English "whether", which
 * opens an indirect question without the comma German writes before "ob" ("My colleague asked me
 * whether the KI …"). Never an empty match. One shared object read with `exec` (nothing else uses
 * it): `matchAll` would copy the pattern on every sentence.
 */
const CLAUSE_BOUNDARY = /(,\s*(?:und\s+|oder\s+|sowie\s+)?|\s+(?:und|oder|sowie|and|or)\s+|(?<=\s(?:fragen|wissen|erfahren|herausfinden|klären|nachfragen|know|wondering|wonder))\s+|\s+(?=whether\s))/giu;

/**
 * True when what follows a comma is a piece of its own:
 * - a new statement: "…, mein Chef will das wissen", "…, Haushaltsmittel sind noch nicht
 *   eingeplant" (context of its own);
 * - in a statement, what someone is reported to have said ("Unser Dezernent sagt, für die KIs gebe
 *   es …", see {@link REPORTS_SPEECH});
 * - an example: "…, z.B. wenn ein Zentrum ein gutes Projekt hat" (context, not what is asked);
 * - the reason or concession the writer gives: "… die Mailadresse, weil ich sie der Vorlage anhängen
 *   will", "…, obwohl wir keine Kommune im engeren Sinne sind", and the purpose of a request to be
 *   given something ("… die Postanschrift nennen, damit nichts verloren geht", see {@link GIVING});
 * - when the writer needs it: "…, bevor wir nächste Woche einen Termin haben";
 * - in a question, what the writer does not mean ("…, nicht nur Schulen?"); in a statement it is
 *   part of the claim told ("I heard the KIs also work on health, not only on schools. Is this
 *   right?"), as after "und";
 * - in a statement, what was heard ("Ich habe gehört, dass das KI Fortbildungen anbietet. Stimmt
 *   das?") or what follows "aber" ("Die Besuchsadresse hab ich schon, aber die Postanschrift ist
 *   eine andere"), so that a later "das" or "die" points at it and not at the speaker.
 */
function startsOwnPiece(rest: string, asks: boolean, before: string): boolean {
  if (NEW_STATEMENT.test(rest) || EXAMPLE.test(rest) || (asks && NOT_ONLY.test(rest))) return true;
  // In a sentence that asks, only after a clause that asks on its own ("Berät die LaKI bei der
  // Einrichtung, intern haben wir nur die Sachberichte?"); "Noch was, Rucksack-Kita wird … angeboten?" stays whole.
  if (VERB_SECOND_STATEMENT.test(rest) && (!asks || opensQuestion(before, asks) !== null)) return true;
  const folded = fold(rest);
  // "Wer gibt den Rahmen vor, das Land oder wir als Kreis?": the answers the writer offers to a
  // "who" question are a piece of their own (context, as after a question mark).
  if (asks && WHO_QUESTION.test(fold(before).trimStart()) && OFFERED_ACTORS.test(folded) && words(rest).length <= MAX_OFFERED_WORDS) return true;
  if (/^damit\s/u.test(folded) && (GIVING.test(fold(before)) || REQUEST.test(joinedWords(before)))) return true;
  if (!asks && reportsSpeech(fold(before).trim(), folded)) return true;
  return GIVES_REASON.test(folded) || CONCEDES.test(folded) || TELLS_WHEN.test(folded) || PREFERS_WHEN.test(folded) || (!asks && /^(dass|aber)\s/u.test(folded));
}

/**
 * A clause that reports what someone said, heard or read, closing before its comma, folded
 * ("Unser Dezernent *sagt*, für die KIs gebe es …", "Unsere Ansprechpartnerin hat *erzählt*, sie
 * tausche sich …", "Im Faltblatt *steht*, …", "Bei uns *heißt es*, …"): what is reported is a piece
 * of its own, so that a later "das" or "der" points at it and not at the speaker, whose words
 * ("Dezernent", "Vorgängerin") are no topic.
 */
const REPORTS_SPEECH =
  /(?:^|\s)(?:sagt|sagte|sagten|sagen|gesagt|meint|meinte|meinten|gemeint|erzahlt|erzahlte|erzahlten|schreibt|schrieb|geschrieben|behauptet|behauptete|berichtet|berichtete|erklart|erklarte|gehort|gelesen|heisst\s+es|hiess\s+es|steht|stand|stehe)$/u;

/** Most words of a bare report ("Unsere Ansprechpartnerin im KI hat erzählt"); a longer clause tells more than who said it. */
const MAX_REPORT_WORDS = 6;

/** A word pointing back at what was said before ({@link REPORT_POINTERS}: "da", "dafür", "sowas"), folded. */
const POINTS_BACK = new RegExp(String.raw`(?:^|\s)(?:${[...REPORT_POINTERS].join('|')})(?=[\s.,!?]|$)`, 'u');

/**
 * True when `before` is a bare report of speech ({@link REPORTS_SPEECH}; no "von": "eine Kollegin hat
 * *von* so einem Programm erzählt, das …" tells what about) and what is reported, `rest`, stands on
 * its own: it does not point back itself ("Mein Teamleiter meinte, das KI hätte *da* was").
 */
function reportsSpeech(before: string, rest: string): boolean {
  const list = before.split(/\s+/u);
  return REPORTS_SPEECH.test(before) && list.length <= MAX_REPORT_WORDS && !list.includes('von') && !POINTS_BACK.test(rest);
}

/** A question asking who, folded ("Wer gibt …", "Von wem …", "Bei wem …"). */
const WHO_QUESTION = /^(?:\S+\s+)?(?:wer|wem|wen|who)\s/u;

/** Two actors offered as answers, each with its article or pronoun ("das Land oder wir als Kreis", "die LaKI oder das KI vor Ort"), folded. */
const OFFERED_ACTORS = /^(?:der|die|das|den|dem|wir|ich|man|uns|unser\S*|jede[rsnm]?|the|we)\s+(?:\S+\s+){0,3}(?:oder|or)\s+(?:der|die|das|den|dem|wir|ich|man|uns|unser\S*|jede[rsnm]?|the|we)(?:\s|[?!.]|$)/u;

/** Most words of the actors offered ({@link OFFERED_ACTORS}); a longer clause says more than its options. */
const MAX_OFFERED_WORDS = 8;

/**
 * A clause telling when the writer needs it ("…, bevor wir nächste Woche einen Termin haben"),
 * folded: a piece of its own. Only with the writer as its subject: "…, während der Ferien?" or
 * "…, solange die Landesmittel fehlen?" is part of what is asked.
 */
const TELLS_WHEN = /^(bevor|nachdem|sobald|solange|wahrend)\s+(wir|ich)\s/u;

/**
 * When or how soon the writer would like it, after a comma ("…, am liebsten im Oktober an zwei
 * Nachmittagen", "…, gern noch vor dem Kita-Jahr ab 1. August", "…, wenn möglich bis Freitag"),
 * folded: a piece of its own, so its dates do not make what is asked a question about deadlines.
 */
const PREFERS_WHEN =
  /^(am\s+liebsten|gerne?\s+(noch\s+|schon\s+)?(vor|bis|im|in|ab|am|nach|bald|zeitnah|schnell|diese|dieses|diesen|nachste|nachsten)|wenn\s+(moglich|es\s+geht)|falls\s+moglich|moglichst\s+(bald|schnell|zeitnah|fruh|noch|vor|bis)|idealerweise\s+(noch\s+)?(vor|bis|im|ab|am|bald))(\s|$)/u;

/** A clause giving the reason for the one before it ("…, weil …"), folded: a piece of its own. */
export const GIVES_REASON = /^(weil|denn|zumal|because)\s/u;

/** A clause conceding something against the one before it ("…, obwohl …"), folded: a piece of its own. */
export const CONCEDES = /^(obwohl|obgleich|although)\s/u;

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
export function splitClauses(sentence: string, asks: boolean, unmarked = false): string[] {
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
    if (/\s(?:und|and)\s+$/iu.test(match[0]) && JOINED_REQUEST.test(joinedWords(rest))) {
      const clause = sentence.slice(start, match.index).trim();
      if (clause && !REQUEST.test(joinedWords(clause))) {
        closeClause(match.index, cut);
        continue;
      }
    }
    // "ob die KIs Schulen begleiten, also längerfristig und nicht nur mit einem Workshop": in a
    // question, what the writer does not mean is a piece of its own after "und"/"aber" too, as after
    // a comma (see {@link NOT_ONLY}). In a statement it is part of what is told ("die KIs machen auch
    // was mit Kultur und nicht nur Schule. Stimmt das?").
    if (/\s(?:und|aber|and|but)\s+$/iu.test(match[0]) && NOT_ONLY.test(rest) && opensQuestion(sentence.slice(start, match.index), asks) !== null) {
      closeClause(match.index, cut);
      continue;
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
    // "… weiß ich gar nicht, was das KI macht, kannst du mir kurz erklären, was …" typed without its
    // "?": a verb with the reader as its subject opens the question after a comma all the same.
    if (!opens || (opens === 'verb' && !asks && !(unmarked && match[0].includes(',') && ADDRESSES_READER.test(rest)))) continue;
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
    // "wen beraten und qualifizieren sie da?": a question word with nothing but its verb shares
    // its question with the verb after "und".
    if (/^\s*(und|and)\s*$/iu.test(match[0]) && opens === 'verb' && beforeWords.length === 2 && INTERROGATIVES.has(beforeWords[0] ?? '')) continue;
    // "Ist vorgeschrieben, wie …", "Weiß jemand, ob …": a short verb-first clause whose
    // complement is the indirect question is one question.
    if (!/\b(und|oder|sowie|and|or)\s*$/iu.test(match[0]) && opensQuestion(before) === 'verb' && beforeWords.length <= 4) continue;
    // "Wer entscheidet, ob wir da mitmachen dürfen?": an "ob" clause never asks on its own after a
    // short question-word clause; it is what the question word's verb is about (who decides *that*).
    if (match[0].includes(',') && /^\s*ob\s/iu.test(rest) && beforeWords.length <= 3 && INTERROGATIVES.has(beforeWords[0] ?? '')) continue;
    // "Gibt es vom KI irgendwas, was uns beim Übergang hilft?": "was" after "etwas" is a relative
    // pronoun; the clause it opens says what the thing asked for is. So is a spoken "wo" ("irgendwas,
    // wo man als Neue geschult wird?").
    if (match[0].includes(',') && INDEFINITES.has(beforeWords[beforeWords.length - 1] ?? '') && RELATIVE_AFTER_INDEFINITE.has(words(rest)[0] ?? '')) continue;
    closeClause(match.index, cut);
  }
  closeClause(sentence.length, sentence.length);
  return clauses;
}

/** A finite verb with the reader as its subject ("kannst du", "könnten Sie", "habt ihr", spoken "kannste"): "Sie" as written, capitalised. */
const ADDRESSES_READER = /^\s*(?:\p{L}+\s+(?:du|ihr|Sie)|kannste|haste|weißte|weisste|biste|willste)(?=[^\p{L}]|$)/u;

/** Indefinite pronouns a relative clause with "was" describes ("etwas, was …", "alles, was …"). */
const INDEFINITES = new Set(['etwas', 'irgendwas', 'irgendetwas', 'was', 'sowas', 'soetwas', 'nichts', 'alles', 'vieles', 'einiges', 'manches', 'das']);

/** Words that open a relative clause after an indefinite pronoun ("etwas, *was* …", "irgendwas, *wo* …"). */
const RELATIVE_AFTER_INDEFINITE: ReadonlySet<string> = new Set(['was', 'wo']);

/** Words after "wie" that compare with an example ("wie bei uns", "wie im Kreis Unna", "wie z. B."), folded. */
const COMPARING_BEFORE: ReadonlySet<string> = new Set(['bei', 'beim', 'in', 'im', 'z', 'zb', 'etwa', 'beispielsweise', 'auch']);

/** "…, wie früher halt", "wie gesagt": "wie" comparing, not asking, folded. */
const COMPARING_WIE = /^wie\s+(fruher|immer|gesagt|besprochen|ublich|gewohnt|erwahnt|bisher|vereinbart|angekundigt|gewunscht|gehabt|oben|folgt)\b/u;
