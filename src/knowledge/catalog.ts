/**
 * The knowledge base as a catalog to browse: categories with German labels, grouped into
 * action areas (Handlungsfelder), general topics and contacts, plus the main topics (the first
 * entry of each category). Used by the tab (`GET /api/entries`) and by the search message
 * extension's empty query. Pure functions over a knowledge snapshot.
 */
import type { Entry } from './schema';
import type { KnowledgeBase } from './types';

/** How a category is presented when browsing. */
export type CategoryKind = 'action-area' | 'topic' | 'contact';

interface CategoryInfo {
  readonly label: string;
  readonly kind: CategoryKind;
}

/**
 * Labels of the categories the editors use today, in display order. A category missing here
 * still shows up (after these, as a topic), labelled with the title of its first entry, so a
 * new YAML category never disappears from the tab.
 */
export const KNOWN_CATEGORIES: Readonly<Record<string, CategoryInfo>> = Object.freeze({
  handlungsfelder: { label: 'Handlungsfelder im Überblick', kind: 'action-area' },
  'fruehe-bildung': { label: 'Frühe Bildung', kind: 'action-area' },
  schulentwicklung: { label: 'Interkulturelle Schulentwicklung', kind: 'action-area' },
  'uebergang-schule-beruf': { label: 'Übergang Schule – Beruf', kind: 'action-area' },
  'kommunale-integrationszentren': { label: 'Kommunale Integrationszentren', kind: 'topic' },
  einrichtung: { label: 'Einrichtung und Rechtsgrundlage', kind: 'topic' },
  laki: { label: 'Die LaKI', kind: 'topic' },
  kontakt: { label: 'Kontakt zur LaKI', kind: 'contact' },
});

/** One category with its entries in knowledge base order. */
export interface CatalogCategory {
  readonly id: string;
  readonly label: string;
  readonly kind: CategoryKind;
  readonly entries: readonly Entry[];
}

/**
 * Groups the entries by category: known categories in {@link KNOWN_CATEGORIES} order, then
 * unknown ones in the order they first appear.
 */
export function catalogCategories(kb: KnowledgeBase): CatalogCategory[] {
  const byCategory = new Map<string, Entry[]>();
  for (const entry of kb.entries) {
    const list = byCategory.get(entry.category);
    if (list) list.push(entry);
    else byCategory.set(entry.category, [entry]);
  }
  const known = Object.keys(KNOWN_CATEGORIES).filter((id) => byCategory.has(id));
  const unknown = [...byCategory.keys()].filter((id) => !(id in KNOWN_CATEGORIES));
  return [...known, ...unknown].map((id) => {
    const entries = byCategory.get(id) ?? [];
    const info = KNOWN_CATEGORIES[id] as CategoryInfo | undefined;
    return { id, label: info?.label ?? entries[0].title, kind: info?.kind ?? 'topic', entries };
  });
}

/** The German label of a category id (the id itself when the category has no entries). */
export function categoryLabel(kb: KnowledgeBase, categoryId: string): string {
  const info = KNOWN_CATEGORIES[categoryId] as CategoryInfo | undefined;
  if (info) return info.label;
  return kb.entries.find((entry) => entry.category === categoryId)?.title ?? categoryId;
}

/**
 * The main topics: the first entry of each category, in catalog order. Editors put a
 * category's overview entry first in its file, so this is the overview of each category.
 */
export function mainTopics(kb: KnowledgeBase): Entry[] {
  return catalogCategories(kb).map((category) => category.entries[0]);
}
