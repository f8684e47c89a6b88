/**
 * How a piece of a message points at what was said before it: pronouns and pointing adverbs
 * ("Wie lautet *die*?", "Gibt es *da* eine Vorgabe?", "was macht *sie* sonst noch?"), a piece
 * that only asks again, and a follow-up that asks to explain. Read by the sentence stage (which
 * piece leans on which), by the follow-up stage (`followUp.ts`, `message.ts`) and by the matcher
 * (what a part that points asks: a place, an abbreviation, someone).
 */
import { ANAPHORS, COURTESY, INTERROGATIVES, isTopicWord, joinedWords, MODAL_VERBS, PLAIN_INTERROGATIVES, POINTING_ADVERBS, TOPIC_ADVERBS, words } from './chatWords';
import { ARTICLE_FILLERS, COORDINATING_CONJUNCTIONS, SEPARABLE_PARTICLES } from './text';

/** A follow-up that asks to explain what was said ("was heißt das genau?", "Was ist damit gemeint?", "wie läuft das ab?"), folded. */
const EXPLAINS =
  /(^|\s)(was\s+(heisst|hiess|bedeutet|bedeuten|meint|meinen\s+sie)|gemeint|genauer|naher|erklar\w*|wie\s+(lauft|funktioniert|geht)\s+(das|dies)(\s+(denn\s+|genau\s+|konkret\s+)?ab)?|what\s+does\s+(it|that|this)\s+mean|meaning|explain|how\s+does\s+(it|that|this)\s+work)(\s|$)/u;

/** True when a piece asks to explain what it points at rather than for another fact. */
export function asksToExplain(text: string): boolean {
  return EXPLAINS.test(joinedWords(text));
}

/** "wie viel", "wieviele", "wie lange", "wie oft", "how much", folded: a question for a measure. */
const ASKS_MEASURE = /(?:^|\s)(?:wie\s*(?:viel|viele|vielen|vieler|lange|oft|hoch|gross|teuer|weit)|how\s+(?:much|many|long|often))(?=\s|$)/u;

/**
 * True when a piece names nothing and asks for no kind of fact: "Wie heißt es?", "Wie lautet der?".
 * "Was macht die?" asks what it does, a fact of its own.
 */
export function asksAgain(text: string, isStopword: (word: string) => boolean): boolean {
  const list = words(text);
  // "und mit wie viel?", "wie lange?": "wie" with a word of degree asks a measure, a fact of its own.
  if (ASKS_MEASURE.test(joinedWords(text))) return false;
  return list.every(
    (word) =>
      !DOING.has(word) &&
      (ANAPHORS.has(word) || COURTESY.has(word) || PLAIN_INTERROGATIVES.has(word) || (isStopword(word) && !INTERROGATIVES.has(word))),
  );
}

/**
 * True when a piece points back and names nothing but an actor ("kann das KI *sowas*?", "Macht
 * die LaKI *das*?"): after an asked piece, it asks whether the actor does what that piece asked.
 */
export function asksActorAgain(text: string, isStopword: (word: string) => boolean): boolean {
  const list = words(text);
  // "Ist das ein Thema für die *Kommunalen* Integrationszentren?": the adjective is part of the centres' name.
  // Its topic words must all name an actor: most parts name a topic of their own, so the first
  // that names none answers before the pointing words are looked for (one loop, no array).
  let topics = 0;
  for (let index = 0; index < list.length; index++) {
    const word = list[index]!;
    if (POINTING_ADVERBS.has(word) || DOING.has(word) || !isTopicWord(word, isStopword) || (COMMUNAL.test(word) && namesActor(list[index + 1] ?? ''))) continue;
    if (!namesActor(word)) return false;
    topics++;
  }
  if (topics === 0) return false;
  return list.some((word) => POINTING_ADVERBS.has(word)) || standsFor(list, isStopword) || saysSuchAThing(text);
}

/** "kommunal", "kommunale", "kommunalen", folded: the first word of the centres' full name. */
const COMMUNAL = /^kommunal(?:e[nrs]?)?$/u;

/** True when a word names one of the {@link ACTORS}. */
export function namesActor(word: string): boolean {
  return ACTORS.some((actor) => actor.named.test(word));
}

