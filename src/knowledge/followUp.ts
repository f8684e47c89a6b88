/**
 * Reading an asked part against the topic of the last answer (stage 6 of reading a message, see
 * `message.ts`): elliptic follow-ups ("und die Faxnummer?", "gibt es sowas auch für Schulen?",
 * "was macht sie sonst noch?") take the last answer's words and neighbourhood; a complete new
 * question keeps its own answer; a follow-up the last answer does not hold is answered from the
 * same subject or declined.
 */
import { coverageOf, type Explanation, type Matcher, type TextReader, type Topic } from './matcher';
import { answerText } from './answerText';
import { answerGives, asksBeyond, type BeyondAsk } from './beyond';
import { isTopicWord, words } from './chatWords';
import type { Entry } from './schema';
import { actorNamed, actorOfLastAnswer, actorsNamed, asksToExplain, firstActorNamed, leansBack, namesLaki } from './pointers';
import { splitSentences } from './sentenceSplit';
import { isStopword } from './text';
import { declined, shownEntries } from './decide';
import { explainsTerm, termAskedToExplain } from './terms';
import type { MatchResult, Outcome } from './types';

/** One asked part on its way through the stages. */
export interface PartTrace {
  readonly text: string;
  /** Why this piece was taken as asked. */
  readonly why: string;
  /** Texts whose known words helped ranking. */
  readonly context: readonly string[];
  /** Whether the part leans on something said before ("und die Adresse?"); only judged in a conversation with a topic. */
  readonly elliptic: boolean;
  /** Set when the last answer's topic was used to read this part. */
  readonly followUp?: { readonly entryId: string };
  /** The context sentence this part points into ("… dabei?"), whose known words joined it. */
  readonly leansOn?: string;
  /** The piece before the part: what it is read as when it names no topic ("Wie lautet die?"). */
  readonly antecedent?: string;
  /** The actor a pronoun of the part stands for ("… und wo sitzt *sie*?"). */
  readonly actor?: string;
  readonly explanation: Explanation;
}

const RANK: Record<Outcome, number> = { none: 0, suggest: 1, answer: 2 };

/** A follow-up that asks for something besides the last answer ("sonst noch", "gilt das auch für …", "noch was Ähnliches?"). */
const ADDITIVE = /(^|\s)(auch|sonst|ausserdem|außerdem|weitere[nms]?|andere[nms]?|ähnliche[nms]?|aehnliche[nms]?|vergleichbare[nms]?|else|also|too|other|similar)(\s|[?!.]|$)/iu;

/**
 * A follow-up that asks for the same for something else: "gibt es sowas auch für Schulen?",
 * "gibts dazu auch was für Grundschulen?", "Do they also do something for small children?",
 * "gilt das auch im Elementarbereich?", "und was machen die für Schulen?". What follows the
 * preposition is its new subject. The "und" may be missing: the sentence stage leaves it with an
 * opener ("ok, und was machen die für Kitas?" reaches here as "was machen die für Kitas?"), and
 * "Danke! Was machen die für Kitas?" asks the same without it.
 */
const SHIFT =
  /(^|\s)(auch|ebenfalls|also|too)\s+(?:(?:do|does|offer|offers|have|has|provide|provides|bieten|bietet|machen|macht|tun|tut)\s+)?(?:(?:was|etwas|sowas|welche|anything|something)\s+)?(für|fur|fuer|in|im|bei|beim|an|am|zur|zum|for|at)\s+\S|^((und|and)\s+)?(was|wie|welche\w*)\s.*\s(für|fur|fuer|im|beim|bei|for)\s+(?!(wen|was|wie|wem)\b)\S/iu;

/**
 * What names an entry's topic, for reading a follow-up: its title and keywords, and its
 * neighbourhood: related entries and theirs (two links), so a conversation that moved from an
 * overview to one programme can still continue with the overview's other entries.
 */
function topicOf(entry: Entry, getEntry: (id: string) => Entry | undefined): Topic {
  const favoured = new Set([entry.id, ...entry.related]);
  for (const id of entry.related) for (const next of getEntry(id)?.related ?? []) favoured.add(next);
  return { text: [entry.title, ...entry.keywords].join(' . '), favoured };
}

/**
 * Reads an asked part, and again against the last answer's topic when it may be a follow-up.
 * A part that points back ("gibt es dafür …", "was macht sie …", or names no topic at all) takes
 * the reading with the topic when that is at least as good. A part that continues the topic
 * ("und für wen gibt es Fortbildungen?") keeps its own answer when that lies in the topic's
 * neighbourhood (the entry and its related entries) and takes the topic's reading when that
 * answers inside it. A complete question keeps its own answer, so an old topic never bends a
 * clear question; there the topic only turns no answer into suggestions, or suggestions into an
 * answer.
 */
export function readPart(
  matcher: Matcher,
  reader: TextReader,
  part: AskedPart,
  topic: Entry | undefined,
  getEntry: (id: string) => Entry | undefined,
): PartTrace {
  const trace = readWithTopic(matcher, reader, part, topic, getEntry);
  // "Mit wem arbeitet die LaKI zusammen?" – "und wer genau sind diese Unterstützungseinrichtungen?":
  // asked which ones exactly, the last answer that named them as a group again would pretend to
  // list them: the knowledge does not say.
  if (topic && trace.explanation.result.answer?.id === topic.id && ASKS_WHICH_EXACTLY.test(part.text) && UNNAMED_GROUP.test(topic.answer.replace(/\*\*/gu, ''))) {
    const declinedHere = declinedReading(trace.explanation);
    return traceOf({ ...part, why: `${part.why}; asks which ones exactly, and the last answer names them only as a group` }, trace.elliptic, declinedHere);
  }
  // "Wer fördert die LaKI?" – "und warum?", "und danach?", "und wie genau?": the last answer again,
  // which does not give the reason, the next step or the detail asked: the knowledge does not say.
  const beyond = topic && trace.explanation.result.answer?.id === topic.id ? asksBeyond(part.text) : undefined;
  if (topic && beyond && !answerGives(beyond, answerText(topic))) {
    const declinedHere = declinedReading(trace.explanation);
    return traceOf({ ...part, why: `${part.why}; asks ${BEYOND_WHAT[beyond]}, which the last answer does not give` }, trace.elliptic, declinedHere);
  }
  if (topic) return explainedTerm(matcher, part, topic, trace) ?? trace;
  return trace;
}

