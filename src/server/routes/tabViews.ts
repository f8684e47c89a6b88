/**
 * The JSON the tab reads: the catalog to browse (`GET /api/entries`) and one entry as the tab
 * shows it (`GET /tab/api/entries/:id`). Pure functions over a knowledge snapshot.
 */
import {
  contactFacts,
  type Entry,
  type Source,
  type KnowledgeBase,
  catalogCategories,
  categoryLabel,
  type CategoryKind,
} from '../../knowledge';

/** A contact fact with its link (tel:, mailto:, https:) when it has one. */
export interface ContactFact {
  readonly label: string;
  readonly value: string;
  readonly href?: string;
}

/** `GET /api/entries`: every entry by category, for browsing. */
export interface CatalogResponse {
  readonly categories: ReadonlyArray<{
    readonly id: string;
    readonly label: string;
    readonly kind: CategoryKind;
    readonly entries: ReadonlyArray<{ readonly id: string; readonly title: string; readonly hasContact: boolean }>;
  }>;
}

/** `GET /tab/api/entries/:id`: one entry as the tab renders it. */
export interface EntryView {
  readonly id: string;
  readonly title: string;
  readonly category: { readonly id: string; readonly label: string };
  /** The answer's Markdown as editors wrote it, without the contact lines (see `contact`). */
  readonly answer: string;
  readonly contact: readonly ContactFact[];
  readonly source: Source;
  /** Review date, `YYYY-MM-DD`. */
  readonly reviewed: string;
  readonly related: ReadonlyArray<{ readonly id: string; readonly title: string }>;
}

/** The catalog as the tab browses it: titles only, so the page loads fast; answers come per entry. */
export function catalogView(kb: KnowledgeBase): CatalogResponse {
  return {
    categories: catalogCategories(kb).map((category) => ({
      id: category.id,
      label: category.label,
      kind: category.kind,
      entries: category.entries.map((entry) => ({ id: entry.id, title: entry.title, hasContact: !!entry.contact })),
    })),
  };
}

/**
 * One entry for the tab: the answer's Markdown (the tab renders it safely itself) with the
 * contact as separate facts and links, and related entries that still exist.
 */
export function entryView(kb: KnowledgeBase, entry: Entry): EntryView {
  return {
    id: entry.id,
    title: entry.title,
    category: { id: entry.category, label: categoryLabel(kb, entry.category) },
    answer: entry.answer,
    contact: entry.contact ? contactFacts(entry.contact) : [],
    source: entry.source,
    reviewed: entry.reviewed,
    related: entry.related.flatMap((id) => {
      const related = kb.getEntry(id);
      return related ? [{ id: related.id, title: related.title }] : [];
    }),
  };
}