/**
 * "so was", "so etwas" written apart, folded: they point back like "sowas"; so does "so jemand"
 * ("Wir bräuchten einen Dolmetscher … Vermittelt das KI *so jemanden*?"), for a kind of person.
 */
const SO_WAS = /(?:^|\s)so\s+(?:was|etwas|jemand|jemanden|jemandem)(?=\s|$)/u;

/** True when a piece says "sowas", "so etwas" or "so was": it points at a kind of thing or situation said before. */
export function saysSuchAThing(text: string): boolean {
  const list = words(text);
  return list.includes('sowas') || list.includes('soetwas') || SO_WAS.test(joinedWords(text));
}

/** The actors a piece names ({@link ACTORS}): "LaKI", "KI". */
export function actorsNamed(text: string): string[] {
  return ACTORS.filter((actor) => actor.named.test(text)).map((actor) => actor.name);
}

/** The actor a piece names ({@link ACTORS}), when it names exactly one. */
export function actorNamed(text: string): string | undefined {
  const named = actorsNamed(text);
  return named.length === 1 ? named[0] : undefined;
}

/** A question for a person or body ("wer", "wen", "wem", "who"). */
const ASKS_WHO = /(?:^|[^\p{L}])(?:wer|wen|wem|who)(?=[^\p{L}]|$)/iu;

/** True when a piece asks for a person or body: "Wer fördert die LaKI?". */
export function asksWho(text: string): boolean {
  return ASKS_WHO.test(text);
}

/** Nouns of a person in charge or to talk to ("die *Leitung*", "die *Ansprechpartnerin*"). */
const PERSON_NOUN = /(?:^|[^\p{L}])(?:leitung|leiter(?:in)?|chef(?:in)?|ansprechpartner(?:in)?|ansprechperson|kontaktperson|person)(?=[^\p{L}]|$)/iu;

/** True when a piece asks for a person: who does something, or a person in charge ("Wie heißt die Leitung …?"). */
export function asksForPerson(text: string): boolean {
  return ASKS_WHO.test(text) || PERSON_NOUN.test(text);
}

/** Verbs of doing: a question with one asks what something does ("Was macht die eigentlich?"). */
const DOING = new Set(['macht', 'machen', 'tut', 'tun', 'bietet', 'bieten', 'leistet', 'leisten']);

/**
 * How a piece leans on what was said before: 'points-back' when it names no topic or refers to
 * it with a pronoun or pronominal adverb ("gibt es dafür …", "was macht sie …"); 'continues' when
 * it opens with "und/auch" and names only a little ("und die Postanschrift?"); else 'no'.
 */
export function leansBack(text: string, isStopword: (word: string) => boolean): 'points-back' | 'continues' | 'no' {
  const list = words(text);
  const topic = list.filter((word) => isTopicWord(word, isStopword));
  if (topic.length === 0) return 'points-back';
  if (topic.length > 3) return 'no';
  if (list.some((word) => ANAPHORS.has(word) && !ARTICLES.has(word)) || pointsBack(text, isStopword)) return 'points-back';
  return /^(und|auch|noch|and|also|what about)\b/u.test(joinedWords(text)) ? 'continues' : 'no';
}

const ARTICLES = new Set(['die', 'der', 'den', 'dem', 'das', 'es']);

/** True when a piece points back with an adverb ("und wer berät *da*?", "gibt es *dafür* …"), not only with a pronoun. */
export function pointsWithAdverb(text: string): boolean {
  return words(text).some((word) => POINTING_ADVERBS.has(word));
}

/** Particles a demonstrative standing alone may precede ("Wer organisiert den *eigentlich*?"), folded. */
const PARTICLES: ReadonlySet<string> = new Set(['auch', 'noch', 'denn', 'eigentlich', 'mal', 'da', 'dann', 'uberhaupt', 'bitte', 'genau', 'jetzt', 'nun', 'so']);

/** Pronouns that stand for a thing when no noun follows ("Gilt *das* auch …", "Wie erreiche ich *die*?"). */
const DEMONSTRATIVES = new Set(['das', 'die', 'der', 'den', 'dies', 'diese', 'dieser', 'dieses', 'diesem', 'diesen', 'darunter', 'drunter', 'this', 'that', 'it', 'they']);

