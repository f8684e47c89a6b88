// Minimal, safe Markdown for the editors' answer texts. Builds DOM nodes with textContent, never
// innerHTML, so nothing in a text can become markup. Supported: one paragraph per line (editors
// write one sentence or fact per line), "-", "*", "+" and "1." lists, **bold**, *italic*,
// `code` and [links](https://…) (http, https, mailto and tel only; anything else stays text).

const LIST_ITEM = /^\s*([-+*]|\d+\.)\s+(.*)$/;
const INLINE = /\*\*([^*]+)\*\*|__([^_]+)__|\*([^*\s][^*]*)\*|`([^`]+)`|\[([^\]]+)\]\(([^)\s]+)\)/g;
const SAFE_URL = /^(https?:\/\/|mailto:|tel:)/i;

/** Appends the inline content of `text` to `parent`. */
export function renderInline(parent, text) {
  const doc = parent.ownerDocument;
  let last = 0;
  for (const match of text.matchAll(INLINE)) {
    if (match.index > last) parent.append(doc.createTextNode(text.slice(last, match.index)));
    const [whole, bold, bold2, italic, code, linkText, url] = match;
    if (bold !== undefined || bold2 !== undefined) {
      const strong = doc.createElement('strong');
      renderInline(strong, bold ?? bold2);
      parent.append(strong);
    } else if (italic !== undefined) {
      const em = doc.createElement('em');
      renderInline(em, italic);
      parent.append(em);
    } else if (code !== undefined) {
      const element = doc.createElement('code');
      element.textContent = code;
      parent.append(element);
    } else if (SAFE_URL.test(url)) {
      parent.append(link(doc, url, linkText));
    } else {
      parent.append(doc.createTextNode(whole));
    }
    last = match.index + whole.length;
  }
  if (last < text.length) parent.append(doc.createTextNode(text.slice(last)));
}

/** An external link that opens outside Teams' frame. */
export function link(doc, href, text) {
  const anchor = doc.createElement('a');
  anchor.href = href;
  anchor.textContent = text;
  if (/^https?:/i.test(href)) {
    anchor.target = '_blank';
    anchor.rel = 'noopener noreferrer';
  }
  return anchor;
}

/** Renders a Markdown text into a DocumentFragment. */
export function renderMarkdown(doc, markdown) {
  const fragment = doc.createDocumentFragment();
  let list = null;
  for (const line of String(markdown).split(/\r?\n/)) {
    if (line.trim() === '') {
      list = null;
      continue;
    }
    const item = LIST_ITEM.exec(line);
    if (item) {
      const ordered = /\d/.test(item[1]);
      if (!list || (list.tagName === 'OL') !== ordered) {
        list = doc.createElement(ordered ? 'ol' : 'ul');
        fragment.append(list);
      }
      const li = doc.createElement('li');
      renderInline(li, item[2]);
      list.append(li);
      continue;
    }
    list = null;
    const paragraph = doc.createElement('p');
    renderInline(paragraph, line.trim());
    fragment.append(paragraph);
  }
  return fragment;
}

/** Markdown → plain text, for previews. */
export function plainText(markdown) {
  return String(markdown)
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/^\s*(?:[-+*]|\d+\.)\s+/gm, '')
    .replace(/(\*\*|__|\*|`)/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}
