/** Helpers that read the text of a chat message the way the user meant it. */

/** Tags Teams may leave in a message's text (e.g. `<p>`, `<at>`), removed before matching. */
const HTML_TAG = /<\/?[a-z][^>]*>/gi;

/**
 * A message's text as the user meant it: tags Teams may leave in it removed, whitespace runs
 * collapsed, trimmed. Used for questions to match and questions to forward alike.
 */
export function plainMessageText(text: string): string {
  return text.replace(HTML_TAG, ' ').replace(/\s+/g, ' ').trim();
}