/**
 * True when a piece points into what was said before it with few words of its own: a thin
 * question (at most three topic words) with a pointing adverb ("Woran orientieren sich die KIs
 * *dabei*?") or a demonstrative standing alone, at the end or before a particle ("Was kostet
 * *das*?", "Gilt *das* auch …"). "die KIs" is an article, not an anaphor.
 */
export function pointsBack(text: string, isStopword: (word: string) => boolean): boolean {
  const list = words(text);
  const topic = list.filter((word) => !POINTING_ADVERBS.has(word) && isTopicWord(word, isStopword));
  if (topic.length > 3) return false;
  return (
    list.some((word) => POINTING_ADVERBS.has(word) || POSSESSIVES.has(word) || SUCH.has(word)) ||
    (list[1] === 'so' && SUCH_A_THING.has(list[2] ?? '')) ||
    standsFor(list, isStopword)
  );
}

/**
 * "solche" before a noun points at the kind of thing or people said before ("Kümmert sich das KI
 * auch um *solche Leute*?", "Arbeitet das KI mit *solchen Organisationen* zusammen?"), folded.
 */
const SUCH: ReadonlySet<string> = new Set(['solche', 'solchen', 'solcher', 'solches', 'solch']);

/**
 * "so etwas"/"so was" written apart, as the second and third word, right after the verb opening a
 * question, is its subject ("*Gehört so etwas* zum Angebot der KIs?", "Ist so etwas ein Thema …?"):
 * the whole question is about what was said before. As an object ("Unterstützt die LaKI die
 * Schulaufsicht bei so etwas?") the question's own words say what it asks. The word after "so", folded.
 */
const SUCH_A_THING: ReadonlySet<string> = new Set(['etwas', 'was']);

/** Words that stand for a thing named before, not for a situation ("Was steht da *drin*?", "Brauchen wir *eins*?"), folded. */
const THING_POINTERS: ReadonlySet<string> = new Set(['drin', 'darin', 'eins']);

/**
 * True when a piece points at a thing said before, not at the situation: a demonstrative standing
 * alone other than "das" ("Hast du *die* da?") or {@link THING_POINTERS}. A concession may name that thing
 * ("…, obwohl der Erlass das gar nicht vorsieht. Was steht da drin?").
 */
export function pointsAtNamedThing(text: string, isStopword: (word: string) => boolean): boolean {
  const list = words(text);
  const at = standingAt(list, isStopword);
  return (at !== -1 && !SITUATION_DEMONSTRATIVES.has(list[at]!)) || list.some((word) => THING_POINTERS.has(word));
}

/** Demonstratives that stand for a situation as often as for a thing ("Wie läuft *das* da?"); "die", "den" stand for a thing. */
const SITUATION_DEMONSTRATIVES: ReadonlySet<string> = new Set(['das', 'dies', 'this', 'that', 'it']);

/** Possessives that point at an owner named before ("Was sind *deren* Aufgaben?"). */
const POSSESSIVES = new Set(['deren', 'dessen']);

/**
 * True when a demonstrative stands for a thing named before, at the end or before a particle
 * ("Wie hängt *das* mit den KIs zusammen?"), rather than a pointing adverb ("*dafür* brauche ich
 * die Nummer"): the part is about that thing.
 */
export function pointsWithPronoun(text: string, isStopword: (word: string) => boolean): boolean {
  return standsFor(words(text), isStopword);
}

/**
 * True when a part refers to what was named before it with "sie" ("Die LaKI sitzt in Dortmund,
 * aber bei welcher Behörde ist *sie* angesiedelt?"): written in lower case inside the part, in a
 * message that capitalises — "Sie" is the asker's formal address, and all-lower-case writing
 * cannot tell the two apart.
 */
export function saysShe(text: string, message: string): boolean {
  return /\ssie(?=[^\p{L}]|$)/u.test(text) && /\p{Lu}/u.test(message);
}

/**
 * The LaKI as writers name it: "LaKI", "LaKI's", "Landeskoordinierungsstelle", "Koordinierungsstelle",
 * "Landesstelle", in English "coordination office" (a pattern's source, for every rule that looks
 * for the LaKI by name).
 */
export const LAKI_WORD = String.raw`laki(?:'?s)?|\p{L}*koordinierungsstelle\p{L}*|landesstelle\p{L}*|coordinat(?:ion|ing)\s+office`;

