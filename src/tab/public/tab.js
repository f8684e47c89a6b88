// The personal tab "Wissensbasis": search with the bot's matcher, browse the action areas and
// contacts, open an entry. Plain ES module, no framework; views are chosen by the URL hash:
//   #/                  overview       #/thema/<category>   one category
//   #/suche/<question>  search results #/eintrag/<id>       one entry
import { ApiProblem, ask, fetchCatalog, fetchEntry } from './api.js';
import { link, plainText, renderMarkdown } from './markdown.js';
import { Text } from './messages.js';
import { initTheme } from './theme.js';

const PREVIEW_LENGTH = 200;
const main = document.getElementById('inhalt');
const liveStatus = document.getElementById('live-status');
const searchForm = document.getElementById('search-form');
const searchInput = document.getElementById('search-input');
let catalog = null;
let firstRender = true;

/** Creates an element with attributes and children (strings become text nodes). */
function el(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value !== undefined && value !== null && value !== false) element.setAttribute(name, String(value));
  }
  element.append(...children.flat(Infinity).filter((child) => child !== null && child !== undefined));
  return element;
}

const entryHref = (id) => `#/eintrag/${encodeURIComponent(id)}`;
const categoryHref = (id) => `#/thema/${encodeURIComponent(id)}`;

function germanDate(iso) {
  const [year, month, day] = String(iso).split('-');
  return `${day}.${month}.${year}`;
}

function preview(text) {
  const plain = plainText(text);
  return plain.length <= PREVIEW_LENGTH ? plain : `${plain.slice(0, PREVIEW_LENGTH - 1).replace(/\s+\S*$/, '')} …`;
}

function announce(message) {
  liveStatus.textContent = '';
  // A separate task, so screen readers announce a repeated message again.
  setTimeout(() => {
    liveStatus.textContent = message;
  }, 50);
}

/** Replaces the main content; moves focus to the new heading except on the first load. */
function show(...nodes) {
  main.replaceChildren(...nodes);
  const heading = main.querySelector('h2');
  if (heading) heading.setAttribute('tabindex', '-1');
  if (!firstRender && heading) heading.focus();
  firstRender = false;
}

function showProblem(error) {
  const message = error instanceof ApiProblem ? error.message : Text.errorUnavailable;
  show(el('h2', {}, message), el('p', {}, el('a', { href: '#/' }, Text.back)));
  announce(message);
}

async function loadCatalog() {
  if (!catalog) {
    catalog = await fetchCatalog();
    // Forwarding to the LaKI is promised only where the service is configured for it.
    document.getElementById('footer-hint').textContent = catalog.forwarding ? Text.footerHintForwarding : Text.footerHint;
  }
  return catalog;
}

function linkList(items) {
  return el(
    'ul',
    { class: 'link-list' },
    items.map((item) =>
      el('li', {}, el('a', { href: item.href, class: 'link-row' }, el('span', { class: 'link-title' }, item.title), item.detail ? el('span', { class: 'link-detail' }, item.detail) : null)),
    ),
  );
}

function section(id, heading, intro, content) {
  return el('section', { 'aria-labelledby': id, class: 'panel' }, el('h3', { id }, heading), intro ? el('p', { class: 'subtle' }, intro) : null, content);
}

async function renderHome() {
  const { categories } = await loadCatalog();
  const toItem = (category) => ({ href: categoryHref(category.id), title: category.label, detail: Text.entryCount(category.entries.length) });
  const contacts = categories.filter((category) => category.kind === 'contact').flatMap((category) => category.entries);
  show(
    el('h2', { class: 'visually-hidden' }, Text.documentTitle),
    section('handlungsfelder', Text.actionAreasHeading, Text.actionAreasIntro, linkList(categories.filter((c) => c.kind === 'action-area').map(toItem))),
    section('themen', Text.topicsHeading, null, linkList(categories.filter((c) => c.kind === 'topic').map(toItem))),
    section('kontakte', Text.contactsHeading, Text.contactsIntro, linkList(contacts.map((entry) => ({ href: entryHref(entry.id), title: entry.title })))),
  );
  document.title = Text.documentTitle;
}

async function renderCategory(id) {
  const { categories } = await loadCatalog();
  const category = categories.find((candidate) => candidate.id === id);
  if (!category) throw new ApiProblem(Text.errorNotFound, 404);
  show(
    el('p', { class: 'back' }, el('a', { href: '#/' }, Text.back)),
    el('h2', {}, Text.categoryHeading(category.label)),
    linkList(category.entries.map((entry) => ({ href: entryHref(entry.id), title: entry.title }))),
  );
  document.title = `${category.label} – ${Text.documentTitle}`;
  announce(Text.statusCategory(category.label, category.entries.length));
}

function contactList(facts) {
  return el(
    'dl',
    { class: 'facts' },
    facts.map((fact) => [el('dt', {}, fact.label), el('dd', {}, fact.href ? link(document, fact.href, fact.value) : fact.value)]),
  );
}

