/**
 * `GET /api/ask?q=…`: the bot's brain as JSON, for the tab, the CLI, benchmarks and scripts.
 */
import type { Request } from 'restify';
import { MAX_QUESTION_LENGTH } from '../../config';
import { answerText, type KnowledgeBase, type MatchResult, type Outcome } from '../../knowledge';
import { ApiError, ErrorCode, ErrorMessage } from '../errors';
import { sendJson, type RouteHandler } from '../respond';

/** The JSON body of a `/api/ask` answer. */
export interface AskResponse {
  readonly outcome: Outcome;
  readonly answer: { readonly id: string; readonly title: string; readonly text: string } | null;
  readonly suggestions: ReadonlyArray<{ readonly id: string; readonly title: string }>;
}

/** Builds the handler; `knowledge()` is asked per request so a hot reload applies at once. */
export function askRoute(knowledge: () => KnowledgeBase): RouteHandler {
  return (req, res) => {
    const question = questionOf(req);
    sendJson(res, 200, toAskResponse(knowledge().match(question)));
  };
}

/** Maps a match to the public JSON shape; `answer.text` is the text users read. */
export function toAskResponse(result: MatchResult): AskResponse {
  return {
    outcome: result.outcome,
    answer: result.answer
      ? { id: result.answer.id, title: result.answer.title, text: answerText(result.answer) }
      : null,
    suggestions: result.suggestions.map((entry) => ({ id: entry.id, title: entry.title })),
  };
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