/**
 * The centres as writers name them: "KI", "KIs", "KI's", "Integrationszentrum", "Zentren", in
 * English "integration centres", "the centers" (a pattern's source).
 */
export const CENTRE_WORD = String.raw`kis?|ki'?s|\p{L}*integrationszentr\p{L}*|zentrum|zentren|cent(?:re|er)s?`;

const NAMES_LAKI = new RegExp(String.raw`(?:^|[^\p{L}])(?:${LAKI_WORD})(?=[^\p{L}]|$)`, 'iu');

/** True when a text names the LaKI. */
export function namesLaki(text: string): boolean {
  return NAMES_LAKI.test(text);
}

/**
 * A part that asks the way to a place said before ("Wo genau müssen wir *da hin*?", "Wie komme ich
 * *dorthin*?"); "bis dahin" is a time.
 */
const ASKS_WAY_THERE = /(?:^|[^\p{L}])(?<!bis\s+)(?:da\s*hin|dort\s*hin)(?=[^\p{L}]|$)/iu;

/** True when a part asks the way to a place said before: it asks where that place is. */
export function asksWayThere(text: string): boolean {
  return ASKS_WAY_THERE.test(text);
}

/** The LaKI as where someone goes: "einen Besuch *bei der LaKI*", "Termin *bei der Landesstelle*". */
const TO_THE_LAKI = new RegExp(String.raw`(?:^|[^\p{L}])(?:bei|beim|zur|zum|zu|in die|an die)\s+(?:der\s+|die\s+|dem\s+)?(${LAKI_WORD})(?=[^\p{L}]|$)`, 'iu');

/**
 * What a part that asks the way there ("Wo genau müssen wir da hin?") points at in the sentence
 * before it, when that sentence names the LaKI as where the writer goes ("Wir vom Integrationsbüro
 * im Kreis Lippe planen im Herbst einen Besuch *bei der LaKI*"): the LaKI, whose address the
 * knowledge holds, not the sentence's other words. Any other destination ("zum KI in Bielefeld")
 * is a place the knowledge does not know: undefined, and the part leans on the whole sentence.
 */
export function destinationPointedAt(text: string, sentence: string): string | undefined {
  if (!asksWayThere(text)) return undefined;
  return TO_THE_LAKI.exec(sentence)?.[1];
}

/** Nouns, folded, with which a part asks about an abbreviation named before ("Wofür steht *die Abkürzung*?"). */
const ABBREVIATION_NOUNS: ReadonlySet<string> = new Set(['abkurzung', 'kurzel', 'akronym']);

/** True when a part asks about an abbreviation named before it. */
export function asksAbbreviation(text: string): boolean {
  // "Wofür steht die Abkürzung KI?" names its abbreviation itself.
  const list = words(text);
  const asks = list.some((word, index) => ABBREVIATION_NOUNS.has(word) && DEMONSTRATIVES.has(list[index - 1] ?? ''));
  return asks && text.match(ABBREVIATIONS) === null;
}

/** A word written as an abbreviation: two capitals or more ("LaKI", "KI", "MAIS"); a pattern's source (case matters). */
export const ABBREVIATION_WORD = String.raw`\p{L}*\p{Lu}\p{L}*\p{Lu}\p{L}*`;

/** Every abbreviation a text writes ({@link ABBREVIATION_WORD}); group 1 is the word. */
const ABBREVIATIONS = new RegExp(String.raw`(?:^|[^\p{L}])(${ABBREVIATION_WORD})(?=[^\p{L}]|$)`, 'gu');

/** True when a text is one abbreviation ("LaKI", "BAMF"). */
export function isAbbreviation(text: string): boolean {
  return abbreviationIn(text) === text.trim();
}

/** The abbreviation a sentence writes ("… ständig das Kürzel *LaKI*."), when it writes exactly one. */
export function abbreviationIn(sentence: string): string | undefined {
  const written = new Set([...sentence.matchAll(ABBREVIATIONS)].map(([, word]) => word!));
  // "Ich lese oft LaKI und KI": which one is meant is not said.
  return written.size === 1 ? [...written][0] : undefined;
}

/** The two actors of the knowledge base as writers name them: the LaKI and the centres. */
const ACTORS: ReadonlyArray<{ readonly name: string; readonly named: RegExp }> = [
  { name: 'LaKI', named: NAMES_LAKI },
  { name: 'KI', named: new RegExp(String.raw`(?:^|[^\p{L}])(?:${CENTRE_WORD})(?=[^\p{L}]|$)`, 'iu') },
];