/** What a {@link BeyondAsk} asks, for a trace's reason. */
const BEYOND_WHAT: Record<BeyondAsk, string> = { reason: 'a reason', sequence: 'what comes next', detail: 'more detail', means: 'the way it is done', person: 'what a person named does' };

/**
 * "Wer wird von den KIs vernetzt?" – "was heißt Migrantenselbstorganisation?": asked what a word of
 * the last answer means, that answer again does not explain it unless it is about the word (its
 * title names it). The entry the word alone finds answers when it is about the word ("Was ist die
 * LaKI?" – "was ist mit dem Verbund gemeint?": the Verbund's entry); otherwise the knowledge does not
 * say. Undefined when the part asks no meaning or gets another answer than the last one.
 */
function explainedTerm(matcher: Matcher, part: AskedPart, topic: Entry, trace: PartTrace): PartTrace | undefined {
  if (trace.explanation.result.answer?.id !== topic.id) return undefined;
  const term = termAskedToExplain(part.text);
  if (!term || explainsTerm(matcher.analyzer, topic, term)) return undefined;
  const about = matcher.explain(term).result.answer;
  const candidates = trace.explanation.result.candidates;
  if (about && about.id !== topic.id && explainsTerm(matcher.analyzer, about, term)) {
    const result: MatchResult = { outcome: 'answer', answer: about, suggestions: [], candidates };
    return traceOf({ ...part, why: `${part.why}; asks what '${term}' means: the entry about it` }, trace.elliptic, { ...trace.explanation, result }, { entryId: topic.id });
  }
  const declinedHere = declinedReading(trace.explanation);
  return traceOf({ ...part, why: `${part.why}; asks what '${term}' of the last answer means, and no entry is about it` }, trace.elliptic, declinedHere);
}

/**
 * Which ones exactly, or by name: "wer genau sind diese …?", "mit welchen genau?", "welche sind das
 * konkret?" — not what exactly ("was heißt das genau?" asks to explain), nor which one thing the last
 * answer may well name ("welcher Paragraph genau?").
 */
const ASKS_WHICH_EXACTLY =
  /(?:^|[^\p{L}])(?:wer|(?:mit|bei|von|zu)\s+(?:wem|welchen)|welche\s+sind\s+(?:das|dies|die))\s+(?:\S+\s+){0,3}?(?:genau|konkret|im\s+einzelnen|namentlich|alle)(?=[^\p{L}]|$)/iu;

/**
 * Others an answer names only as a group ("mit *anderen landesweiten Unterstützungseinrichtungen*",
 * "*weiteren überregional wirkenden Partnern*"): an answer without such a group lists what it names
 * (the contact persons, MSW and MAIS, the fields), and asked which ones exactly, it is given again.
 */
const UNNAMED_GROUP =
  /(?<!\p{L})(?:andere[nrs]?|weitere[nrs]?)\s+(?:(?!(?:von|als|mit|in|im|bei|zu|für|aus|an|auf|und|oder)\s)\p{Ll}+\s+){0,2}\p{Lu}\p{L}+/u;

