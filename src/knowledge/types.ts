import type { Entry } from './schema';

/**
 * What the matcher decided for one question:
 * - `answer`: one entry clearly answers it;
 * - `suggest`: a few close candidates, shown as "Meinten Sie …";
 * - `none`: the curated knowledge does not cover it (or it is off-topic).
 */
export type Outcome = 'answer' | 'suggest' | 'none';

/** An entry with the matcher's confidence in it (0 … 1). */
export interface Candidate {
  readonly entry: Entry;
  readonly score: number;
}

export interface MatchResult {
  readonly outcome: Outcome;
  /** The entry to show; set only when `outcome === 'answer'`. */
  readonly answer: Entry | null;
  /** "Meinten Sie …" choices; set only when `outcome === 'suggest'` (2–3 entries). */
  readonly suggestions: readonly Entry[];
  /** Best candidates in score order, whatever the outcome (best guesses for LaKI, logs). */
  readonly candidates: readonly Candidate[];
  /** Why the matcher declined, for logs and the editors' report; absent when it did not. */
  readonly declineReason?: DeclineReason;
  /**
   * Set only when the decision declined a question some entries came close to (`outcome ===
   * 'none'` for a forward term or uncovered words): those entries, shown beside the honest "no
   * answer" as topics to look at. Never an answer: the question asked for something they do not
   * say for certain. Not set for a reading declined because it is about something else than the
   * part points at (a follow-up, a part pointing at an unknown thing).
   */
  readonly nearby?: readonly Entry[];
}

export type DeclineReason =
  /** Nothing but stopwords or greetings. */
  | 'empty'
  /** No entry scored high enough. */
  | 'low-score'
  /** The question carries words no entry covers (e.g. amounts, places, dates). */
  | 'uncovered-terms'
  /** The question asks for something editors marked as always forwarded (synonyms `forward`). */
  | 'forward-term';

/** A loaded, validated and indexed knowledge base. Immutable: a reload builds a new one. */
export interface KnowledgeBase {
  readonly entries: readonly Entry[];
  /** When this snapshot was loaded, for /healthz. */
  readonly loadedAt: Date;
  getEntry(id: string): Entry | undefined;
  /** The message's main question only: `matchMessage(question).main`, for callers that show one answer. */
  match(question: string): MatchResult;
  /**
   * Reads a whole chat message: finds the question(s) inside it (greetings and context
   * sentences are context), judges each asked part alone, and, given the topic of the last
   * answer, resolves elliptic follow-ups ("und die E-Mail-Adresse?") against it.
   */
  matchMessage(text: string, context?: ConversationContext): MessageMatch;
}

/** The topic of the last answer in a conversation, for elliptic follow-ups. */
export interface ConversationContext {
  /** Id of the entry the bot answered last in this conversation; absent when it answered none yet. */
  readonly lastEntryId?: string;
  /**
   * What the message the bot declined in the turn right before named (see {@link DeclinedMessage}):
   * without a topic, the next turn may lean on it.
   */
  readonly declined?: DeclinedMessage;
}

/**
 * What a declined message leaves for the next turn to lean on, without its words (the topic store
 * keeps no message text): "Wie hoch ist das Budget der LaKI?" – "und wer fördert *die*?" asks who
 * funds the LaKI; "Wie viel Geld bekommt ein KI?" – "und wer berät *da*?" asks about what the
 * knowledge lacks.
 */
export interface DeclinedMessage {
  /** The one actor ("LaKI", "KI") it named, when it named exactly one. */
  readonly actor?: string;
  /** Whether it named another noun besides that actor, which a pronoun could stand for. */
  readonly namesOther: boolean;
  /** Set when one of those nouns names a person ("Frau Rimbach"), whose tasks a possessive may ask for. */
  readonly namesPerson?: true;
  /** Whether the writer uses capitals (in lower case, "sie" may be the reader). */
  readonly capitalised: boolean;
  /** Whether it named a thing the knowledge does not know (an unknown noun, a place). */
  readonly unknownThing: boolean;
}

/** The match of one asked part of a message. */
export interface PartMatch extends MatchResult {
  /** The part as the user wrote it (a sentence or clause of the message). */
  readonly text: string;
}

/** What a whole message asks and how each asked part was matched. */
export interface MessageMatch {
  /** The message's main question: the first answered part, else the first with suggestions, else the first part. */
  readonly main: MatchResult;
  /** Every asked part in message order; length 1 for a single question. */
  readonly parts: readonly PartMatch[];
  /** Set when the conversation context was used to read the message (an elliptic follow-up). */
  readonly followUp?: { readonly entryId: string };
  /** Set when every asked part was declined: what the next turn may lean on. */
  readonly declined?: DeclinedMessage;
}