/**
 * Personal pronouns and possessives that stand for a named actor; lower case, as "Sie"/"Ihr" address
 * the reader. English "it", "they" stand for a body too ("Who funds the coordination office, and
 * which authority does *it* belong to?").
 */
const ACTOR_PRONOUN = /(?:^|[^\p{L}])(?:sie|ihr|ihre|ihren|ihrer|ihrem|ihnen|er|ihm|ihn|deren|dessen|it|its|they|their)(?=[^\p{L}]|$)/u;

/** "sie" typed in lower case for the formal "Sie": after a verb opening the question, or before "mir/uns/bitte". */
const ADDRESSES_READER =
  /(?:^|[^\p{L}])(?:können|koennen|könnten|koennten|würden|wuerden|wissen|hätten|haetten|kennen|wären|waeren|möchten|moechten|dürfen|duerfen|sagen|schicken|senden|nennen|geben)\s+sie(?=[^\p{L}]|$)|(?:^|[^\p{L}])sie\s+(?:mir|uns|bitte)(?=[^\p{L}]|$)/iu;

/** Demonstratives standing alone that can stand for an actor ("Wie erreiche ich *die*?"); "das" stands for a thing. */
const ACTOR_DEMONSTRATIVES = new Set(['die', 'der', 'den', 'dem']);

/**
 * The actor a part refers to with a pronoun, when the piece it refers to names exactly one:
 * "Wer finanziert die LaKI und was macht *die* eigentlich genau?" asks what the LaKI does, not
 * again who funds it; "Wer fördert die Landeskoordinierungsstelle, und bei welcher Behörde ist
 * *sie* angesiedelt?" asks where the LaKI is attached. The referent must name nothing else the
 * pronoun could stand for (no other capitalised noun: "Ich suche die Faxnummer der LaKI, wo finde
 * ich die?" is about the number), unless the part asks what its subject does — only an actor does
 * something ("Welche Kernaufgaben hat die Koordinierungsstelle? Und was tut *sie* sonst noch?") or
 * what only a body has ("Was ist die Aufgabe der LaKI, wer fördert *sie*?").
 * Needs a message that capitalises: in lower case "sie" may be the reader — unless its verb is
 * singular ("bei welcher behörde *ist sie* angesiedelt", the reader's "Sie" takes "sind") and the
 * referent names nothing but its actor ("wer fördert die laki"; lower case hides which other
 * words are nouns).
 */
export function actorReferredTo(text: string, referent: string, message: string, isStopword: (word: string) => boolean): string | undefined {
  if (!/\p{Lu}/u.test(message) && !(SINGULAR_SIE.test(text) && namesOnlyActor(referent, isStopword))) return undefined;
  return actorOfReferent(text, referentOf(referent), isStopword);
}

/** "sie" beside a verb in the third person singular ("ist sie", "sitzt sie", "sie hat"), lower case: not the reader's "Sie". */
const SINGULAR_SIE = /(?:^|[^\p{L}])(?:(?:ist|hat|wird|war|kann|muss|darf|soll|(?!nicht\s)\p{L}{2,}t)\s+sie|sie\s+(?:ist|hat|wird|war|kann|muss|darf|soll|(?!nicht(?:[^\p{L}]|$))\p{L}{2,}t))(?=[^\p{L}]|$)/u;

/** True when the only topic word of a piece names an actor ("wer fördert die laki"). */
function namesOnlyActor(piece: string, isStopword: (word: string) => boolean): boolean {
  const topic = words(piece).filter((word) => isTopicWord(word, isStopword));
  return topic.length === 1 && namesActor(topic[0]!);
}

/** What a pronoun may stand for in a piece, without its words: the one actor it names, and whether it names another noun besides. */
export interface Referent {
  /** The one actor ("LaKI", "KI") the piece names, when it names exactly one. */
  readonly actor?: string;
  /** Whether the piece names another capitalised noun the pronoun could stand for ("das *Budget* der LaKI"). */
  readonly namesOther: boolean;
  /** Set when one of those nouns names a person ("*Frau* Rimbach", "die *Leiterin*"), who has tasks as a body does. */
  readonly namesPerson?: true;
}

