/**
 * `GET /api/ask?q=…`: the bot's brain as JSON, for the tab, the CLI, benchmarks and scripts.
 */
import type { Request, Response } from 'restify';
import { MAX_QUESTION_LENGTH } from '../../config';
import { answerText, type Entry, type KnowledgeBase, type MatchResult, type MessageMatch, type Outcome } from '../../knowledge';
import { ApiError, ErrorCode, ErrorMessage } from '../errors';
import { sendJson, type RouteHandler } from '../respond';
import { turnBatches } from '../turnBatch';

/** How one question was answered: the top level of `/api/ask` and each of its `parts`. */
export interface AskResult {
  readonly outcome: Outcome;
  readonly answer: { readonly id: string; readonly title: string; readonly text: string } | null;
  readonly suggestions: ReadonlyArray<{ readonly id: string; readonly title: string }>;
  /** With `outcome: 'none'`: topics the knowledge base holds near the question; not an answer. */
  readonly nearby: ReadonlyArray<{ readonly id: string; readonly title: string }>;
}

/**
 * The JSON body of a `/api/ask` answer: the top-level fields describe the message's main
 * question (so clients that show one answer keep working); `parts` lists every asked part of
 * the message in order, each with the text as written.
 */
export interface AskResponse extends AskResult {
  readonly parts: ReadonlyArray<AskResult & { readonly text: string }>;
}

/**
 * Builds the handler; `knowledge()` is asked per question so a hot reload applies at once. The
 * questions that arrive in one event-loop turn are matched together before any is answered (see
 * `turnBatch.ts`); a question whose matching fails fails alone (a 500 through `route`). A request
 * whose client has gone by the time its batch runs is not matched.
 */
export function askRoute(knowledge: () => KnowledgeBase): RouteHandler {
  const answerOf = turnBatches(({ question, res }: { question: string; res: Response }) =>
    res.destroyed ? undefined : toAskResponse(knowledge().matchMessage(question)),
  );
  return async (req, res) => {
    const body = await answerOf({ question: questionOf(req), res });
    if (body) sendJson(res, 200, body);
  };
}

/** Maps a message match to the public JSON shape. */
export function toAskResponse(message: MessageMatch): AskResponse {
  // Field by field: V8 adds a property that follows a spread (`{ ...main, parts }`) slowly.
  const { outcome, answer, suggestions, nearby } = toAskResult(message.main);
  return { outcome, answer, suggestions, nearby, parts: message.parts.map((part) => ({ text: part.text, ...toAskResult(part) })) };
}

/** Maps one match to the public JSON shape; `answer.text` is the text users read. */
export function toAskResult(result: MatchResult): AskResult {
  return {
    outcome: result.outcome,
    answer: result.answer
      ? { id: result.answer.id, title: result.answer.title, text: answerText(result.answer) }
      : null,
    suggestions: result.suggestions.map(entryRef),
    nearby: result.nearby ? result.nearby.map(entryRef) : [],
  };
}

/** An entry named in a result: what a client needs to show and open it. */
function entryRef(entry: Entry): { readonly id: string; readonly title: string } {
  return { id: entry.id, title: entry.title };
}

/** The trimmed `q` parameter, or an {@link ApiError} saying what is wrong with it. */
function questionOf(req: Request): string {
  const raw: unknown = (req.query as Record<string, unknown> | undefined)?.q;
  if (raw !== undefined && typeof raw !== 'string') {
    throw new ApiError(400, ErrorCode.InvalidQuestion, ErrorMessage.invalidQuestion);
  }
  const question = typeof raw === 'string' ? raw.trim() : '';
  if (question === '') throw new ApiError(400, ErrorCode.MissingQuestion, ErrorMessage.missingQuestion);
  if (question.length > MAX_QUESTION_LENGTH) {
    throw new ApiError(400, ErrorCode.QuestionTooLong, ErrorMessage.questionTooLong(question.length));
  }
  return question;
}
