/**
 * The knowledge base schema: the single source of truth for the YAML files under `knowledge/`.
 *
 * The TypeScript types are inferred from these zod schemas, the loader validates every file
 * with them, and `npm run kb:schema` writes `knowledge/schema/*.json` from them so that YAML
 * editors get completion and inline errors (`# yaml-language-server: $schema=…`).
 */
import { z } from 'zod/v4';

const kebabCase = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const isoDate = /^\d{4}-\d{2}-\d{2}$/;

/** Non-empty text without leading/trailing whitespace noise. */
const text = z.string().trim().min(1, 'darf nicht leer sein');

/** Where a fact comes from: editors must be able to find it again. */
export const sourceSchema = z
  .object({
    document: text.describe('Name of the source document, e.g. "LaKI-Faltblatt"'),
    section: text.describe('Section or heading inside the document'),
    url: z.url().optional().describe('Public address of the document, when there is one'),
  })
  .strict();

/** A postal address as lines, so cards can render it without guessing line breaks. */
const addressSchema = z.array(text).min(1);

/**
 * Structured contact data. Cards render these as facts with tel:/mailto: links; the answer
 * text shown to users repeats them so the answer reads complete in any client.
 */
export const contactSchema = z
  .object({
    organisation: text.optional(),
    persons: z.array(text).optional().describe('Named contact persons'),
    phone: text.optional().describe('Phone number as printed, e.g. "02931 82 5215"'),
    fax: text.optional(),
    email: z.email().optional(),
    postalAddress: addressSchema.optional(),
    visitingAddress: addressSchema.optional(),
    website: text.optional().describe('Host name or URL, e.g. "www.example.de"'),
  })
  .strict();

export const entrySchema = z
  .object({
    id: z
      .string()
      .regex(kebabCase, 'muss in kebab-case geschrieben sein, z. B. "laki-telefon"')
      .describe('Stable identifier; never change it once published'),
    title: text.describe('Short title shown on the answer card'),
    answer: text.describe('The answer in Markdown: short, one topic, formal "Sie"'),
    questions: z
      .array(text)
      .min(1, 'braucht mindestens eine Frage')
      .describe('Ways staff really ask this, from full sentences to two keywords (aim for 6+)'),
    keywords: z.array(text).default([]).describe('Extra search terms not in the questions'),
    category: z.string().regex(kebabCase, 'muss in kebab-case geschrieben sein').describe('Topic group'),
    related: z.array(z.string().regex(kebabCase)).default([]).describe('Ids of related entries'),
    source: sourceSchema,
    reviewed: z
      .string()
      .regex(isoDate, 'muss ein Datum im Format JJJJ-MM-TT sein')
      .refine((value) => !Number.isNaN(Date.parse(value)), 'ist kein gültiges Datum')
      .describe('Date of the last review (YYYY-MM-DD)'),
    contact: contactSchema.optional(),
  })
  .strict();

/**
 * One YAML file of entries. Files group entries by topic; ids are unique across all files.
 * The loader validates each entry with {@link entrySchema} on its own.
 */
export const entryFileSchema = z
  .object({
    entries: z.array(z.unknown()).min(1, 'braucht mindestens einen Eintrag'),
  })
  .strict();

/** The entry file as editors write it, for the JSON Schema used by YAML editors. */
export const entryFileDocumentSchema = entryFileSchema.extend({ entries: z.array(entrySchema).min(1) });

/**
 * Synonyms editors maintain. Each group lists words or phrases that mean the same thing for a
 * question; the matcher treats every member like the first one.
 */
export const synonymsFileSchema = z
  .object({
    groups: z.array(z.array(text).min(2, 'eine Gruppe braucht mindestens zwei Begriffe')),
    /**
     * Terms that mark a question the curated knowledge cannot answer (amounts, deadlines,
     * staff numbers …). A question containing one is forwarded to LaKI unless the best entry
     * itself covers the term.
     */
    forward: z.array(text).default([]),
    /**
     * Words with no topic of their own (English question words, chat words, common verbs, the
     * offices users name as context): known, so never "corrected" into another word, but never a
     * word of an entry, even where an entry writes one — a group here is read like a group of
     * `groups` in questions, and left out of the entries' words.
     */
    fillers: z
      .array(z.array(text).min(1, 'eine Gruppe braucht mindestens einen Begriff'))
      .optional()
      .describe('Wörter ohne eigenes Thema: der Bot kennt sie, zählt sie aber für keinen Eintrag'),
    /**
     * Phrases that name the asker's own municipality ("bei uns im Kreis", "in unserer Stadt"):
     * forwarded like `forward` terms (what exists there is local knowledge), and a part that
     * points at such a declined part ("… und wo sitzt das?") is declined with it.
     */
    local: z.array(text).optional().describe('Wendungen für die eigene Kommune der Fragenden, z. B. „bei uns im Kreis“'),
    /**
     * Who users mean when they write "ihr" or "euch" to the bot ("Wie erreiche ich euch?"): the
     * organisation it answers for. Its words join such a question at reduced weight.
     */
    addressee: text.optional().describe('Wen Nutzer mit „ihr/euch“ meinen, z. B. „LaKI“'),
  })
  .strict();

export type Source = z.infer<typeof sourceSchema>;
export type Contact = z.infer<typeof contactSchema>;
export type Entry = z.infer<typeof entrySchema>;
export type EntryFile = z.infer<typeof entryFileDocumentSchema>;
export type SynonymsFile = z.infer<typeof synonymsFileSchema>;

/** File name of the synonyms file inside the knowledge directory. */
export const SYNONYMS_FILE = 'synonyms.yaml';