/** See {@link readPart}. */
function readWithTopic(
  matcher: Matcher,
  reader: TextReader,
  written: AskedPart,
  topic: Entry | undefined,
  getEntry: (id: string) => Entry | undefined,
): PartTrace {
  if (!topic) return traceOf(written, false, matcher.explain(written.text, written, reader));
  // (A plain substring test first: most parts correct nothing.)
  const part = (written.text.includes('mein') && correctedSubject(written)) || written;
  const alone = matcher.explain(part.text, part, reader);
  const leaning = leansBack(part.text, isStopword);
  const trace = traceOf(part, leaning !== 'no', alone);
  const neighbourhood = topicOf(topic, getEntry);
  const answeredAlone = alone.result.answer;
  const actor = part.actor ?? actorOfTopic(part.text, topic);
  // "Was sind die Kernaufgaben der LaKI?" – "und wer finanziert *die*?": its own words leave a choice
  // between the two actors' funding, and the pronoun stands for the actor of the last answer.
  if (leaning === 'points-back') {
    const chosen = actorChoice(matcher, reader, part, alone, actor);
    if (chosen) return traceOf({ ...part, why: `${part.why}; the pronoun picks the choice about the last answer's actor` }, trace.elliptic, chosen, { entryId: topic.id });
  }
  // "Wer fördert die LaKI?" – "und die KIs?": a part that continues with a subject and nothing
  // else asks the last question of another subject.
  if (leaning === 'continues' && new Set(alone.analysis.tokens).size <= SUBJECT_ONLY_TOKENS) {
    const swapped = sameForOther({ matcher, reader, part, topic, neighbourhood, alone, withTopic: alone, elliptic: trace.elliptic });
    if (swapped) return swapped;
  }
  // A clear answer stays, unless the part points back, or continues the topic ("und für wen
  // gibt es Fortbildungen?") and the answer lies outside the topic's neighbourhood.
  if (answeredAlone && (leaning === 'no' || (leaning === 'continues' && neighbourhood.favoured.has(answeredAlone.id)))) return trace;
  const besides = ADDITIVE.test(part.text);
  const withTopic = readAgainstTopic(matcher, reader, part, topic, neighbourhood, besides);
  const reading: FollowUpReading = { matcher, reader, part, topic, neighbourhood, alone, withTopic, elliptic: trace.elliptic, actor };
  if (leaning === 'points-back' && besides) {
    const more = moreOfSubject(reading) ?? relatedForMore(reading, getEntry);
    if (more) return more;
  }
  // "gibt es sowas auch für Schulen?" after the early-years answer names a subject the last answer
  // does not cover: read by its own words it is about schools, and the topic only helps when it
  // does better than that.
  // Only a part that points back is read past the topic or as naming a new subject.
  const covered = leaning === 'points-back' && topicCovers(matcher, reader, part, alone, topic);
  const shifts = SHIFT.test(part.text) && alone.result.outcome !== 'none' && !covered;
  const better = topicReadingWins(reading, leaning, shifts);
  // Below, the part points back to a last answer that does not hold what it asks.
  const pointsPastTopic = leaning === 'points-back' && !asksToExplain(part.text) && !covered;
  if (better && pointsPastTopic) {
    const reread = readPastTopic(reading, shifts);
    if (reread) return reread;
  }
  const chosen = better ? withTopic : alone;
  // "Wer sind die Ansprechpersonen?" – "und namentlich für Schule?": read with the topic, a part
  // whose own words the last answer does not hold gets that answer again as the one choice: it
  // tells nothing new, and the knowledge does not say.
  if (better && withTopic.result.outcome === 'suggest' && showsOnly(withTopic, topic) && !topicCovers(matcher, reader, part, alone, topic)) {
    const declinedHere = declinedReading(withTopic);
    return traceOf({ ...part, why: `${part.why}; the last answer again, which does not hold what it asks` }, trace.elliptic, declinedHere);
  }
  if (pointsPastTopic && !shifts && shownOf(chosen).length > 0 && shownOf(chosen).every((entry) => !staysWithSubject(reading, entry))) {
    // "Was ist Rucksack-Kita?" – "und wer bezahlt das?": "das" is the programme, and what the part's
    // own words find (the funding of the centres) is about something else: the knowledge does not say.
    const declinedHere = declinedReading(chosen);
    return traceOf({ ...part, why: `${part.why}; what it finds is not about the last answer it points at` }, trace.elliptic, declinedHere);
  }
  // "Welche Handlungsfelder haben die KIs?" – "Was machen die da genau im Bereich Schule?": the user
  // has read the overview and asks into one of its fields; the last answer again tells nothing new,
  // the neighbour that holds the part's own words does.
  if (leaning === 'points-back' && chosen.result.answer?.id === topic.id && alone.scored.length > 0 && !asksToExplain(part.text)) {
    const deeper = intoRelated(reading);
    if (deeper) return deeper;
  }
  // Only a part that continues the conversation or points back lets it choose: "wer kann so eins
  // einrichten?" asks anew, and the last answer's neighbour is no better a guess than its own words.
  if (!better && leaning !== 'no') {
    const near = nearChoice(reading);
    if (near) return near;
  }
  return better ? traceOf(part, trace.elliptic, withTopic, { entryId: topic.id }) : trace;
}

/**
 * "Welche Programme gibt es da?" – "und für wen gibt es Fortbildungen?": the part's own words leave
 * a choice (the schools' or the early years' courses), and only one of the choices lies in the
 * conversation's neighbourhood: that one answers, when it covers the part's own words.
 */
function nearChoice(reading: FollowUpReading): PartTrace | undefined {
  const { matcher, reader, part, topic, neighbourhood, alone, elliptic } = reading;
  if (alone.result.outcome !== 'suggest') return undefined;
  const near = alone.result.suggestions.filter((entry) => neighbourhood.favoured.has(entry.id) && entry.id !== topic.id);
  if (near.length !== 1 || !coversOwnWords(matcher, reader, part, alone, near[0]!)) return undefined;
  const result: MatchResult = { outcome: 'answer', answer: near[0]!, suggestions: [], candidates: alone.result.candidates };
  return traceOf({ ...part, why: `${part.why}; of the choices its words leave, the one in the conversation's neighbourhood` }, elliptic, { ...alone, result }, { entryId: topic.id });
}

/**
 * A later part of a message that points at the part before it with an adverb ("Welche Programme
 * gibt es in der frühen Bildung, und für wen gibt es da Fortbildungen?"): when its own words leave
 * a choice, the one in the neighbourhood of the earlier part's answer answers (see {@link nearChoice}).
 */
export function choiceNearAnswer(
  matcher: Matcher,
  reader: TextReader,
  trace: PartTrace,
  part: AskedPart,
  before: Entry,
  getEntry: (id: string) => Entry | undefined,
): PartTrace | undefined {
  const alone = trace.explanation;
  return nearChoice({ matcher, reader, part, topic: before, neighbourhood: topicOf(before, getEntry), alone, withTopic: alone, elliptic: trace.elliptic });
}

/**
 * "Wer fördert die KIs?" – "nein, ich meinte die LaKI, nicht das KI": the writer corrects the subject
 * of the last question; what they meant, without what they did not, continues the conversation as
 * "und die LaKI?" would. Undefined when the part corrects nothing.
 */
function correctedSubject(part: AskedPart): AskedPart | undefined {
  const meant = CORRECTION.exec(part.text)?.[1];
  return meant ? { ...part, text: `und ${meant}?`, why: `${part.why}; corrects the subject of the last question` } : undefined;
}

/** "ich meinte (eigentlich) die LaKI[, nicht das KI]": group 1 is what the writer meant, without what they did not. */
const CORRECTION = /^(?:(?:nein|nee|sorry)[\s,.!]+)?(?:ich\s+)?mein(?:t)?e\s+(?:eigentlich\s+|natürlich\s+|doch\s+)?(.+?)(?:,?\s+(?:und\s+)?nicht\s+.*)?[?.!]*$/i;