/**
 * The LaKI named with the centres it coordinates: "Landesweite Koordinierungsstelle Kommunale
 * Integrationszentren", "the state-wide coordination office for the municipal integration centres".
 * The centres are part of its name there, not a second actor a pronoun could stand for.
 */
const LAKI_FULL_NAME = new RegExp(
  String.raw`(?:${LAKI_WORD})\s+(?:(?:for|of)\s+the\s+|der\s+|für\s+die\s+)?(?:municipal\s+|kommunalen?\s+)?(?:${CENTRE_WORD}|integration\s+cent(?:re|er)s)(?=[^\p{L}]|$)`,
  'iu',
);

/** The {@link Referent} of a piece. */
export function referentOf(piece: string): Referent {
  const named = ACTORS.filter((actor) => actor.named.test(piece.replace(LAKI_FULL_NAME, 'LaKI')));
  if (named.length !== 1) return { namesOther: named.length > 1 };
  const namesOther = namesOtherNoun(piece, named[0]!.named);
  // (Only a piece naming another noun can name a person.)
  return namesOther && NAMES_PERSON.test(piece) ? { actor: named[0]!.name, namesOther, namesPerson: true } : { actor: named[0]!.name, namesOther };
}

/** A person written before or beside an actor ("*Frau* Rimbach", "die *Leiterin* der LaKI"), capitalised as nouns are. */
const NAMES_PERSON = /(?:^|[^\p{L}])(?:Frau|Herrn?|Dr|Leiter(?:in)?|Leitung|Chef(?:in)?|Kolleg(?:e|in|en|innen)|Mitarbeiter(?:in|innen)?|Referent(?:in)?|Ansprechpartner(?:in)?|Ansprechperson(?:en)?)(?=[^\p{L}]|$)/u;

/** The actor a part's pronoun stands for, given the referent (see {@link actorReferredTo}); the writer's capitals are checked by the caller. */
export function actorOfReferent(text: string, referent: Referent, isStopword: (word: string) => boolean): string | undefined {
  const list = words(text);
  const at = standingAt(list, isStopword);
  const points = (ACTOR_PRONOUN.test(text) && !ADDRESSES_READER.test(text)) || (at !== -1 && ACTOR_DEMONSTRATIVES.has(list[at]!));
  if (!points || referent.actor === undefined) return undefined;
  // Tasks or aims are a body's ("ihre Kernaufgaben"), unless a person was named who has them too.
  const owner = !referent.namesPerson && ownsDuty(list);
  return owner || asksWhatItDoes(text) || !referent.namesOther ? referent.actor : undefined;
}

/**
 * The actor a pronoun of a follow-up stands for ("und wer finanziert *die*?", "was macht *sie* sonst
 * noch?"), given the last answer's title and first sentence: the one actor its title names, when
 * the part asks what an actor does or has, or the title names nothing else the pronoun could stand
 * for ("Kernaufgaben der LaKI"); else, for a part asking what an actor does or has, the actor its
 * first sentence names first — its subject ("Zu den Kernaufgaben der *LaKI* gehören … für den
 * Verbund der Kommunalen Integrationszentren"). "sie" after a verb addressing the reader ("können
 * sie mir …") is the reader, in lower case too.
 */
export function actorOfLastAnswer(text: string, title: string, firstSentence: string, isStopword: (word: string) => boolean): string | undefined {
  const list = words(text);
  const at = standingAt(list, isStopword);
  const points = (ACTOR_PRONOUN.test(text) && !ADDRESSES_READER.test(text)) || (at !== -1 && ACTOR_DEMONSTRATIVES.has(list[at]!));
  if (!points) return undefined;
  const named = ACTORS.filter((actor) => actor.named.test(title));
  if (named.length === 1) return asksWhatItDoes(text) || !namesOtherNoun(title, named[0]!.named) ? named[0]!.name : undefined;
  return named.length === 0 && asksWhatItDoes(text) ? firstActorNamed(firstSentence) : undefined;
}

/** The actor a sentence names first ("Die *LaKI* unterstützt den Verbund der Kommunalen Integrationszentren"): its subject, mostly. */
export function firstActorNamed(sentence: string): string | undefined {
  let first: { readonly name: string; readonly at: number } | undefined;
  for (const actor of ACTORS) {
    const at = sentence.search(actor.named);
    if (at !== -1 && (!first || at < first.at)) first = { name: actor.name, at };
  }
  return first?.name;
}

