/** Helpers that make untrusted text (what askers type) safe for one-line and HTML contexts. */

/** C0/C1 control characters and Unicode line/paragraph separators. */
const CONTROL_CHARS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;

/**
 * One line of plain text: control characters (CR, LF, TAB, NUL …) become spaces, runs of
 * whitespace collapse, and the result is cut to `max` characters (code points) with "…".
 * Used for mail subjects, where a CR/LF could otherwise inject headers.
 */
export function singleLine(text: string, max: number): string {
  const flat = text.replace(CONTROL_CHARS, ' ').replace(/\s+/g, ' ').trim();
  const chars = Array.from(flat);
  return chars.length <= max ? flat : `${chars.slice(0, max).join('').trimEnd()}…`;
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char]);
}

/** Escaped HTML with line breaks kept as `<br>`. */
export function htmlLines(text: string): string {
  return escapeHtml(text.replace(/\r\n?/g, '\n')).replace(/\n/g, '<br>\n');
}