/** Most distinct tokens of a continuing part that only names a subject ("und die KIs?" → KI, Integration). */
const SUBJECT_ONLY_TOKENS = 2;

/**
 * The part read with the last answer's topic but without the last answer itself: "und die KIs?"
 * after the LaKI's funding is the centres' funding. Its answer, when it differs from what the
 * part's own words find and holds them; otherwise undefined.
 */
function sameForOther(reading: FollowUpReading): PartTrace | undefined {
  const { matcher, reader, part, topic, neighbourhood, alone, elliptic } = reading;
  const besides = readAgainstTopic(matcher, reader, part, topic, neighbourhood, true);
  const answer = besides.result.answer;
  if (!answer) return sameActorForAudience(reading, besides);
  if (answer.id === alone.result.answer?.id || !coversOwnWords(matcher, reader, part, alone, answer)) return undefined;
  if (alone.result.answer && holdsOwnWordsBetter(reading, alone.result.answer, answer)) return undefined;
  return traceOf({ ...part, why: `${part.why}; asks the same of another subject` }, elliptic, besides, { entryId: topic.id });
}

/**
 * "Was macht die LaKI?" – "und für mich als Kommune?": a part naming only whom it is for keeps the
 * last answer's actor as the one doing it. Of the choices the part leaves read with the topic
 * (the LaKI's advice to municipalities, the centres' overview …), the one about that actor that
 * holds the part's own words answers; the municipalities' own entry, which its words alone find,
 * is about someone else. Undefined unless exactly one choice is such.
 */
function sameActorForAudience(reading: FollowUpReading, besides: Explanation): PartTrace | undefined {
  const { matcher, reader, part, topic, alone, elliptic } = reading;
  if (besides.result.outcome !== 'suggest' || !FOR_SOMEONE.test(part.text)) return undefined;
  const actor = actorOf(topic);
  if (!actor) return undefined;
  // (Its contact data tell how to reach the actor, not what it does: only a part asking for them.)
  const asksContact = namesContact(part.text);
  const about = besides.result.suggestions.filter(
    (entry) => aboutActor(actor, entry) && (entry.category !== 'kontakt' || asksContact) && coversOwnWords(matcher, reader, part, alone, entry),
  );
  if (about.length !== 1 || about[0]!.id === alone.result.answer?.id) return undefined;
  const result: MatchResult = { outcome: 'answer', answer: about[0]!, suggestions: [], candidates: besides.result.candidates };
  return traceOf({ ...part, why: `${part.why}; asks what the last answer's actor does for someone else` }, elliptic, { ...besides, result }, { entryId: topic.id });
}

/** "für …", "for …": whom something is for. */
const FOR_SOMEONE = /(?:^|\s)(?:für|fur|fuer|for)\s/iu;

/**
 * The part read against the last answer's topic: its words with the topic's at reduced weight, the
 * topic's neighbourhood favoured, and the last answer itself left out when `besides` (the part asks
 * for something else than it: "und was macht sie sonst noch?").
 */
function readAgainstTopic(matcher: Matcher, reader: TextReader, part: AskedPart, topic: Entry, neighbourhood: Topic, besides: boolean): Explanation {
  return matcher.explain(
    part.text,
    {
      context: part.context,
      antecedent: part.antecedent ?? topic.title,
      leansOn: part.leansOn,
      topic: besides ? { ...neighbourhood, exclude: topic.id } : neighbourhood,
    },
    reader,
  );
}

/** A part read as a follow-up: alone and with the last answer's topic. */
interface FollowUpReading {
  readonly matcher: Matcher;
  readonly reader: TextReader;
  readonly part: AskedPart;
  readonly topic: Entry;
  readonly neighbourhood: Topic;
  readonly alone: Explanation;
  readonly withTopic: Explanation;
  readonly elliptic: boolean;
  /** The actor a pronoun of the part stands for: named before it in the message, or the one the last answer is about. */
  readonly actor?: string;
}

/**
 * "was macht sie sonst noch?" names nothing of its own and asks for more than the last answer:
 * when nothing else answers it, the last answer's related entries are what else there is.
 */
function relatedForMore(reading: FollowUpReading, getEntry: (id: string) => Entry | undefined): PartTrace | undefined {
  const { matcher, part, topic, alone, withTopic } = reading;
  if (alone.result.declineReason !== 'empty' || withTopic.result.outcome !== 'none') return undefined;
  const others = topic.related.map(getEntry).filter((entry): entry is Entry => entry !== undefined);
  if (others.length === 0) return undefined;
  const result: MatchResult = {
    outcome: 'suggest',
    answer: null,
    suggestions: others.slice(0, matcher.settings.maxSuggestions),
    candidates: withTopic.result.candidates,
  };
  const more = { ...part, why: `${part.why}; asks for more than the last answer: its related entries` };
  return traceOf(more, reading.elliptic, { ...withTopic, result }, { entryId: topic.id });
}

/**
 * "Was macht die LaKI für die Qualität …?" – "was macht sie sonst noch?": a part asking for more
 * that names nothing but an actor (or nothing at all) asks for the rest of the subject the last
 * answer is part of: the overview of its category ("Bietet ihr Rucksack-Kita an?" – "und was
 * machen die KIs da sonst noch?" is the early years' overview), or where the category has none
 * above the last answer, what the actor does ("und was macht sie sonst noch?" after the LaKI's
 * support along the education chain), when that lies in the last answer's neighbourhood or
 * subject. Undefined otherwise: the last answer's related entries are then what else there is.
 */
