/**
 * Safe rendering of untrusted text (what users type) on Adaptive Cards.
 *
 * `TextBlock` renders a Markdown subset, so a question such as `[Hier klicken](https://…)`
 * echoed verbatim would become a disguised link. Two tools:
 * - {@link plainTextBlock}: a `RichTextBlock` whose `TextRun` is never parsed as Markdown;
 *   the safest choice and what the cards use to echo a question;
 * - {@link escapeMarkdown}: backslash-escapes Markdown syntax for the cases where user text must
 *   sit inside a `TextBlock` (e.g. titles, ticket cards of later features).
 */

import type { CardElement } from './elements';

/** Characters with a Markdown meaning in Adaptive Cards / Teams. */
const MARKDOWN_CHARS = /[\\`*_[\]()<>#~|!{}]/g;

/** A list marker ("-", "+", "1.") at the start of a line. */
const LIST_MARKER = /^(\s*)([-+]|\d+\.)(?=\s)/gm;

/**
 * Escapes Markdown syntax so the text renders literally: emphasis, links, images, code, headings
 * and list markers. Line breaks are kept. The result is meant for a `TextBlock`'s `text`.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(MARKDOWN_CHARS, (char) => `\\${char}`)
    .replace(LIST_MARKER, (_match, indent: string, marker: string) =>
      marker.endsWith('.') ? `${indent}${marker.slice(0, -1)}\\.` : `${indent}\\${marker}`,
    );
}

/**
 * A block that shows `text` exactly as typed: `TextRun`s are not Markdown-processed by Adaptive
 * Card renderers, so nothing in the text can turn into a link or formatting.
 */
export function plainTextBlock(text: string, options: { italic?: boolean } = {}): CardElement {
  return {
    type: 'RichTextBlock',
    inlines: [{ type: 'TextRun', text, ...(options.italic ? { italic: true } : {}) }],
  };
}

const LIST_ITEM = /^\s*(?:[-+*]|\d+\.)\s/;

/**
 * Editor Markdown → Adaptive Card Markdown. Card renderers join lines separated by a single
 * line break (Markdown requires a blank line for a new paragraph), while editors write one
 * sentence or fact per line in YAML block scalars; this keeps each line on its own line. Lines
 * of one list stay a list.
 */
export function cardMarkdown(markdown: string): string {
  const lines = markdown.trim().split(/\r?\n/);
  return lines.reduce((text, line, index) => {
    if (index === 0) return line;
    const separator = LIST_ITEM.test(line) && LIST_ITEM.test(lines[index - 1]) ? '\n' : '\n\n';
    return line.trim() === '' ? text : `${text}${separator}${line}`;
  }, '');
}
