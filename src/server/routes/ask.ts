/**
 * `GET /api/ask?q=…`: the bot's brain as JSON, for the tab, the CLI, benchmarks and scripts.
 */
import type { Request } from 'restify';
import { MAX_QUESTION_LENGTH } from '../../config';
import { answerText, type Entry, type KnowledgeBase, type MatchResult, type MessageMatch, type Outcome } from '../../knowledge';
import { ApiError, ErrorCode, ErrorMessage } from '../errors';
import { sendJsonBytes, type RouteHandler } from '../respond';

/** How one question was answered: the top level of `/api/ask` and each of its `parts`. */
export interface AskResult {
  readonly outcome: Outcome;
  readonly answer: { readonly id: string; readonly title: string; readonly text: string } | null;
  readonly suggestions: ReadonlyArray<{ readonly id: string; readonly title: string }>;
}

/**
 * The JSON body of a `/api/ask` answer: the top-level fields describe the message's main
 * question (so clients that show one answer keep working); `parts` lists every asked part of
 * the message in order, each with the text as written.
 */
export interface AskResponse extends AskResult {
  readonly parts: ReadonlyArray<AskResult & { readonly text: string }>;
}

/** Builds the handler; `knowledge()` is asked per request so a hot reload applies at once. */
export function askRoute(knowledge: () => KnowledgeBase): RouteHandler {
  return (req, res) => {
    const question = questionOf(req);
    sendJsonBytes(res, 200, askResponseJson(knowledge().matchMessage(question)));
  };
}

/** Maps a message match to the public JSON shape. */
export function toAskResponse(message: MessageMatch): AskResponse {
  // Field by field: V8 adds a property that follows a spread (`{ ...main, parts }`) slowly.
  const { outcome, answer, suggestions } = toAskResult(message.main);
  return { outcome, answer, suggestions, parts: message.parts.map((part) => ({ text: part.text, ...toAskResult(part) })) };
}

/** Maps one match to the public JSON shape; `answer.text` is the text users read. */
export function toAskResult(result: MatchResult): AskResult {
  return {
    outcome: result.outcome,
    answer: result.answer ? answerOf(result.answer) : null,
    suggestions: result.suggestions.map(suggestionOf),
  };
}

function answerOf(entry: Entry): NonNullable<AskResult['answer']> {
  return { id: entry.id, title: entry.title, text: answerText(entry) };
}

function suggestionOf(entry: Entry): AskResult['suggestions'][number] {
  return { id: entry.id, title: entry.title };
}

/**
 * The JSON of {@link toAskResponse} as UTF-8, byte for byte, assembled from each entry's answer
 * and suggestion serialised once per knowledge snapshot. Answers are most of the body (one with
 * contact facts is a kilobyte, and the main answer is also one of the parts): serialising and
 * encoding the whole body anew took about as long per request as a third of the matching.
 */
export function askResponseJson(message: MessageMatch): Buffer {
  const json = new JsonBytes();
  json.text('{');
  writeResult(json, message.main);
  json.text(',"parts":[');
  message.parts.forEach((part, index) => {
    json.text(`${index > 0 ? ',' : ''}{"text":${JSON.stringify(part.text)},`);
    writeResult(json, part);
    json.text('}');
  });
  json.text(']}');
  return json.toBuffer();
}

/** The fields of {@link toAskResult} without braces, in its order. */
function writeResult(json: JsonBytes, result: MatchResult): void {
  json.text(`"outcome":${JSON.stringify(result.outcome)},"answer":`);
  if (result.answer) json.bytes(answerJson(result.answer));
  else json.text('null');
  json.text(`,"suggestions":[${result.suggestions.map(suggestionJson).join(',')}]`);
}

/** JSON text and bytes encoded before, joined into one buffer. */
class JsonBytes {
  private readonly chunks: Buffer[] = [];
  private pending = '';

  text(json: string): void {
    this.pending += json;
  }

  bytes(json: Buffer): void {
    this.flush();
    this.chunks.push(json);
  }

  toBuffer(): Buffer {
    this.flush();
    return this.chunks.length === 1 ? this.chunks[0]! : Buffer.concat(this.chunks);
  }

  private flush(): void {
    if (this.pending === '') return;
    this.chunks.push(Buffer.from(this.pending));
    this.pending = '';
  }
}

/** Per entry object: a reload brings new entries, and the old ones' JSON goes with them. */
const answerJsons = new WeakMap<Entry, Buffer>();
const suggestionJsons = new WeakMap<Entry, string>();

/** An entry as the `answer` of {@link toAskResult}, as UTF-8 JSON. */
function answerJson(entry: Entry): Buffer {
  let json = answerJsons.get(entry);
  if (!json) {
    json = Buffer.from(JSON.stringify(answerOf(entry)));
    answerJsons.set(entry, json);
  }
  return json;
}

/** An entry as one of the `suggestions` of {@link toAskResult}, as JSON. */
function suggestionJson(entry: Entry): string {
  let json = suggestionJsons.get(entry);
  if (json === undefined) {
    json = JSON.stringify(suggestionOf(entry));
    suggestionJsons.set(entry, json);
  }
  return json;
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