function moreOfSubject(reading: FollowUpReading): PartTrace | undefined {
  const { matcher, reader, part, topic, alone, elliptic } = reading;
  if (!ASKS_FOR_MORE.test(part.text) || !alone.analysis.tokens.every((token) => matcher.actorTokens.has(token))) return undefined;
  // "Was ist Griffbereit?" – "Gibt es das auch bei uns in Hamm?": what the part's own reading
  // declined (a place the knowledge does not know) stays declined.
  if (alone.result.outcome === 'none' && alone.result.declineReason !== 'empty') return undefined;
  const why = `${part.why}; asks for more of the subject of the last answer`;
  const overview = matcher.overviewOf(topic);
  if (overview) {
    const result: MatchResult = { outcome: 'answer', answer: overview, suggestions: [], candidates: alone.result.candidates };
    return traceOf({ ...part, why: `${why}: its overview` }, elliptic, { ...alone, result }, { entryId: topic.id });
  }
  const actor = reading.actor ?? actorNamed(part.text);
  if (!actor) return undefined;
  const doing = matcher.explain(part.text, { context: part.context, actor, topic: { text: '', favoured: new Set(), exclude: topic.id } }, reader);
  const answer = doing.result.answer;
  if (!answer || !aboutActor(actor, answer) || !(reading.neighbourhood.favoured.has(answer.id) || sameSubject(matcher, answer, topic))) return undefined;
  // "Kernaufgaben der LaKI" – "was macht sie sonst noch?": an entry that lists the last answer among
  // its own parts tells it again; the last answer's related entries are what else there is.
  if (answer.related.includes(topic.id)) return undefined;
  return traceOf({ ...part, why: `${why}: what its actor does` }, elliptic, doing, { entryId: topic.id });
}

/** Asking for something besides what was said ("sonst noch", "außerdem", "weitere"), not for the same elsewhere ("auch"). */
const ASKS_FOR_MORE = /(^|\s)(sonst|ausserdem|außerdem|weitere[nms]?|andere[nms]?|else|other)(\s|[?!.]|$)/iu;

/** Whether the reading with the last answer's topic beats the part's own reading. */
function topicReadingWins(reading: FollowUpReading, leaning: 'points-back' | 'continues' | 'no', shifts: boolean): boolean {
  const { matcher, reader, part, topic, neighbourhood, alone, withTopic } = reading;
  const answeredAlone = alone.result.answer;
  if (leaning === 'points-back') {
    if (RANK[withTopic.result.outcome] > RANK[alone.result.outcome]) return true;
    // "gilt das auch für Schulen?" after the early-years opening: among the school entries the part
    // finds, the topic picks the one about the same thing (the schools' opening).
    if (shifts) return withTopic.result.answer !== null && findsAmongFirst(alone, withTopic.result.answer, matcher.settings.maxSuggestions);
    return (
      RANK[withTopic.result.outcome] === RANK[alone.result.outcome] ||
      // "gibt es dafür Beispiele?" answered alone outside the topic is a guess: the topic's
      // reading wins when it stays in the neighbourhood, even if it only suggests.
      (answeredAlone !== null && !neighbourhood.favoured.has(answeredAlone.id) && inNeighbourhood(withTopic, neighbourhood))
    );
  }
  // "und …?" asks for something else than the last answer: a neighbour, not the same entry again.
  if (answeredAlone) return withTopic.result.answer !== null && withTopic.result.answer.id !== topic.id && neighbourhood.favoured.has(withTopic.result.answer.id);
  if (contactOfOther(reading)) return false;
  // "Was unterscheidet LaKI und KI?" – "und wer darf eins einrichten?": when the part's own words
  // find other entries, the last answer again says nothing new unless it holds those words.
  if (withTopic.result.answer?.id === topic.id && coversAllOwnWords(alone) && !coversOwnWords(matcher, reader, part, alone, topic)) return false;
  return RANK[withTopic.result.outcome] > RANK[alone.result.outcome];
}

/**
 * "Was tut die LaKI für den Austausch?" – "und wer fördert die LaKI?": a continuing part that its
 * own words answer fully asks a new question; the last answer's words, borrowed, lift a neighbour
 * that only shares one of them ("geförderte" centres in the Verbund). The neighbour takes over only
 * when it holds the part's own words as well as the part's own answer does.
 */
function holdsOwnWordsBetter(reading: FollowUpReading, own: Entry, neighbour: Entry): boolean {
  const ownCoverage = coverageOf(reading.alone, own) ?? 0;
  if (!coversAll(ownCoverage)) return false;
  return ownCoverageOf(reading, neighbour) < ownCoverage - COVERAGE_GAP;
}

/** How much less of the part's own words a neighbour may hold than its own answer and still take over (rounding of equal coverage). */
const COVERAGE_GAP = 1e-9;

/**
 * "Wer fördert die LaKI?" – "Wie erreiche ich die Ministerien?": a part asking how to reach someone
 * the knowledge has no contact data of is declined by its own words; read with the topic, the last
 * answer's words lift an entry that names that someone but gives no contact data. Asked how to
 * reach someone, only contact data answer: such a reading does not win.
 */
function contactOfOther(reading: FollowUpReading): boolean {
  const { part, alone, withTopic } = reading;
  const answer = withTopic.result.answer;
  if (!answer || answer.category === 'kontakt' || alone.result.declineReason !== 'uncovered-terms') return false;
  return namesContact(part.text);
}

/**
 * A part that points back to a last answer which does not hold what it asks, read once more.
 * Its own answer stands when it is about the same subject ("und wie erreiche ich die?" after the
 * LaKI's tasks is the LaKI's contact); when its own words leave a choice ("und wer fördert die?":
 * the centres' or the LaKI's funding), the pronoun makes it. When the topic's reading gave the
 * last answer again, what it finds besides that answer may answer when it stays with the subject
 * ("Was sind die Kernaufgaben der LaKI?" – "und mit wem arbeitet die dabei zusammen?"); otherwise
 * giving the last answer again ("Was ist Rucksack-Kita?" – "und wer bezahlt das?") would pretend
 * it holds what is asked: the knowledge does not say. Undefined when none of this applies.
 */
