// The tab's calls to its own server. Every failure becomes an ApiProblem with a German message.
import { Text } from './messages.js';

export class ApiProblem extends Error {
  constructor(message, status) {
    super(message);
    this.status = status;
  }
}

async function getJson(path) {
  let response;
  try {
    response = await fetch(path, { headers: { Accept: 'application/json' } });
  } catch {
    throw new ApiProblem(Text.errorUnavailable, 0);
  }
  if (response.status === 404) throw new ApiProblem(Text.errorNotFound, 404);
  if (response.status === 400) throw new ApiProblem(Text.errorQuestion, 400);
  if (!response.ok) throw new ApiProblem(Text.errorUnavailable, response.status);
  try {
    return await response.json();
  } catch {
    throw new ApiProblem(Text.errorUnavailable, response.status);
  }
}

/** Categories with their entries, and whether the chat forwards questions to the LaKI: `{ categories: [{ id, label, kind, entries: [{ id, title }] }], forwarding }`. */
export const fetchCatalog = () => getJson('/api/entries');

/** One entry as the tab shows it. */
export const fetchEntry = (id) => getJson(`/tab/api/entries/${encodeURIComponent(id)}`);

/** The bot's matcher: `{ outcome, answer, suggestions }`. */
export const ask = (question) => getJson(`/api/ask?q=${encodeURIComponent(question)}`);
