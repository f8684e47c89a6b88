/**
 * Reads a `composeExtension/query` invoke's value, checking its shape first: teams-ai's own
 * query route assumes `parameters` is an array and would throw inside the turn otherwise.
 */
import { z } from 'zod/v4';
import { SearchErrorCode, SearchErrorMessage } from './messages';

/** The command id declared in manifest/manifest.json. */
export const SEARCH_COMMAND = 'searchKnowledge';
/** The command's text parameter, as declared in the manifest. */
export const QUERY_PARAMETER = 'query';
/** Teams sends this parameter (value "true") when the flyout opens, before anything is typed. */
export const INITIAL_RUN_PARAMETER = 'initialRun';

const queryValueSchema = z.object({
  commandId: z.string(),
  parameters: z
    .array(z.object({ name: z.string(), value: z.union([z.string(), z.number(), z.boolean(), z.null()]).optional() }))
    .optional(),
  queryOptions: z
    .object({
      skip: z.number().int().min(0).optional(),
      count: z.number().int().min(0).optional(),
    })
    .optional(),
});

/** A query the extension can answer. */
export interface SearchQuery {
  /** The trimmed search text; empty for the initial run. */
  readonly text: string;
  readonly skip: number;
  readonly count: number;
}

/** Why an invoke cannot be answered; becomes a 400 invoke response. */
export interface QueryProblem {
  readonly code: SearchErrorCode;
  readonly message: string;
}

/** Default page size when Teams sends none. */
const DEFAULT_COUNT = 25;

/** Parses an invoke value into a {@link SearchQuery}, or says what is wrong with it. */
export function parseQueryValue(value: unknown): { query: SearchQuery } | { problem: QueryProblem } {
  const parsed = queryValueSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue.path.length > 0 ? `value.${issue.path.join('.')}` : 'value';
    return {
      problem: {
        code: SearchErrorCode.InvalidQuery,
        message: SearchErrorMessage.invalidQuery(`${where}: ${issue.message}`),
      },
    };
  }
  const { commandId, parameters = [], queryOptions = {} } = parsed.data;
  if (commandId !== SEARCH_COMMAND) {
    return { problem: { code: SearchErrorCode.UnknownCommand, message: SearchErrorMessage.unknownCommand(commandId) } };
  }
  const raw = parameters.find((parameter) => parameter.name === QUERY_PARAMETER)?.value;
  const text = typeof raw === 'string' ? raw.trim() : '';
  return {
    query: { text, skip: queryOptions.skip ?? 0, count: queryOptions.count || DEFAULT_COUNT },
  };
}