function readPastTopic(reading: FollowUpReading, shifts: boolean): PartTrace | undefined {
  const { matcher, reader, part, topic, alone, withTopic, elliptic, actor } = reading;
  const answeredAlone = alone.result.answer;
  if (!shifts) {
    if (answeredAlone && (sameSubject(matcher, answeredAlone, topic) || aboutActor(actor, answeredAlone) || asksOtherBody(part, actor, answeredAlone, topic) || sameActorWhole(reading, answeredAlone))) {
      return traceOf(part, elliptic, alone, { entryId: topic.id });
    }
    const onSubject = alone.result.suggestions.filter((entry) => sameSubject(matcher, entry, topic) || aboutActor(actor, entry));
    if (!answeredAlone && onSubject.length === 1 && coversOwnWords(matcher, reader, part, alone, onSubject[0]!)) {
      const result: MatchResult = { outcome: 'answer', answer: onSubject[0]!, suggestions: [], candidates: alone.result.candidates };
      const resolved = { ...part, why: `${part.why}; the pronoun picks the choice on the last answer's subject` };
      return traceOf(resolved, elliptic, { ...alone, result }, { entryId: topic.id });
    }
    const overview = answeredAlone ? undefined : overviewPresenting(matcher, alone.result.suggestions, topic);
    if (overview) {
      const result: MatchResult = { outcome: 'answer', answer: overview, suggestions: [], candidates: alone.result.candidates };
      const presented = { ...part, why: `${part.why}; its choices on the last answer's subject are presented together by their overview` };
      return traceOf(presented, elliptic, { ...alone, result }, { entryId: topic.id });
    }
  }
  if (!showsOnly(withTopic, topic)) return undefined;
  const neighbours = besidesTopic(reading, 'the last answer does not hold it, its neighbours do');
  if (neighbours) return neighbours;
  const declinedHere = declinedReading(withTopic);
  return traceOf({ ...part, why: `${part.why}; the last answer does not hold what it asks` }, elliptic, declinedHere);
}

/**
 * "Zusammenarbeit mit Eltern" – "gibts dazu programme?": of the choices the part's own words leave,
 * several lie under the overview above the last answer (Griffbereit, Rucksack-Kita under the early
 * years' overview, beside the LaKI's "Zusammenarbeit" with the Land): pointing at the last answer,
 * the part asks about those, and the overview that lists them presents them together. Undefined
 * unless at least two choices lie under it.
 */
function overviewPresenting(matcher: Matcher, choices: readonly Entry[], topic: Entry): Entry | undefined {
  const overview = matcher.overviewOf(topic);
  if (!overview) return undefined;
  let under = 0;
  for (const entry of choices) if (matcher.overviewOf(entry)?.id === overview.id) under++;
  return under >= 2 ? overview : undefined;
}

/**
 * The part read by its own words among the last answer's related entries (the fields of an
 * overview): the answer when one of them answers it.
 */
function intoRelated(reading: FollowUpReading): PartTrace | undefined {
  const { matcher, reader, part, topic, elliptic } = reading;
  if (topic.related.length === 0) return undefined;
  const own = matcher.explain(part.text, { context: part.context, topic: { text: '', favoured: new Set(topic.related), exclude: topic.id } }, reader);
  const answer = own.result.answer;
  if (answer && topic.related.includes(answer.id)) {
    return traceOf({ ...part, why: `${part.why}; asks into the last answer: the related entry that answers it` }, elliptic, own, { entryId: topic.id });
  }
  // "Was machen die KIs beim Übergang?" – "woran orientieren die sich dabei?": the part's words also
  // fit entries elsewhere (the integration concept), but "dabei" points into the last answer: the
  // one related entry that holds all its words answers.
  if (own.result.outcome === 'none') return undefined;
  const inside = own.scored.filter((candidate) => topic.related.includes(candidate.entry.id) && coversAll(candidate.coverage));
  if (inside.length !== 1) return undefined;
  const result: MatchResult = { outcome: 'answer', answer: inside[0]!.entry, suggestions: [], candidates: own.result.candidates };
  return traceOf({ ...part, why: `${part.why}; asks into the last answer: the one related entry that holds its words` }, elliptic, { ...own, result }, { entryId: topic.id });
}

/**
 * The part read with the last answer's neighbourhood but without the last answer itself: its
 * answer or suggestions, when they stay with the subject and hold the part's own words (the
 * topic's words were borrowed to find them); otherwise undefined.
 */
function besidesTopic(reading: FollowUpReading, why: string): PartTrace | undefined {
  const { matcher, reader, part, topic, neighbourhood, alone, elliptic } = reading;
  const besides = readAgainstTopic(matcher, reader, part, topic, neighbourhood, true);
  const shown = shownOf(besides);
  // What it shows may lie elsewhere, or nothing when the topic's words weigh down the entry that
  // holds the part's own words: then its first candidates are looked at, as a suggestion would
  // list them — when the part's own words found something (no protection declined it).
  const looksFurther = !shown.some((entry) => staysWithSubject(reading, entry)) && alone.result.outcome !== 'none';
  const others = looksFurther ? besides.scored.slice(0, matcher.settings.maxSuggestions).map((candidate) => candidate.entry) : shown;
  const onSubject = others.filter((entry) => staysWithSubject(reading, entry) && coversOwnWords(matcher, reader, part, alone, entry));
  if (onSubject.length === 0) return undefined;
  if (onSubject.length === others.length) return traceOf({ ...part, why: `${part.why}; ${why}` }, elliptic, besides, { entryId: topic.id });
  // "Interkulturelle Schulentwicklung" – "und wer wird da beraten?": of what the part finds (the
  // schools' advice, the LaKI's advice to municipalities), what stays with the subject answers.
  const candidates = besides.result.candidates;
  const result: MatchResult =
    onSubject.length === 1
      ? { outcome: 'answer', answer: onSubject[0]!, suggestions: [], candidates }
      : { outcome: 'suggest', answer: null, suggestions: onSubject, candidates };
  return traceOf({ ...part, why: `${part.why}; ${why}, of what it finds only what stays with the subject` }, elliptic, { ...besides, result }, { entryId: topic.id });
}

