/**
 * What a part's wording says about the kind of question it asks, read by the matcher beside its
 * words: a place pointed at ("dort"), a role as predicate ("Wäre das KI der richtige Partner?"), a
 * person within a named institution, someone said to be responsible, what an abbreviation stands
 * for, two alternatives weighed, the reader addressed ("euch"), and the `forward` terms its wording
 * sets aside — pure functions over the text; and, with the text's reading, the nouns it narrows
 * itself to ("speziell für …") and the unknown place or abbreviation of a sentence it points into.
 */
import type { Analysis, WordReading } from './analyzer';
import { CLOSING_AUXILIARIES, VERB_NEXT_INTERROGATIVES } from './chatWords';
import { opensQuestion } from './clauses';
import { ABBREVIATION_WORD, CENTRE_WORD, LAKI_WORD, namesLaki } from './pointers';

/** A pointer to a place said before ("dort"; "dorthin" asks the way there, see `asksWayThere`). */
const LOCATIVE = /(?:^|[^\p{L}])dort(?=[^\p{L}]|$)/iu;

/**
 * A count of the writer's own things, with its possessive or "all" ("für *unsere 14* Grundschulen",
 * "in *allen 23* Kitas", "for *our 5* schools"): it tells the size of their situation, not a figure
 * asked. Not a span of time ("alle 2 Wochen" asks how often).
 */
const OWN_COUNT =
  /((?<![\p{L}])(?:unser|unsere|unserer|unseren|unserem|unseres|mein|meine|meiner|meinen|meinem|meines|alle|allen|our|my|all)\s+)(?:ca\.\s*|rund\s+|knapp\s+)?\d[\d.,]*(?=\s+(?!(?:Tage|Tagen|Wochen|Monate|Monaten|Jahre|Jahren|Stunden|days|weeks|months|years|hours)(?![\p{L}]))\p{L})/giu;

/** A part without the counts of the writer's own things (see {@link OWN_COUNT}); the part itself when it has none. */
export function withoutOwnCounts(question: string): string {
  // Most parts have no digit, and the pattern tries every position.
  return /\d/u.test(question) ? question.replace(OWN_COUNT, '$1') : question;
}

/**
 * The writer's own plan or situation closing the asked sentence, with the writer as its subject:
 * "…, *wenn wir ab Februar über zwei Semester etwas aufbauen wollen*?", "…, *sobald ich* …", and a
 * relative clause about what the writer does with the thing asked ("beim Integrationskonzept, *das
 * wir bis zum Sommer dem Rat vorlegen wollen*?", "Schüler, *die seit 2024 bei uns sind*"), when it says when (see {@link PLAN_TIME}). Its dates, figures and unknown words tell when
 * and how the writer goes about it; they are not asked. From its comma to the end of the sentence.
 */
const OWN_PLAN =
  /,\s*(?:(?:wenn|falls|sobald|nachdem|bevor|da|weil|wo|womit|wofür|wofuer)\s+(?:\p{L}+\s+){0,2}?(?:wir|ich)|(?:(?:für|fuer|mit|an|in|bei|auf|über|ueber|ab)\s+)?(?:der|die|das|den|dem|denen)\s+(?:[^\s,;:?!]+\s+){0,6}?(?:wir|ich|uns))(?:\s[^,;:?!]*)?[?!.]?\s*$/iu;

/**
 * When the writer's plan happens ("ab Februar", "im kommenden Schuljahr", "bis Ende 2025", "nächstes
 * Jahr", "im Herbst"): a plan has its time; a clause without one mostly says what the thing asked is
 * for ("eine Nummer, *an die ich faxen kann*").
 */
const PLAN_TIME =
  /\d|(?:^|[^\p{L}])(?:januar|februar|märz|maerz|april|mai|juni|juli|august|september|oktober|november|dezember|frühjahr|fruehjahr|frühling|sommer|herbst|winter|(?:\p{L}+-)?jahr(?:es)?|schuljahr(?:es)?|halbjahr(?:es)?|semestern?|monat(?:s|en)?|wochen?|quartal(?:s)?|ferien)(?=[^\p{L}]|$)/iu;

/**
 * A part without the writer's own plan closing it (see {@link OWN_PLAN}): the clause asked before
 * it, with the part's end mark; undefined when the part has none.
 */
export function withoutOwnPlan(question: string): { asked: string; plan: string } | undefined {
  const own = OWN_PLAN.exec(question);
  const described = own ? undefined : OWN_DESCRIBED.exec(question);
  const clause = own?.[0] ?? described?.[1];
  if (clause === undefined || !PLAN_TIME.test(clause)) return undefined;
  const at = own ? own.index : described!.index + described![0].length - clause.length;
  const mark = /[?!.]\s*$/u.exec(clause)?.[0].trim() ?? '';
  return { asked: question.slice(0, at).trimEnd() + mark, plan: clause.replace(/^,\s*/u, '').trim() };
}

/**
 * A relative clause closing the sentence that tells about the writer's own people or things ("für
 * *unser Kollegium, das ab dem Schuljahr 2025/26 im Ganztag arbeitet*?", "für unsere 9 Honorarkräfte,
 * die seit …"): group 1 is the clause, from its comma.
 */
const OWN_DESCRIBED =
  /(?<![\p{L}])(?:unser|unsere|unserer|unseren|unserem|unseres|mein|meine|meiner|meinen|meinem|meines)\s+(?:\d[\d.,]*\s+)?[\p{L}-]+(?:\s+[\p{L}-]+)?(,\s*(?:der|die|das|den|dem|denen)\s[^,;:?!]*[?!.]?\s*)$/iu;

/**
 * The writer's own people or places the thing asked is for ("Infos zu Rucksack-Kita *für unsere
 * Familienzentren*", "Können wir *für unsere Familienzentren* das Programm bekommen?"): group 1.
 */
const OWN_AUDIENCE =
  /(?<![\p{L}])((?:für|fuer)\s+(?:unser|unsere|unserer|unseren|unserem|unseres|mein|meine|meiner|meinen|meinem|meines)\s+[\p{L}-]+)(?![\p{L}-])/iu;

/**
 * A part without the writer's own audience (see {@link OWN_AUDIENCE}): what is asked around it,
 * and the audience; undefined when the part has none.
 */
export function withoutOwnAudience(question: string): { asked: string; audience: string } | undefined {
  const own = OWN_AUDIENCE.exec(question);
  if (!own) return undefined;
  const asked = (question.slice(0, own.index).trimEnd() + ' ' + question.slice(own.index + own[0].length).trimStart()).replace(/\s+([?!.,])/gu, '$1').trim();
  return { asked, audience: own[1]! };
}

