/**
 * Plain-text previews of an answer for the message extension's result list, which shows a
 * line or two of text and no Markdown.
 */

/** Longest preview, in characters. */
export const PREVIEW_LENGTH = 140;

/**
 * Markdown → one plain line: links keep their text, emphasis, code marks, headings and list
 * markers go, line breaks become spaces; cut at a word boundary with "…".
 */
export function previewText(markdown: string, max = PREVIEW_LENGTH): string {
  const plain = markdown
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/^\s*(?:#{1,6}|[-+*]|\d+\.)\s+/gm, '')
    .replace(/(\*\*|__|\*|_|`)/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  if (plain.length <= max) return plain;
  const cut = plain.slice(0, max - 1);
  const lastSpace = cut.lastIndexOf(' ');
  return `${(lastSpace > max / 2 ? cut.slice(0, lastSpace) : cut).replace(/[\s,;:.–-]+$/, '')}…`;
}