/** True when an entry lies in the last answer's neighbourhood or is about the same subject. */
function staysWithSubject(reading: FollowUpReading, entry: Entry): boolean {
  return (
    reading.neighbourhood.favoured.has(entry.id) ||
    sameSubject(reading.matcher, entry, reading.topic) ||
    contactsLaki(reading.part, entry, reading.topic) ||
    aboutActor(reading.actor, entry)
  );
}

/**
 * True when a part's pronoun stands for an actor ("und wer bezahlt *die*?" after the centres'
 * cross-cutting work: the centres) and the entry is about that actor: its title names it, else its
 * first sentence ("Förderung der Kommunalen Integrationszentren").
 */
function aboutActor(actor: string | undefined, entry: Entry): boolean {
  return actor !== undefined && actorOf(entry) === actor;
}

/** The actor a pronoun of a follow-up stands for when the last answer is about one (see `actorOfLastAnswer` in pointers.ts). */
function actorOfTopic(text: string, topic: Entry): string | undefined {
  return actorOfLastAnswer(text, topic.title, firstSentence(topic), isStopword);
}

/**
 * The part's own reading with the one choice about the actor its pronoun stands for answering, when
 * its choices are about both actors ("wer finanziert die?": the LaKI's or the centres' funding) and
 * that one holds the part's own words; otherwise undefined.
 */
function actorChoice(matcher: Matcher, reader: TextReader, part: AskedPart, alone: Explanation, actor: string | undefined): Explanation | undefined {
  if (!actor || alone.result.outcome !== 'suggest') return undefined;
  const choices = alone.result.suggestions;
  const about = choices.filter((entry) => aboutActor(actor, entry));
  if (about.length !== 1 || !choices.some((entry) => actorOf(entry) !== undefined && actorOf(entry) !== actor)) return undefined;
  if (!coversOwnWords(matcher, reader, part, alone, about[0]!)) return undefined;
  return { ...alone, result: { outcome: 'answer', answer: about[0]!, suggestions: [], candidates: alone.result.candidates } };
}

/**
 * "Was ist ein KI?" – "gibt es das in jedem Kreis?" – "und wer kümmert sich landesweit um die?":
 * a part asking who does something about what the last answer is about (its pronoun stands for no
 * actor), whose own words find the other actor's entry ("landesweit": the LaKI), asks for that
 * other body. Only "wer": with "mit wem arbeiten die zusammen?" the pronoun is the one doing it.
 */
function asksOtherBody(part: AskedPart, actor: string | undefined, answer: Entry, topic: Entry): boolean {
  if (actor !== undefined || !ASKS_WHO_DOES.test(part.text)) return false;
  const before = actorOf(topic);
  const found = actorOf(answer);
  return before !== undefined && found !== undefined && found !== before;
}

/** "wer", "who": asks for the subject, so a pronoun beside it stands for no one doing it ("mit *wem* arbeiten *die* zusammen?" asks about them). */
const ASKS_WHO_DOES = /(?:^|[^\p{L}])(?:wer|who)(?=[^\p{L}]|$)/iu;

/** The one actor an entry is about: the one its title names, else the one its first sentence names first. */
function actorOf(entry: Entry): string | undefined {
  let actor = entryActors.get(entry);
  if (actor === undefined) {
    const named = actorsNamed(entry.title);
    actor = (named.length > 0 ? (named.length === 1 ? named[0] : undefined) : firstActorNamed(firstSentence(entry))) ?? null;
    entryActors.set(entry, actor);
  }
  return actor ?? undefined;
}

/**
 * "Was tut die LaKI mit neuen Bedarfen?" – "welches Dezernat ist das nochmal?": a part pointing back
 * whose own words an entry about the same actor as the last answer holds whole asks about that
 * actor: "das" is the LaKI, and its department answers.
 */
function sameActorWhole(reading: FollowUpReading, answer: Entry): boolean {
  const actor = actorOf(reading.topic);
  return actor !== undefined && actorOf(answer) === actor && coversAll(coverageOf(reading.alone, answer) ?? 0);
}

/** Each entry's actor (null: none), kept for the snapshot. */
const entryActors = new WeakMap<Entry, string | null>();

/**
 * "Welche Programme gibt es in der frühen Bildung?" – "und wen können wir dazu bei der LaKI
 * anrufen?": the LaKI's contact data answer a part that names the LaKI, whatever it points at; so
 * they do a part that points at the people of the last answer, or at where it was ("und wer ist *da*
 * Ansprechpartner?"), and names nothing but the contact it asks for, when the last answer's first
 * sentence names the LaKI ("Die LaKI berät Kommunen bei der Einrichtung …" – "wie schreib ich denen
 * ne mail?"). "und wer ist dort in den Kommunen Ansprechpartner?" asks about someone else.
 */
function contactsLaki(part: AskedPart, entry: Entry, topic: Entry): boolean {
  if (entry.category !== 'kontakt') return false;
  if (namesLaki(part.text)) return true;
  // (Words of two letters are chat for an article: "ne mail".)
  const pointing =
    THEM_OR_THERE.test(part.text) && words(part.text).every((word) => word.length <= 2 || !isTopicWord(word, isStopword) || CONTACT_WORD.test(word));
  return pointing && namesLaki(firstSentence(topic));
}