/** True when a part points at a place said before with "dort". */
export function saysThere(question: string): boolean {
  return LOCATIVE.test(question);
}

/** `forward` terms of taking part in something (an event, a programme), as stems. */
const TAKING_PART: ReadonlySet<string> = new Set(['mitmach', 'teilnehm', 'teilnahm']);

/** "welche", "was", "wofür", "für was": a question for a thing, not for who ("so was" points back). */
const ASKS_WHICH = /(?:^|[^\p{L}])(?:welche[nmrs]?|(?<!so\s)was|wof(?:ü|ue|u)r|f(?:ü|ue|u)r\s+was)(?=[^\p{L}]|$)/iu;

/** True when a part asks which thing ("Welche Aufgaben hat sie?", "Wofür ist sie zuständig?"), not who or whether. */
export function asksWhichDuty(question: string): boolean {
  return ASKS_WHICH.test(question);
}

/**
 * "Gehört das zu euren Aufgaben?", "gehört sowas zu den Aufgaben vom KI?": "gehören zu" with the
 * duties asks whether something is the duty, as "Ist das eure Aufgabe?" does; the verb names nothing.
 */
const BELONGS_TO_DUTIES = /(?:^|[^\p{L}])geh(?:ö|oe|o)r(?:t|en|e)\s+(?:\S+\s+){0,3}?zu(?:m|r)?\s+(?:\S+\s+){0,2}?aufgabe(?:n|nbereich)?(?=[^\p{L}]|$)/iu;

/** True when a part asks whether something belongs to the duties ({@link BELONGS_TO_DUTIES}). */
export function belongsToDuties(question: string): boolean {
  return BELONGS_TO_DUTIES.test(question);
}

/** The centre or the LaKI as the subject ("Kann *das KI* da mitmachen?", "bei dem *das Integrationszentrum* mitmachen kann"). */
const CENTRE_SUBJECT = new RegExp(String.raw`(?:^|[^\p{L}])(?:das|die)\s+(?:kommunalen?\s+)?(?:${CENTRE_WORD}|${LAKI_WORD})(?=[^\p{L}]|$)`, 'iu');

/** Someone else who would take part ("Können *wir* mitmachen?", "Kann *man* teilnehmen?"). */
const OTHER_SUBJECT = /(?:^|[^\p{L}])(?:wir|ich|man|du)(?=[^\p{L}]|$)/iu;

/**
 * True when a part asks whether the centre (or the LaKI) takes part in something ("Ist das ein
 * Thema, bei dem das Integrationszentrum mitmachen kann?"): a question about its remit, not about
 * registering for an event, so taking part is no `forward` term there.
 */
function centreTakesPart(question: string): boolean {
  return CENTRE_SUBJECT.test(question) && !OTHER_SUBJECT.test(question);
}

/** "von der Schule in den Job", "from school into a job": the job one goes into after school is the transition, not a vacancy. */
const SCHOOL_TO_JOB = /(?:schule|übergang|uebergang)[^.?!]*?\s(?:in\s+den|zum|ins)\s+(?:job|jobleben|arbeitsleben)(?=[^\p{L}]|$)|schule\s*[–-]\s*job(?=[^\p{L}]|$)|\bschool\s+(?:in)?to\s+(?:a\s+)?job\b/iu;

/**
 * "Who pays for the LaKI?", "Which ministries pay for it?": asked who pays, the question is who
 * funds, not an amount or a fee ("Do we have to pay for the training?" keeps the term).
 */
const PAYER = /(?:^|[^\p{L}])(?:who|which\s+\p{L}+)\s+(?:\p{L}+ly\s+)?(?:(?:is|are)\s+)?(?:pays?|paying)(?=[^\p{L}]|$)/iu;

/**
 * A part that opens with another question word ("*What* do the centres focus on *when* young
 * people move into work?"): its "when" joins a clause, it asks no time. ("What and when …",
 * "Who and when …" ask one.)
 */
const OTHER_QUESTION_WORD = /^[^\p{L}]*(?:what|how|which|who|whom|whose|where|why)(?![\p{L}])/iu;
const ASKS_WHEN_TOO = /(?:^|[^\p{L}])(?:and|or|&)\s+when(?![\p{L}])/iu;

/**
 * Which centres there are in a region ("Welche KIs gibt es im Regierungsbezirk Arnsberg?", "alle
 * Kommunalen Integrationszentren im Kreis …"): the flyer lists none, only where the LaKI sits. Not
 * "alle KIs im Land", which is every centre.
 */