/** True when a piece asks what its subject does ("Was macht die eigentlich?") or something only a body has or does. */
function asksWhatItDoes(text: string): boolean {
  return words(text).some((word) => DOING.has(word) || BODY_VERBS.has(word));
}

/**
 * True when a possessive stands right before a duty or goal ("Was sind denn *ihre Kernaufgaben*?",
 * "Was ist *ihr Ziel*?"): only a body has tasks and aims — not the posts or the budget the piece
 * before named beside it.
 */
function ownsDuty(list: readonly string[]): boolean {
  for (let index = 0; index + 1 < list.length; index++) {
    if (OWNER_POSSESSIVES.has(list[index]!) && DUTY_NOUN.test(list[index + 1]!)) return true;
  }
  return false;
}

/** Possessives a pronoun of a body takes, lower case (words are folded). */
const OWNER_POSSESSIVES: ReadonlySet<string> = new Set(['ihr', 'ihre', 'ihren', 'ihrer', 'ihrem', 'deren', 'dessen', 'its', 'their']);

/**
 * A duty or aim, folded, German compounds included ("kernaufgaben", "hauptziel"); a role or
 * function, and the English words, as whole words only ("kontrolle" is no "rolle").
 */
const DUTY_NOUN = /(?:aufgaben?|ziele?n?|zweck|auftrag)$|^(?:rolle|funktion|tasks?|duties|goals?|aims?|role)$/;

/**
 * Verbs only an organisation is the object or subject of, folded: "Was ist die Aufgabe der LaKI,
 * wer *fördert* sie und wo ist sie *angesiedelt*?" asks who funds the LaKI, not its task.
 */
const BODY_VERBS: ReadonlySet<string> = new Set([
  'fordert', 'fordern', 'gefordert', 'finanziert', 'finanzieren', 'bezahlt', 'bezahlen', 'angesiedelt', 'angebunden', 'sitzt', 'sitzen',
]);