/** The first sentence of an entry's answer, as the sentence stage splits it: what the entry is about, and who does it. */
export function firstSentence(entry: Entry): string {
  return splitSentences(answerText(entry))[0] ?? '';
}

/** Words of asking for a contact ("Ansprechpartner", "Mail", "Telefonnummer", "erreichen", "schreiben"), folded. */
const CONTACT_WORD = /^(?:ansprech|kontakt|e?-?mail|telefon|tel$|nummer|adress|anschrift|erreich|schreib|anruf|ruf|fax|person)/u;

/** True when a part names a way of reaching someone ({@link CONTACT_WORD}): "Wie erreiche ich die Ministerien?". */
function namesContact(text: string): boolean {
  return words(text).some((word) => CONTACT_WORD.test(word));
}

/**
 * "denen", "ihnen": the people of what was said before (the formal "Ihnen" is written
 * capitalised); "da", "dort": where it was said to happen.
 */
const THEM_OR_THERE = /(?:^|[^\p{L}])(?:denen|ihnen|da|dort)(?=[^\p{L}]|$)/u;


/** An asked part as the sentence stage found it. */
type AskedPart = Pick<PartTrace, 'text' | 'why' | 'context' | 'antecedent' | 'leansOn' | 'actor'>;

/**
 * A part's trace, built field by field: V8 adds each property that follows a spread
 * (`{ ...part, elliptic }`) through its runtime, about a microsecond each, on every message.
 */
function traceOf(part: AskedPart, elliptic: boolean, explanation: Explanation, followUp?: PartTrace['followUp']): PartTrace {
  const trace: { -readonly [K in keyof PartTrace]: PartTrace[K] } = { text: part.text, why: part.why, context: part.context, elliptic, explanation };
  if (part.antecedent !== undefined) trace.antecedent = part.antecedent;
  if (part.leansOn !== undefined) trace.leansOn = part.leansOn;
  if (part.actor !== undefined) trace.actor = part.actor;
  if (followUp) trace.followUp = followUp;
  return trace;
}

/**
 * True when two entries are about the same subject: the same topic group, or titles that share a
 * word ("Kontakt zur LaKI" and "Kernaufgaben der LaKI").
 */
function sameSubject(matcher: Matcher, one: Entry, other: Entry): boolean {
  if (one.category === other.category) return true;
  const words = new Set(matcher.analyzer.analyzeIndexed(one.title).tokens);
  return matcher.analyzer.analyzeIndexed(other.title).tokens.some((token) => words.has(token));
}

/**
 * True when the last answer's entry covers the part's own words, or the part has none ("was
 * heißt das genau?" asks for the same entry again).
 */
function topicCovers(matcher: Matcher, reader: TextReader, part: AskedPart, alone: Explanation, topic: Entry): boolean {
  return alone.scored.length === 0 || coversOwnWords(matcher, reader, part, alone, topic);
}

/** True when an entry covers enough of the part's own words (its reading alone, without a topic). */
function coversOwnWords(matcher: Matcher, reader: TextReader, part: AskedPart, alone: Explanation, entry: Entry): boolean {
  return ownCoverage(matcher, reader, part, alone, entry) >= matcher.settings.minCoverage;
}

/** How much of the part's own words (its reading alone, without a topic) an entry covers. */
function ownCoverage(matcher: Matcher, reader: TextReader, part: AskedPart, alone: Explanation, entry: Entry): number {
  // The entry may rank below the candidates kept: read once more with it favoured, which moves
  // it up without changing what it covers.
  const favoured = () => matcher.explain(part.text, { ...part, topic: { text: '', favoured: new Set([entry.id]) } }, reader);
  return coverageOf(alone, entry) ?? coverageOf(favoured(), entry) ?? 0;
}

/** {@link ownCoverage} of a follow-up reading's part. */
function ownCoverageOf(reading: FollowUpReading, entry: Entry): number {
  return ownCoverage(reading.matcher, reading.reader, reading.part, reading.alone, entry);
}

/** True when the first suggestion of a part read alone covers every word it asks ("wer darf eins *einrichten*?" → setting up a centre). */
function coversAllOwnWords(alone: Explanation): boolean {
  return alone.result.outcome === 'suggest' && coversAll(alone.scored[0]?.coverage ?? 0);
}

/** True when a coverage is whole, up to rounding: the entry holds every word the part asks. */
function coversAll(coverage: number): boolean {
  return coverage >= 1 - 1e-9;
}

/** True when an entry is among the first `count` candidates of a reading. */
function findsAmongFirst(reading: Explanation, entry: Entry, count: number): boolean {
  return reading.scored.slice(0, count).some((candidate) => candidate.entry.id === entry.id);
}

/**
 * True when a reading shows the entry and nothing else: answers with it, or offers it as the one
 * choice ("Wer sind die Ansprechpersonen?" – "und wer davon ist für Schulen zuständig?" offered
 * the persons again).
 */
function showsOnly(reading: Explanation, entry: Entry): boolean {
  const shown = shownOf(reading);
  return shown.length === 1 && shown[0]!.id === entry.id;
}

/** A reading declined because the knowledge does not cover what it asks, its candidates kept. */
function declinedReading(reading: Explanation): Explanation {
  return { ...reading, result: declined('uncovered-terms', reading.result.candidates) };
}

/** The entries a reading shows: its answer, or its suggestions. */
export function shownOf(reading: Explanation): readonly Entry[] {
  return shownEntries(reading.result);
}

/** True when a reading answers or suggests inside the topic's neighbourhood. */
function inNeighbourhood(reading: Explanation, topic: Topic): boolean {
  const shown = shownOf(reading);
  return shown.length > 0 && topic.favoured.has(shown[0]!.id);
}