const CENTRES_OF_REGION =
  /(?:^|[^\p{L}])(?:welche|alle)\s+(?:kommunalen?\s+)?(?:kis|ki's|ki|integrationszentren|zentren)\s+(?:gibt\s+es\s+|es\s+gibt\s+|sind\s+|liegen\s+)?(?:im|in\s+der|in\s+dem|in)\s+(?:regierungsbezirk|bezirk|kreis|kreisen|raum|region|umgebung|nähe|naehe|ruhrgebiet|münsterland|muensterland|sauerland|rheinland|siegerland|ostwestfalen)\p{L}*(?=[^\p{L}]|$)/iu;

/**
 * Which municipalities have a centre, or have none yet ("Welche Kreise in NRW haben noch kein KI?",
 * "Wie viele Städte haben schon ein Integrationszentrum?"): the flyer lists none. Not who may set one
 * up ("Welche Kommunen können ein KI bekommen?").
 */
const PLACES_WITH_CENTRE =
  /(?:^|[^\p{L}])(?:welche|wie\s+viele)\s+(?:kreise|landkreise|städte|staedte|kommunen|gemeinden)\s+(?:\p{L}+\s+){0,3}?(?:haben|hat|besitzen)\s+(?:(?:noch|schon|bereits|inzwischen|eigentlich|überhaupt|ueberhaupt)\s+)*(?:kein|keine|keins|keinen|ein|eine|eins|einen)(?=[^\p{L}]|$)/iu;

/** The term a part asking for the centres of a region gets ({@link CENTRES_OF_REGION}): no entry lists it. */
export const CENTRES_OF_REGION_TERM = 'centres of a region';

/**
 * "Höhe" as a noun ("Und die Höhe?", "in welcher Höhe"), as written: folded, it reads like the
 * adjective "hohe" of an entry's "hoher Stellenwert", which would cover the `forward` term "Höhe".
 */
const AMOUNT_NOUN = /(?:^|[^\p{L}])h(?:ö|oe)he(?=[^\p{L}]|$)/iu;

/** The term a part asking for an amount by the noun "Höhe" gets ({@link AMOUNT_NOUN}): no entry lists it. */
export const AMOUNT_TERM = 'an amount';

/**
 * Who founded a body, or when ("Wer hat die LaKI gegründet?", "…, und wann wurde sie gegründet?"):
 * its history, which the flyer does not tell. Folded, "gegründet" reads like "einrichten", and an
 * entry that calls the LaKI an "Einrichtung" (an institution) would answer it. Why or on which
 * basis it was founded the flyer tells ("Nach welchem Gesetz wurden die KIs gegründet?"), and
 * setting up a centre is asked in the present ("Wie wird ein KI gegründet?").
 */
const FOUNDED = /(?:^|[^\p{L}])(?:wer|wann|von\s+wem|seit\s+wann)\s+(?:[^\s,]+\s+){0,6}?(?:gegründet|gegruendet|gegrundet)(?=[^\p{L}]|$)/iu;

/** The term a part asking who founded a body gets ({@link FOUNDED}): no entry lists it. */
export const FOUNDING_TERM = 'its founding';

/**
 * Who made or signed a thing, a perfect or a passive with its participle ("Wer hat den Erlass
 * *unterschrieben*?", "Von wem wurde Rucksack-Kita *entwickelt*?", "Wer hat das Faltblatt
 * *geschrieben*?"): its authorship, which the flyer never tells. What a body does now stays a
 * question of its tasks ("Wer entwickelt Lehr- und Lernmaterialien?" — the centres), and so does
 * who made a thing for a purpose the flyer tells ("Wozu wurde … entwickelt?" asks no author).
 */
const AUTHORED =
  /(?:^|[^\p{L}])(?:wer|von\s+wem)\s+(?:[^\s,]+\s+){0,12}?(?:unterschrieben|unterzeichnet|verfasst|geschrieben|entwickelt|erfunden|erstellt|konzipiert|ausgedacht|herausgegeben|ausgearbeitet)(?=[^\p{L}]|$)/iu;
/** Letters every part {@link AUTHORED} or {@link OPERATED} finds has: a cheap test before the Unicode patterns. */
const MAY_ASK_AUTHOR = /schrieb|zeichnet|fasst|entwickelt|funden|erstellt|konzipiert|gedacht|gegeben|gearbeitet|betrieb|betreib|runs|operates/i;
/** A perfect or passive auxiliary: "wer *hat* … entwickelt" asks who made it, "wer entwickelt" what a body does. */
const PERFECT_OR_PASSIVE = /(?:^|[^\p{L}])(?:hat|haben|hatte|hatten|wurde|wurden|worden|ist|sind|war|waren)(?=[^\p{L}]|$)/iu;

/**
 * Who runs a thing ("Wer *betreibt* eigentlich die Website …?", "Von wem wird das *betrieben*?",
 * "Who *runs* the coordination office?"): its operator, which the flyer never names (it names who
 * funds, supports and coordinates).
 */
const OPERATED =
  /(?:^|[^\p{L}])(?:(?:wer|von\s+wem)\s+(?:[^\s,]+\s+){0,12}?(?:betreibt|betreiben|betrieben)|who\s+(?:actually\s+|really\s+)?(?:runs|operates))(?=[^\p{L}]|$)/iu;

/**
 * Whether someone has to pay ("Muss die Schule dafür was *zahlen*?", "Müssen Eltern für Griffbereit
 * etwas *bezahlen*?"): a fee, which the flyer never names. Who pays for a body ("Wer zahlt die
 * LaKI?") asks who funds it, which it does.
 */
const MUST_PAY =
  /(?:^|[^\p{L}])(?:muss|musst|müsst|muesst|mussen|müssen|muessen|müsste|muesste|müssten|muessten)\s+(?:[^\s,]+\s+){0,6}?(?:be)?zahlen(?=[^\p{L}]|$)/iu;
/** Letters every part {@link MUST_PAY} finds has. */
const MAY_MUST_PAY = /zahlen/i;

/** The term a part asking whether someone has to pay gets ({@link MUST_PAY}): no entry lists it. */
export const FEE_TERM = 'a fee';

/**
 * Who employs people ("Wer stellt die Mitarbeitenden der LaKI *ein*?", "Bei wem sind die Leute im KI
 * *angestellt*?"): the employer, which the flyer never names. "Wer stellt den Austausch *sicher*?"
 * asks a duty; the particle "ein" closes the clause, so "stellt ein Konzept auf" is no hiring.
 */
const EMPLOYS =
  /(?:^|[^\p{L}])(?:(?:wer|von\s+wem)\s+(?:stellt|stellen|stellte)\s+(?:[^\s,?!.]+\s+){0,6}?ein\s*(?:[?!.,]|$)|(?:wer|wem)\s+(?:[^\s,]+\s+){0,8}?(?:eingestellt|angestellt)(?=[^\p{L}]|$))/iu;
/** Letters every part {@link EMPLOYS} finds has. */
const MAY_EMPLOY = /stell/i;

/** The term a part asking who employs people gets ({@link EMPLOYS}): no entry lists it. */
export const EMPLOYER_TERM = 'the employer';

/**
 * A counterpart of what the flyer describes ("Gibt es da eine *vergleichbare Stelle wie* die LaKI?",
 * "etwas *Vergleichbares in* Niedersachsen", "ein *Pendant* zur LaKI", "an *equivalent* of the
 * centres"): another body than the one named, which the flyer, describing NRW's, does not know.
 */
const COUNTERPART =
  /(?:^|[^\p{L}])(?:vergleichbar\p{L}*\s+(?:[^\s,]+\s+){0,2}?(?:wie|in|zu|zur|zum|im)|pendant|gegenstück|gegenstueck|äquivalent|aequivalent|equivalent|counterpart)(?=[^\p{L}]|$)/iu;
/** Letters every part {@link COUNTERPART} finds has. */
const MAY_COMPARE = /vergleichbar|pendant|gegenst|quivalent|counterpart/i;

/** The term a part asking for a counterpart gets ({@link COUNTERPART}): no entry lists it. */
export const COUNTERPART_TERM = 'a counterpart';

/** The term a part asking who made, signed or runs a thing gets ({@link AUTHORED}, {@link OPERATED}): no entry lists it. */
export const AUTHORSHIP_TERM = 'its maker';

/**
 * How often people meet or come ("Treffen sich die KIs regelmäßig?", "Gibt es einen regelmäßigen
 * Austausch?", "Kommt die LaKI regelmäßig zu uns?"): the flyer names the exchange, never its rhythm.
 * "regelmäßig" with other things ("Bietet das KI regelmäßig Fortbildungen an?") asks about them.
 */
const RHYTHM = /(?:^|[^\p{L}])regelm(?:ä|ae|a)(?:ß|ss)ig\p{L}*(?=[^\p{L}]|$)/iu;
const MEETING = /(?:^|[^\p{L}])(?:\p{L}*treff\p{L}*|trifft|austausch\p{L}*|\p{L}*tausch(?:en|t)|kommt|kommen|besucht|besuchen)(?=[^\p{L}]|$)/iu;

/** The term a part asking how often people meet gets ({@link RHYTHM}): no entry lists it. */
export const RHYTHM_TERM = 'how often';

/**
 * Whether a thing is still there or still so ("Gibt es Griffbereit noch?", "gibts die LaKI überhaupt
 * noch?", "Stimmt die Nummer noch?", "Sind die Infos noch auf dem neuesten Stand?"): the flyer
 * cannot say whether it is current. A yes/no question ending in "noch" asks that; a question word
 * or "sonst" makes "noch" mean "else" ("Was machen die KIs noch?", "Gibt es sonst noch was?").
 */
const STILL_ENDING = /(?:^|[^\p{L}])noch\s*[?!.]*\s*$/iu;
const ELSE_NOCH =
  /(?:^|[^\p{L}])(?:wer|was|wie|wo|wann|welch\p{L}*|warum|wieso|weshalb|wozu|wofür|wofuer|wofur|wem|wen|woher|wohin|worum|womit|sonst|außerdem|ausserdem|alles|mehr|weiteres?|andere\p{L}*|etwas)(?=[^\p{L}]|$)/iu;
/** "(noch) auf dem neuesten Stand", "noch richtig", "noch korrekt", "still up to date", "still exist". */
const STILL_CURRENT =
  /(?:^|[^\p{L}])(?:(?:auf\s+dem\s+)?(?:neu(?:e)?sten|aktuellen|aktuellsten|letzten)\s+stand|noch\s+(?:richtig|korrekt|zutreffend|stimmt|stimmen|gilt|gelten|existiert|existieren)|still\s+(?:up\s+to\s+date|current|exists?|correct|right))(?=[^\p{L}]|$)/iu;

/** The term a part asking whether a thing is still so gets ({@link STILL_ENDING}, {@link STILL_CURRENT}): no entry lists it. */
export const STILL_TERM = 'still so';

/**
 * "noch" closing the first of two alternatives ("Gilt der Erlass *noch oder* wurde er ersetzt?"), and
 * a thing replaced, renamed, dissolved or moved since ("… oder ist die LaKI *umgezogen*?", "wurde der
 * inzwischen *abgelöst*?"): whether a thing is still so, asked the other way round.
 */
const STILL_OR_CHANGED =
  /(?:^|[^\p{L}])(?:noch\s+oder|abgelöst|abgeloest|umbenannt|aufgelöst|aufgeloest|abgeschafft|umgezogen)(?=[^\p{L}]|$)/iu;

function asksStill(question: string): boolean {
  return STILL_CURRENT.test(question) || STILL_OR_CHANGED.test(question) || (STILL_ENDING.test(question) && !ELSE_NOCH.test(question));
}

/**
 * Placing people in a job, a training place or a flat ("Vermittelt ihr Ausbildungsplätze?", "Vermitteln
 * die KIs Geflüchtete in Arbeit?", "Könnt ihr Wohnungen vermitteln?"): the flyer's centres pass on
 * good practice ("Weitervermittlung guter Praxis"); placing people is no task it names.
 */
const MEDIATING = /(?:^|[^\p{L}])vermitt(?:el|l)\p{L}*(?=[^\p{L}]|$)/iu;
const PLACED =
  /(?:^|[^\p{L}])(?:\p{L}*pl(?:ä|ae|a)tze?n?|\p{L}*wohnung(?:en)?|\p{L}*jobs?|(?:arbeits|ausbildungs|lehr|praktikums)stellen?|praktikum\p{L}*|praktika|in\s+(?:die\s+)?(?:arbeit|ausbildung|beschäftigung|beschaeftigung))(?=[^\p{L}]|$)/iu;

/** The term a part asking for a placement gets ({@link MEDIATING} with {@link PLACED}): no entry lists it. */
export const PLACEMENT_TERM = 'a placement';

/**
 * Which of the people named is responsible for something ("… und wer davon ist für die Kitas
 * zuständig?", "Wer von euch macht das?", "which of them"): the flyer names the LaKI's contact
 * persons without their tasks. "welche davon" asks which of the things named ("Welche davon ist wichtiger?").
 */
const WHICH_OF_THEM =
  /(?:^|[^\p{L}])wer\s+(?:davon|von\s+(?:ihnen|denen|euch|den\s+dreien|den\s+drei\p{L}*))(?=[^\p{L}]|$)|(?:^|[^\p{L}])which\s+of\s+(?:them|you)(?=[^\p{L}]|$)/iu;

/** Letters every part {@link asksStill}, {@link WHICH_OF_THEM} and {@link MEDIATING} find has: cheap tests, no Unicode classes. */
const MAY_ASK_STILL = /noch|stand|still|abgel|aufgel|nannt|schafft|zogen/i;
const MAY_ASK_WHICH = /wer|which/i;
const MAY_PLACE = /vermit/i;

/** The term a part asking which of the people named does a task gets ({@link WHICH_OF_THEM}): no entry lists it. */
export const WHICH_OF_THEM_TERM = 'which of them';

/** The places the flyer names for the LaKI, as `forward` stems: a question naming them asks for its address. */
const LAKI_SEATS: ReadonlySet<string> = new Set(['dortmund', 'arnsberg']);

/**
 * The LaKI named with its seat ("die Landesstelle in Dortmund", "die LaKI bei der Bezirksregierung
 * Arnsberg"): the place says which office is meant, it is not asked.
 */
const LAKI_AT_ITS_SEAT = new RegExp(
  String.raw`(?:^|[^\p{L}])(?:${LAKI_WORD})\s+(?:in|aus|bei\s+der\s+bezirksregierung|der\s+bezirksregierung)\s+(?:dortmund|arnsberg)(?=[^\p{L}]|$)`,
  'iu',
);

/** `forward` terms a part's wording sets aside: the terms, and when their wording is not what they ask. */
interface SetAside {
  readonly terms: ReadonlySet<string>;
  readonly when: (question: string) => boolean;
}

/**
 * The `forward` terms a part's wording sets aside, in the order they are read: a seat of the LaKI
 * when it only says which office is meant ({@link LAKI_AT_ITS_SEAT}); taking part when the centre
 * takes part ({@link centreTakesPart}); "Job" in "von der Schule in den Job", the transition from
 * school to work ({@link SCHOOL_TO_JOB}; "Gibt es Jobs bei der LaKI?" still goes to the LaKI); paying
 * when asked who pays ({@link PAYER}); "when" joining a clause after another question word
 * ({@link OTHER_QUESTION_WORD}).
 */
const SET_ASIDE: readonly SetAside[] = [
  { terms: LAKI_SEATS, when: (question) => LAKI_AT_ITS_SEAT.test(question) },
  { terms: TAKING_PART, when: centreTakesPart },
  { terms: new Set(['job']), when: (question) => SCHOOL_TO_JOB.test(question) },
  { terms: new Set(['pay']), when: (question) => PAYER.test(question) },
  { terms: new Set(['when']), when: (question) => OTHER_QUESTION_WORD.test(question) && !ASKS_WHEN_TOO.test(question) },
];

/**
 * A term no entry lists that a part's wording asks: the term, a plain test every part it finds
 * passes (no Unicode classes: most parts fail it and pay nothing more), and the patterns' test.
 */
interface AskedTerm {
  readonly term: string;
  readonly may?: RegExp;
  readonly asks: (question: string) => boolean;
}

/** The terms no entry lists that a part's wording asks, in the order they are added. */
const ASKED_TERMS: readonly AskedTerm[] = [
  { term: CENTRES_OF_REGION_TERM, asks: (question) => CENTRES_OF_REGION.test(question) || PLACES_WITH_CENTRE.test(question) },
  { term: AMOUNT_TERM, asks: (question) => AMOUNT_NOUN.test(question) },
  { term: FOUNDING_TERM, asks: (question) => FOUNDED.test(question) },
  { term: AUTHORSHIP_TERM, may: MAY_ASK_AUTHOR, asks: (question) => (AUTHORED.test(question) && PERFECT_OR_PASSIVE.test(question)) || OPERATED.test(question) },
  { term: RHYTHM_TERM, asks: (question) => RHYTHM.test(question) && MEETING.test(question) },
  { term: FEE_TERM, may: MAY_MUST_PAY, asks: (question) => MUST_PAY.test(question) },
  { term: EMPLOYER_TERM, may: MAY_EMPLOY, asks: (question) => EMPLOYS.test(question) },
  { term: COUNTERPART_TERM, may: MAY_COMPARE, asks: (question) => COUNTERPART.test(question) },
  { term: STILL_TERM, may: MAY_ASK_STILL, asks: asksStill },
  { term: WHICH_OF_THEM_TERM, may: MAY_ASK_WHICH, asks: (question) => WHICH_OF_THEM.test(question) },
  { term: PLACEMENT_TERM, may: MAY_PLACE, asks: (question) => MEDIATING.test(question) && PLACED.test(question) },
];

/**
 * The `forward` terms that decline a part, given what it asks: its terms without those its
 * wording sets aside ({@link SET_ASIDE}), and the terms no entry lists that it asks
 * ({@link ASKED_TERMS}: which centres a region has, who founded a body, who made, signed or runs a
 * thing, an amount, a fee, the employer, a counterpart, how often people meet, whether a thing is
 * still so, which of the people named does a task, placing people in jobs or flats).
 */
export function askedForwardTerms(question: string, terms: readonly string[]): readonly string[] {
  // A rule that sets a term aside is read only when the term is there: most parts have no
  // forward term, and each pattern costs about half a microsecond per part.
  let asked = terms;
  for (const { terms: aside, when } of SET_ASIDE) {
    if (asked.some((term) => aside.has(term)) && when(question)) asked = asked.filter((term) => !aside.has(term));
  }
  for (const { term, may, asks } of ASKED_TERMS) {
    if ((may === undefined || may.test(question)) && asks(question)) asked = [...asked, term];
  }
  return asked;
}

/**
 * A role the centre may play, as the predicate of "sein": "… *ein Ansprechpartner* sein?", "Wäre das
 * KI *der richtige Partner*?", "… *eine Anlaufstelle*?". Group 1 is the role noun.
 */
const ROLE_PREDICATE =
  /(?:^|\s)(?:eine?|(?:der|die|ein|eine)\s+(?:richtige|passende|geeignete)r?)\s+(Ansprechpartner(?:in)?|Ansprechperson|Partner(?:in)?|Anlaufstelle)(?=[^\p{L}]|$)/iu;

/** A form of "sein" that makes a role its predicate ({@link ROLE_PREDICATE}). */
const COPULA = /(?:^|[^\p{L}])(?:sein|ist|sind|wäre|wären|waere|waeren)(?=[^\p{L}]|$)/iu;

/** The role a part asks the centre to play, as the predicate of "sein" ({@link ROLE_PREDICATE}). */
export function rolePredicate(question: string): string | undefined {
  return COPULA.test(question) ? ROLE_PREDICATE.exec(question)?.[1] : undefined;
}

/**
 * "Wer ist im Ministerium … für die KIs zuständig?", "Wer ist bei der LaKI dafür verantwortlich?":
 * asked who *within* a body named is responsible, the question is for a person there, not for what
 * the body does.
 */
const WHO_WITHIN =
  /(?:^|[^\p{L}])wer\s+(?:ist|sind|wäre|waere|ware)\s+(?:\S+\s+){0,2}?(?:im|beim|bei\s+der|bei\s+dem|in\s+der|in\s+dem)\s+([^?!.]*?)(?:zuständig|zustaendig|zustandig|verantwortlich)(?=[^\p{L}]|$)/iu;

/** Where what a body is responsible for begins ("… im Kreis *für* die Einrichtung …"). */
const BEFORE_PURPOSE = /\s(?:für|fuer|fur|dafür|dafuer|dafur)\s/iu;

/**
 * A body whose people a question may ask for ({@link WHO_WITHIN}): a ministry, the LaKI, the
 * district government, a centre — not "die Kommune", "der Kreis" or "das Land", where who is
 * responsible is the body that does the task ("Wer ist im Kreis für die Einrichtung verantwortlich?").
 */
const NAMED_BODY = new RegExp(
  String.raw`(?:^|[^\p{L}])(?:\p{L}*ministeri\p{L}*|mais|msw|bezirksregierung\p{L}*|${LAKI_WORD}|${CENTRE_WORD})(?=[^\p{L}]|$)`,
  'iu',
);

/** True when a part asks who within a named institution is responsible ({@link WHO_WITHIN}, {@link NAMED_BODY}). */
export function asksWithinNamedBody(question: string): boolean {
  // The body is what the preposition names before any "für" ("im Ministerium für Arbeit … für die KIs").
  const body = WHO_WITHIN.exec(question)?.[1]?.split(BEFORE_PURPOSE)[0];
  return (body !== undefined && NAMED_BODY.test(body)) || WHO_OF_YOU.test(question) || WHO_THERE.test(question);
}

/**
 * "Wer von euch ist für Kitas zuständig?", "Wer bei Ihnen kümmert sich um …?", "Which of you is
 * responsible for …?": asked who among the people the bot answers for (the LaKI), as {@link WHO_WITHIN}.
 */
const WHO_OF_YOU = /(?:^|[^\p{L}])(?:wer\s+(?:von|bei|unter)\s+(?:euch|ihnen)|(?:who|which)\s+of\s+you)(?=[^\p{L}]|$)/iu;

/**
 * "Wer ist da zuständig?", "und wer ist dort eigentlich verantwortlich?": with nothing named but
 * "da"/"dort", who is responsible is asked within the body said before — a person there, as
 * {@link WHO_WITHIN}; "Wer ist dort für Schulen zuständig?" names what for, and so does "dafür".
 */
const WHO_THERE =
  /^(?:und\s+)?wer\s+(?:ist|sind|wäre|waere|ware)\s+(?:(?:denn|eigentlich|dann|so|genau)\s+)*(?:da|dort)\s+(?:(?:denn|eigentlich|dann|so|genau)\s+)*(?:zuständig|zustaendig|zustandig|verantwortlich)\s*[?.!]*$/iu;

/** An abbreviation an entry spells out: "(LaKI)" after the full name. Group 1 is the abbreviation. */
const SPELLED_OUT = new RegExp(String.raw`\((${ABBREVIATION_WORD})\)`, 'gu');

/**
 * A part asking what an abbreviation stands for: "Wofür steht NRW?", "Was bedeutet die Abkürzung
 * MSW?", "What does KI stand for?". Group 1 or 2 is the abbreviation, as written (case matters,
 * so the pattern spells both cases of the words before it).
 */
const ASKS_ABBREVIATION = new RegExp(
  String.raw`(?:^|[^\p{L}])(?:[Ww]of(?:ü|ue|u)r\s+steht|[Ww]as\s+(?:bedeutet|hei(?:ß|ss|s)t))\s+(?:(?:[Dd]ie|[Dd]as)\s+(?:[Aa]bk(?:ü|ue|u)rzung|[Kk](?:ü|ue|u)rzel)\s+)?(${ABBREVIATION_WORD}(?:'?s)?)(?=[^\p{L}']|$)` +
    String.raw`|(?:^|[^\p{L}])[Ww]hat\s+does\s+(${ABBREVIATION_WORD}(?:'?s)?)\s+(?:stand\s+for|mean)(?=[^\p{L}]|$)`,
  'u',
);

/** The abbreviations a text spells out after their full name ({@link SPELLED_OUT}). */
export function abbreviationsSpelledOut(text: string): string[] {
  return [...text.matchAll(SPELLED_OUT)].map(([, abbreviation]) => abbreviation!);
}

/** The abbreviation a part asks the meaning of ({@link ASKS_ABBREVIATION}), as written. */
export function abbreviationAsked(question: string): string | undefined {
  const asked = ASKS_ABBREVIATION.exec(question);
  return asked?.[1] ?? asked?.[2];
}

/**
 * A part asking whether what was said holds ("Stimmt das?", "Ist das richtig / so / korrekt?", "Ist
 * da was dran?", "Trifft das zu?", "Is that true?"): the claim it points at is what is asked, its
 * figures and places included. Read on a part that names no topic of its own only.
 */
const VERIFIES =
  /^\s*(?:und\s+|aber\s+)?(?:stimmt\s+(?:das|es|des)|stimmts|(?:ist|wäre|waere)\s+(?:das|es|des)\s+(?:\S+\s+)?(?:so|richtig|korrekt|zutreffend|wahr)|trifft\s+(?:das|es)\s+(?:\S+\s+)?zu|ist\s+(?:da|an\s+der\s+sache)\s+(?:\S+\s+)?(?:was|etwas)\s+dran|(?:is|was)\s+(?:this|that|it)\s+(?:\S+\s+)?(?:true|right|correct)|richtig|korrekt|wirklich|echt)(?=[^\p{L}]|$)/iu;

/**
 * A word asking whether a claim holds anywhere in a part ("Können Sie das *bestätigen*?", "Ist das
 * so *richtig*?", "is that *right*?"), beside the openings {@link VERIFIES} reads.
 */
const HOLDS_WORD = /(?:^|[^\p{L}])(?:stimmt|stimmts|stimmen|best(?:ä|ae)tigen|richtig|korrekt|zutreffend|wahr|true|correct|right)(?=[^\p{L}]|$)/iu;

/** True when a part asks whether a claim it points at holds ({@link VERIFIES}, {@link HOLDS_WORD}). */
export function verifiesClaim(question: string): boolean {
  return VERIFIES.test(question) || HOLDS_WORD.test(question);
}

/** "oder" between two alternatives of one question ("… vom Land *oder* entscheiden wir das selbst?"). */
const ALTERNATIVES = /\s+oder\s+/iu;

/** True when a part weighs two alternatives ({@link ALTERNATIVES}). */
export function weighsAlternatives(question: string): boolean {
  return ALTERNATIVES.test(question);
}

/**
 * The alternatives a yes/no question weighs ("Gibt das Land da was vor | entscheiden wir das
 * selbst?"), none for a question that weighs none or asks with a question word ("Wer macht die
 * Pressearbeit – jedes KI für sich, oder …?" asks who).
 */
export function yesNoAlternatives(question: string): string[] {
  return weighsAlternatives(question) && opensQuestion(question) === 'verb' ? question.split(ALTERNATIVES) : [];
}

/** Sending to the writer: "mir/uns … schicken/senden/mailen", "schick/send mir", "send me"; group 1 or 2 is the verb. */
const SENDS_TO_WRITER =
  /(?:^|[^\p{L}])(?:(?:mir|uns)(?:\s+\S+){0,6}?\s+((?:zu)?(?:schicken|senden|mailen|zusenden|übersenden|ubersenden|uebersenden|zukommen\s+lassen))|(schick|schicke|schickt|schicken|send|sende|sendet|senden|mail|maile|mailen)\s+(?:\S+\s+)?(?:mir|uns|me|us))(?=[^\p{L}]|$)/iu;

/**
 * The question without the verb by which it asks for something sent to the writer ("Können Sie mir
 * die Adresse *mailen*?" → "Können Sie mir die Adresse ?"): the verb frames the request, what is sent
 * is asked. Undefined when nothing is sent to the writer.
 */
export function withoutSendingVerb(question: string): string | undefined {
  const match = SENDS_TO_WRITER.exec(question);
  const verb = match?.[1] ?? match?.[2];
  if (!match || !verb) return undefined;
  // The verb ends the match after "mir … " (group 1) or opens it before "mir" (group 2).
  const at = match.index + (match[1] ? match[0].length - verb.length : match[0].indexOf(verb));
  return `${question.slice(0, at)} ${question.slice(at + verb.length)}`;
}

/** A way of reaching a body, as a plain pattern: a number, a line, an address, "erreichen", "anrufen". */
const REACHING = /telefon|nummer|durchwahl|fax|mail|adress|anschrift|erreich|anruf|anzuruf|kontaktdat|ansprech/i;

/**
 * One centre as a body of its own, with a definite or possessive article ("die Telefonnummer *unseres
 * KI*", "Wie erreiche ich *das KI*?", "die Kollegin *vom Integrationszentrum*"); not a centre in
 * general ("die Einrichtung *eines* KI", "Ansprechpartner *für die KIs*").
 */
const ONE_CENTRE = new RegExp(
  String.raw`(?:^|[^\p{L}])(?:unser(?:e[mnrs]?)?|eure?[mnrs]?|des|vom|im|beim|das|dem)\s+(?:kommunalen?\s+)?(?:${CENTRE_WORD})(?=[^\p{L}]|$)`,
  'iu',
);

/** A part closing on what it points at: "dort", or a pronoun as the last word ("wie erreiche ich *das*?"). */
const POINTS_AT_END = /(?:^|[^\p{L}])(?:dort|das|die|den|sie|es|ihn|deren|dessen)\s*[?!.]*\s*$/iu;

/**
 * True when a part asks how to reach one centre, not the LaKI ("ich bräuchte die Telefonnummer
 * unseres KI", "Wer ist Ansprechpartner im KI?"); `pointed`: the sentence the part points into,
 * whose body it asks about too when the part closes on a pointer ("Und unser KI in Hamm, wie
 * erreiche ich das?", "Die Kollegin vom KI hat gewechselt, wer ist jetzt unsere Ansprechpartnerin
 * dort?"). The
 * knowledge holds the LaKI's numbers, addresses and people only, none of a centre's.
 */
export function asksCentresReach(question: string, pointed?: string): boolean {
  if (!REACHING.test(question)) return false;
  const owner = pointed !== undefined && POINTS_AT_END.test(question) ? `${question} ${pointed}` : question;
  return ONE_CENTRE.test(owner) && !namesLaki(owner) && !addressesYou(question);
}

/**
 * A "who" question with the LaKI as the object of its verb ("Wer *vertritt die LaKI* in der
 * Landesregierung?", "Who funds the LaKI?"): it asks who acts on the LaKI, not what the LaKI does.
 */
const WHO_ACTS_ON_LAKI = new RegExp(
  String.raw`(?:^|[^\p{L}])(?:wer|who)\s+\p{L}+\s+(?:(?:eigentlich|denn|genau|aktuell|derzeit)\s+)?(?:die|the)\s+(?:landesweiten?\s+)?(?:${LAKI_WORD})(?=[^\p{L}]|$)`,
  'iu',
);

/** True when a part asks who acts on the LaKI ({@link WHO_ACTS_ON_LAKI}). */
export function asksWhoActsOnLaki(question: string): boolean {
  // Most parts name no LaKI: a plain test before the full pattern.
  return /laki|koordinierungsstelle|landesstelle/i.test(question) && WHO_ACTS_ON_LAKI.test(question);
}

/** Figures written as words ("drei", "fünf", "zweiundfünfzig", "three"); letters listed, so no `u` flag is needed. */
const NUMBER_WORD = String.raw`(?:(?:ein|zwei|drei|vier|fünf|fuenf|sechs|sieben|acht|neun)und)?(?:zwei|drei|vier|fünf|fuenf|sechs|sieben|acht|neun|zehn|elf|zwölf|zwoelf|dreizehn|vierzehn|fünfzehn|sechzehn|siebzehn|achtzehn|neunzehn|zwanzig|dreißig|dreissig|vierzig|fünfzig|sechzig|siebzig|achtzig|neunzig|hundert|tausend)|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred|thousand`;

/**
 * A thing counted with a figure written as a word ("nur *drei Stellen*", "seit *fünf Jahren*"):
 * group 1 the figure, group 2 the word counted. Not the writer's own things ("unsere drei
 * Grundschulen", "alle zwei Wochen", see {@link OWN_COUNT}).
 */
const COUNTED_BY_WORD = new RegExp(
  String.raw`(?<![a-zäöüß])(?<!(?:unser|unsere|unserer|unseren|unserem|mein|meine|meiner|meinen|meinem|alle|allen|our|my|all)\s+)(${NUMBER_WORD})\s+([a-zäöüß]{3,})`,
  'gi',
);

/** What a writer counts of their own message, not a fact asked ("zwei Fragen:", "in zwei Sätzen", "drei Infos"). */
const MESSAGE_COUNTS = /^(?:fragen|sachen|dinge|infos|informationen|punkte|stichpunkte|stichpunkten|sätze|sätzen|saetze|saetzen|worte|worten|wörter|wörtern|zeilen|minuten|questions|things|sentences|words|points)$/;

/**
 * Words weighing a claim ("stimmt das?", "ist es richtig, dass …", "wirklich", "nur", "erst",
 * "true", "really", "only"): a figure in such a part is what is asked, not the writer's situation.
 */
const WEIGHS_CLAIM = /(?:^|[^a-zäöüß])(?:stimmt|stimmen|richtig|wirklich|tatsächlich|tatsaechlich|nur|erst|true|really|only)(?![a-zäöüß])/i;

/** True when a part weighs a claim ({@link WEIGHS_CLAIM}). */
export function weighsClaim(question: string): boolean {
  return WEIGHS_CLAIM.test(question);
}

/** A figure written as a word and the word it counts, folded. */
export interface CountedThing {
  readonly figure: string;
  readonly thing: string;
}

/**
 * The things a text counts with a figure written as a word ({@link COUNTED_BY_WORD}), folded:
 * "Die LaKI hat nur drei Stellen, stimmt das?" → drei Stellen. A figure is a figure, written in
 * digits or in words; the digits have their own test (a number the knowledge base does not hold).
 */
export function countedThings(text: string): CountedThing[] {
  const found: CountedThing[] = [];
  COUNTED_BY_WORD.lastIndex = 0;
  for (let match = COUNTED_BY_WORD.exec(text); match; match = COUNTED_BY_WORD.exec(text)) {
    const thing = match[2]!.toLowerCase();
    if (!MESSAGE_COUNTS.test(thing)) found.push({ figure: match[1]!.toLowerCase(), thing });
  }
  return found;
}

/**
 * True when `counted` counts the same as one of `held`: the same figure of the same thing, also
 * as part of a compound ("zwei Grundstrategien" is counted like "zwei Strategien").
 */
export function countsAlike(counted: CountedThing, held: readonly CountedThing[]): boolean {
  return held.some(({ figure, thing }) => figure === counted.figure && counted.thing.includes(thing.slice(0, 5)));
}

/** A question that addresses the bot's organisation in the informal plural ("euch", "eure", "euer"). */
const ADDRESSES_YOU = /(?:^|[^\p{L}])(?:euch|eure[mnrs]?|euer)(?=[^\p{L}]|$)/iu;

/** True when a part addresses the bot's organisation as "euch" ({@link ADDRESSES_YOU}). */
export function addressesYou(question: string): boolean {
  return ADDRESSES_YOU.test(question);
}

/**
 * What a question narrows itself to: the noun after "speziell für", "zuständig für" ("Welche der
 * Ansprechpersonen ist *speziell für den Bereich Schule* zuständig?").
 */
const RESTRICTION =
  /(?:^|[^\p{L}])(?:speziell|extra|eigens|gezielt|zuständig|zustaendig|verantwortlich|specifically|responsible)\s+(?:für|fuer|fur|for)\s+(?:(?:den|die|das|dem|the)\s+)?(?:(?:bereich|thema|themenbereich|area|field)\s+)?(\p{L}[\p{L}-]*)/giu;

/**
 * The nouns a question narrows itself to (see {@link RESTRICTION}): an entry that lacks one does
 * not answer it, however well it covers the rest ("which contact person is responsible for schools"
 * is not answered by the list of contact persons).
 */
export function restrictedNouns(question: string, analysis: Analysis, read: (text: string) => Analysis): string[] {
  const nouns: string[] = [];
  // `exec` on the shared pattern: `matchAll` copies it on every call, which cost more than the search.
  RESTRICTION.lastIndex = 0;
  for (let match = RESTRICTION.exec(question); match !== null; match = RESTRICTION.exec(question)) {
    const restriction = read(match[1]!);
    for (const token of restriction.tokens) if (analysis.nounTokens.includes(token)) nouns.push(token);
    // A word the knowledge base does not know ("speziell für Schulthemen") is one no entry has.
    const unknown = restriction.readings.find((reading) => reading.kind === 'unknown');
    if (unknown && restriction.tokens.length === 0) nouns.push(unknown.word);
  }
  return nouns;
}

/** A place named after a preposition ("nach Bielefeld", "in Hamm", "aus Olpe", "bei der Landesstelle"). */
const PLACE_NAMED = /(?:^|\s)(?:in|nach|aus|bei|im|beim|zur|zum)\s+(?:der\s+|dem\s+|den\s+)?(\p{Lu}[\p{L}-]+)/gu;

/**
 * The place "dort" points at in a sentence, when the knowledge base does not know it: the last one
 * the sentence names ("im KI in Herne und kenne bei der Landesstelle niemanden. Wer sind *dort* …?"
 * asks about the Landesstelle), read as a noun.
 */
export function unknownPlace(sentence: string, read: (text: string) => Analysis): Extract<WordReading, { kind: 'unknown' }> | undefined {
  let last: string | undefined;
  for (const [, place] of sentence.matchAll(PLACE_NAMED)) last = place;
  return last === undefined ? undefined : unknownNoun(last, read);
}

/** A word's reading as an unknown noun, when the knowledge base does not know it. */
export function unknownNoun(word: string, read: (text: string) => Analysis): Extract<WordReading, { kind: 'unknown' }> | undefined {
  const reading = read(word).readings[0];
  return reading?.kind === 'unknown' ? { ...reading, casing: 'noun' } : undefined;
}

/** Words that open a clause after the question ("…, wenn er vor Ort erscheinen will"): its verb is not the question's. */
const SUBORDINATORS: ReadonlySet<string> = new Set(['wenn', 'weil', 'da', 'damit', 'dass', 'daß', 'obwohl', 'falls', 'sobald', 'bevor', 'nachdem', 'während', 'um', 'als', 'wie', 'sodass', 'so']);

/** Separable verb particles that close a clause whose verb stands before them ("Wie meldet man … *ab*?"). */
const CLOSING_PARTICLES: ReadonlySet<string> = new Set(['ab', 'an', 'auf', 'aus', 'bei', 'ein', 'fest', 'fort', 'her', 'hin', 'mit', 'nach', 'um', 'vor', 'weg', 'weiter', 'zu', 'zurück', 'zuruck', 'zusammen']);

/** A German verb form written in lower case ("ablehnen", "formuliert", "meldet"). */
const VERB_FORM = /^\p{Ll}[\p{L}-]*(?:en|n|t)$/u;

/** Words only an English question has ("Who do the centres network with locally?"): its words are not read as German verbs. */
const ENGLISH = /(?:^|[^\p{L}])(?:the|do|does|did|is|are|can|could|what|who|how|which|where|when|why|you|your|of|to|with)(?=[^\p{L}]|$)/iu;

/**
 * The main verb of a question clause as written, when in lower case: the verb that closes it ("Darf
 * eine Schule ein Kind *ablehnen*?", "ob wir … *durchführen* dürfen", "muss er dann die Klasse
 * *wiederholen*?"), or, when a particle or a noun closes it, the finite verb after the question word
 * ("Wie *meldet* man ein Kind … ab?", "Was *verdient* man als …?"). Undefined when the part is no
 * question (a request, a statement) or is English; a clause after it with a reason or a condition
 * ("…, weil die Klassen voll sind", "…, wenn er vor Ort erscheinen will") is left aside.
 */
export function mainVerb(question: string): string | undefined {
  if (opensQuestion(question, /\?\s*$/u.test(question)) === null || ENGLISH.test(question)) return undefined;
  const clauses = question.trim().replace(/[.!?…:;"'»«“”)]+$/u, '').split(/,\s*/u);
  // "Darf eine Schule ein Kind ablehnen, weil die Klassen voll sind?": the reason is no part of the question's verb.
  while (clauses.length > 1 && SUBORDINATORS.has(clauses[clauses.length - 1]!.split(/\s+/u)[0]!.toLowerCase())) clauses.pop();
  const list = clauses.join(' ').split(/\s+/u);
  let at = list.length - 1;
  while (at > 0 && CLOSING_AUXILIARIES.has(list[at]!)) at--;
  const closing = list[at]!;
  if (at >= 2 && VERB_FORM.test(closing) && !CLOSING_PARTICLES.has(closing)) return closing;
  const finite = VERB_NEXT_INTERROGATIVES.has(list[0]!.toLowerCase()) ? list[1] : undefined;
  return finite !== undefined && VERB_FORM.test(finite) && !CLOSING_AUXILIARIES.has(finite) ? finite : undefined;
}