function sourceLine(entry) {
  const { document: name, section: part, url } = entry.source;
  return el(
    'p',
    { class: 'source subtle' },
    `${Text.sourcePrefix} `,
    url && /^https?:\/\//i.test(url) ? link(document, url, name) : name,
    `, ${Text.sectionPrefix} ${part} · ${Text.reviewedPrefix} `,
    el('time', { datetime: entry.reviewed }, germanDate(entry.reviewed)),
  );
}

async function renderEntry(id) {
  const entry = await fetchEntry(id);
  const answer = el('div', { class: 'answer' });
  answer.append(renderMarkdown(document, entry.answer));
  show(
    el('p', { class: 'back' }, el('a', { href: '#/' }, Text.back), ' · ', el('a', { href: categoryHref(entry.category.id) }, `${Text.categoryPrefix} ${entry.category.label}`)),
    el(
      'article',
      { class: 'entry panel', 'aria-labelledby': 'entry-title' },
      el('h2', { id: 'entry-title' }, entry.title),
      answer,
      entry.contact.length > 0 ? el('section', { 'aria-labelledby': 'entry-contact' }, el('h3', { id: 'entry-contact' }, Text.contactHeading), contactList(entry.contact)) : null,
      sourceLine(entry),
      entry.related.length > 0
        ? el('section', { 'aria-labelledby': 'entry-related' }, el('h3', { id: 'entry-related' }, Text.relatedHeading), linkList(entry.related.map((other) => ({ href: entryHref(other.id), title: other.title }))))
        : null,
    ),
  );
  document.title = `${entry.title} – ${Text.documentTitle}`;
  announce(Text.statusEntry(entry.title));
}

async function renderSearch(question) {
  searchInput.value = question;
  const result = await ask(question);
  const heading = el('h2', {}, Text.searchHeading(question));
  const back = el('p', { class: 'back' }, el('a', { href: '#/' }, Text.back));
  let content;
  let count = 0;
  if (result.outcome === 'answer' && result.answer) {
    count = 1;
    content = el(
      'section',
      { 'aria-labelledby': 'result-answer', class: 'results' },
      el('h3', { id: 'result-answer' }, Text.resultsAnswer),
      linkList([{ href: entryHref(result.answer.id), title: result.answer.title, detail: preview(result.answer.text) }]),
    );
  } else if (result.outcome === 'suggest' && result.suggestions.length > 0) {
    count = result.suggestions.length;
    content = el(
      'section',
      { 'aria-labelledby': 'result-suggest', class: 'results' },
      el('h3', { id: 'result-suggest' }, Text.resultsSuggest),
      linkList(result.suggestions.map((suggestion) => ({ href: entryHref(suggestion.id), title: suggestion.title }))),
    );
  } else {
    // Topics the knowledge base holds near the question: links, plainly not an answer.
    const nearby = result.nearby ?? [];
    content = el(
      'section',
      { class: 'results none' },
      el('p', {}, el('strong', {}, Text.resultsNone)),
      nearby.length > 0
        ? el(
            'section',
            { 'aria-labelledby': 'result-nearby' },
            el('h3', { id: 'result-nearby' }, Text.resultsNearby),
            el('p', {}, Text.resultsNearbyIntro),
            linkList(nearby.map((topic) => ({ href: entryHref(topic.id), title: topic.title }))),
          )
        : null,
      el('p', {}, (await loadCatalog()).forwarding ? Text.resultsNoneHint : Text.resultsNoneHintNoForwarding),
      el('p', {}, el('a', { href: categoryHref('kontakt') }, Text.resultsNoneContact)),
    );
  }
  show(back, heading, content);
  document.title = `${Text.searchHeading(question)} – ${Text.documentTitle}`;
  announce(count > 0 ? Text.statusResults(count) : Text.statusNone);
}

function decode(part) {
  try {
    return decodeURIComponent(part);
  } catch {
    return '';
  }
}

async function route() {
  const hash = window.location.hash.replace(/^#\/?/, '');
  const [view, ...rest] = hash.split('/');
  const argument = decode(rest.join('/'));
  // The box shows the search being viewed; on any other view an old term would mislead.
  if (view !== 'suche') searchInput.value = '';
  try {
    if (view === 'eintrag' && argument) await renderEntry(argument);
    else if (view === 'thema' && argument) await renderCategory(argument);
    else if (view === 'suche' && argument.trim()) await renderSearch(argument.trim());
    else await renderHome();
  } catch (error) {
    showProblem(error);
  }
}

searchForm.addEventListener('submit', (event) => {
  event.preventDefault();
  const question = searchInput.value.trim();
  if (!question) {
    announce(Text.emptyQuery);
    searchInput.focus();
    return;
  }
  const target = `#/suche/${encodeURIComponent(question)}`;
  if (window.location.hash === target) void route();
  else window.location.hash = target;
});

window.addEventListener('hashchange', () => void route());

void initTheme(window).then((host) => {
  document.documentElement.dataset.host = host;
});
void route();
