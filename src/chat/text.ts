/** Helpers that read the text of a chat message the way the user meant it. */

/** Tags Teams may leave in a message's text (e.g. `<p>`, `<at>`), removed before matching. */
const HTML_TAG = /<\/?[a-z][^>]*>/gi;

/** Tags that end a line in a message's HTML: a line break, a paragraph, a block, a list item, a table row. */
const LINE_TAG = /<(?:br|\/?(?:p|div|li|ul|ol|h[1-6]|blockquote|pre|tr))\b[^>]*>/gi;

/** The character references Teams writes in a message's HTML. */
const ENTITY = /&(?:(amp|lt|gt|quot|apos|nbsp)|#(\d{1,6})|#x([\da-f]{1,6}));/gi;
const NAMED_ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** Spaces within a line (tabs, no-break spaces and the like; not line breaks). */
const INLINE_SPACE = /[^\S\n]+/g;

/**
 * A message's text as the user meant it, on one line: tags Teams may leave in it removed,
 * whitespace runs collapsed, trimmed. For commands, whose line breaks mean nothing.
 */
export function plainMessageText(text: string): string {
  return text.replace(HTML_TAG, ' ').replace(/\s+/g, ' ').trim();
}

/**
 * A message's text as the user wrote it, line by line: what {@link plainMessageText} does within
 * each line, but the line breaks kept (a pasted e-mail's header, salutation and signature, and a
 * list of questions, are lines), empty lines dropped. Reads plain text as well as the
 * HTML Teams sends beside it (`<p>`/`<div>`/`<br>` end a line, character references decoded).
 * Used for questions to match and to forward.
 */
export function messageLines(text: string): string {
  const plain = text
    .replace(/\r\n?/g, '\n')
    .replace(LINE_TAG, '\n')
    .replace(HTML_TAG, ' ')
    .replace(ENTITY, (reference, name?: string, decimal?: string, hex?: string) => {
      if (name) return NAMED_ENTITIES[name.toLowerCase()] ?? reference;
      const code = decimal ? Number(decimal) : parseInt(hex!, 16);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : reference;
    });
  return plain
    .split('\n')
    .map((line) => line.replace(INLINE_SPACE, ' ').trim())
    .filter((line) => line !== '')
    .join('\n');
}