/** True when a sentence names a capitalised noun besides its actor (its first word and the reader's "Sie" aside). */
function namesOtherNoun(sentence: string, actor: RegExp): boolean {
  const written = sentence.match(/[\p{L}\p{N}'-]+/gu) ?? [];
  return written.some((word, index) => index > 0 && /^\p{Lu}/u.test(word) && !/^(Sie|Ihr\w*|Ihnen)$/u.test(word) && !actor.test(word));
}

/**
 * True when a part is about what was named before it: a demonstrative stands for it ("Wie hängt
 * *das* …?") or a thin part (at most two topic words) asks about it with a pointing adverb ("Gibt
 * es *da* eine Vorgabe?").
 */
export function pointsAtThing(text: string, isStopword: (word: string) => boolean): boolean {
  const list = words(text);
  if (standsFor(list, isStopword)) return true;
  return isThin(text, isStopword) && (list.some((word) => TOPIC_ADVERBS.has(word)) || saysSuchAThing(text));
}

/** Most topic words a thin part has ("wie erreiche ich sie *am besten direkt*?"). */
const THIN_TOPIC_WORDS = 2;

/** True when a part names at most {@link THIN_TOPIC_WORDS} topic words besides its pointing adverbs. */
export function isThin(text: string, isStopword: (word: string) => boolean): boolean {
  return words(text).filter((word) => !POINTING_ADVERBS.has(word) && isTopicWord(word, isStopword)).length <= THIN_TOPIC_WORDS;
}

function standsFor(list: readonly string[], isStopword: (word: string) => boolean): boolean {
  return standingAt(list, isStopword) !== -1;
}

/** Where a demonstrative stands for a thing (see {@link standsFor}), or -1. */
/**
 * Particles of separable verbs that may end a piece after a pronoun ("Wer baut den *auf*?", "Wer
 * gibt den *heraus*?"): the analyzer's, and a few more that only matter here (the analyzer joins
 * its particles with their verbs).
 */
const VERB_PARTICLES: ReadonlySet<string> = new Set([...SEPARABLE_PARTICLES, 'bereit', 'durch', 'hinaus', 'heran', 'voran']);

/**
 * True when the word at `index` ends the piece as the particle of a separable verb ("Wer baut den
 * *auf*?"), or as the infinitive of a modal verb before it ("Was sollen die *erreichen*?").
 */
function endsWithVerbParticle(list: readonly string[], index: number): boolean {
  if (index !== list.length - 1) return false;
  const last = list[index]!;
  return VERB_PARTICLES.has(last) || (/(?:en|ern|eln)$/u.test(last) && list.slice(0, index - 1).some((word) => MODAL_VERBS.has(word)));
}

function standingAt(list: readonly string[], isStopword: (word: string) => boolean): number {
  return list.findIndex(
    (word, index) =>
      (DEMONSTRATIVES.has(word) || (word === 'dem' && FIELDS.has(list[index + 1] ?? ''))) &&
      index > 0 &&
      // "den" is mostly an article before an inflected adjective ("bei den neuen Familien"): it
      // stands alone only at the end or before a particle ("Wer organisiert den eigentlich?"), or
      // before the particle of a separable verb that ends the piece ("Wer baut den auf?").
      (word !== 'den' || index === list.length - 1 || PARTICLES.has(list[index + 1]!) || endsWithVerbParticle(list, index + 1)) &&
      (index === list.length - 1 ||
        (isStopword(list[index + 1]!) && !ARTICLE_FILLERS.has(list[index + 1]!) && !compoundLetter(list[index + 1]!)) ||
        REFERRING_NOUNS.has(list[index + 1]!) ||
        endsWithVerbParticle(list, index + 1)) &&
      !INTERROGATIVES.has(list[index + 1] ?? ''),
  );
}

/**
 * True when a piece points only with a demonstrative, and the noun it stands for is named before
 * it in the piece itself: "Welche Ministerien stehen hinter der *LaKI* bzw. fördern *die*?". The
 * noun an interrogative asks for is not it ("Unter welcher *Nummer* erreiche ich *die*?"), nor a
 * capital that only opens the piece. Needs the writer's capitals; a lower-case piece points back.
 */
export function pointsWithinItself(text: string, isStopword: (word: string) => boolean): boolean {
  const list = words(text);
  if (list.some((word) => POINTING_ADVERBS.has(word) || POSSESSIVES.has(word))) return false;
  const at = standingAt(list, isStopword);
  // "in *diesem* Bereich" points at what was said before, whatever the piece names.
  if (at === -1 || !ARTICLES.has(list[at]!)) return false;
  const written = text.match(/[\p{L}\p{N}']+/gu) ?? [];
  if (written.length !== list.length) return false;
  // The noun stands in a clause before the pronoun's ("… hinter der LaKI *bzw.* fördern die?"):
  // a pronoun never stands for the subject of its own clause ("Gibt das Land das vor?").
  let boundary = at - 1;
  while (boundary > 0 && !COORDINATING_CONJUNCTIONS.has(list[boundary]!)) boundary--;
  for (let index = 1; index < boundary; index++) {
    if (/^\p{Lu}/u.test(written[index]!) && written[index] !== 'Sie' && !INTERROGATIVES.has(list[index - 1]!)) return true;
  }
  return false;
}

/** A single letter opening a hyphenated compound ("die *E*-Mail-Adresse"), not a word after a pronoun. */
function compoundLetter(word: string): boolean {
  return word.length === 1;
}

/** "in *dem* Bereich" says "in diesem Bereich": "dem" before a field points back. */
const FIELDS = new Set(['bereich', 'feld', 'gebiet']);

/** Demonstratives before a field that point back ("in *dem/diesem* Bereich"). */
const FIELD_DEMONSTRATIVES = new Set(['dem', 'diesem']);

/**
 * True when a piece points at a field named before it ("Was machen sie *in dem Bereich*?"), as a
 * pointing adverb does ("Was machen sie *da*?").
 */
export function pointsAtField(text: string): boolean {
  const list = words(text);
  return list.some((word, index) => FIELD_DEMONSTRATIVES.has(word) && FIELDS.has(list[index + 1] ?? ''));
}

/**
 * Nouns that, after "die/diese", refer to what was named before rather than name a topic: "wie
 * erreiche ich *die Person*?", "wofür steht *die Abkürzung*?".
 */
const REFERRING_NOUNS = new Set(['person', 'personen', 'begriff', ...ABBREVIATION_NOUNS]);
