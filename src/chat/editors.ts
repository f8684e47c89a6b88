/**
 * The editors' card vocabulary: verbs, input ids, the payload schemas checked on receipt and the
 * buttons other features put on their cards to open the entry draft card ("Eintrag anlegen",
 * "Eintrag bearbeiten", "In die Wissensbasis übernehmen"). See EDITORS_API.md.
 */
import { z } from 'zod/v4';
import { EditorMessages as M } from './editorMessages';

export const EditorVerb = {
  /** "In die Wissensbasis übernehmen" on an answered ticket card. */
  FromTicket: 'kbFromTicket',
  /** "Eintrag anlegen" (e.g. on a report row of unanswered questions). */
  NewDraft: 'kbNewDraft',
  /** "Eintrag bearbeiten" for one entry. */
  EditEntry: 'kbEditEntry',
  Check: 'kbCheck',
  Publish: 'kbPublish',
  Discard: 'kbDiscard',
  Undo: 'kbUndo',
} as const;

/** Ids of the draft card's inputs; Teams sends their values with every button's data. */
export const EntryInput = {
  Title: 'kbTitle',
  Answer: 'kbAnswer',
  Questions: 'kbQuestions',
  Keywords: 'kbKeywords',
  Category: 'kbCategory',
  NewCategory: 'kbNewCategory',
  Related: 'kbRelated',
  SourceDocument: 'kbSourceDocument',
  SourceSection: 'kbSourceSection',
} as const;

/**
 * An `Action.Submit` button as plain JSON (the shape of `CardAction` in cards/, which sits above
 * this vocabulary): put it into a card's `actions` or an `ActionSet`.
 */
export interface EditorButton {
  readonly type: 'Action.Submit';
  readonly title: string;
  readonly data: { readonly verb: string } & Record<string, unknown>;
  readonly [key: string]: unknown;
}

const button = (title: string, data: EditorButton['data']): EditorButton => ({ type: 'Action.Submit', title, data });

/** Most question variants an "Eintrag anlegen" button carries. */
export const MAX_BUTTON_QUESTIONS = 10;
const MAX_QUESTION_LENGTH = 1000;

const ticketNumber = z.string().regex(/^LAKI-\d{4}-\d{4,}$/);
const entryId = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/).max(200);
const draftId = z.string().min(1).max(100);

export const fromTicketPayloadSchema = z.object({ verb: z.literal(EditorVerb.FromTicket), ticketNumber });
export const newDraftPayloadSchema = z.object({
  verb: z.literal(EditorVerb.NewDraft),
  questions: z.array(z.string().max(MAX_QUESTION_LENGTH)).max(MAX_BUTTON_QUESTIONS).optional(),
});
export const editEntryPayloadSchema = z.object({ verb: z.literal(EditorVerb.EditEntry), entryId });
export const undoPayloadSchema = z.object({ verb: z.literal(EditorVerb.Undo), seq: z.number().int().positive() });

/** Inputs are optional strings: clients leave out empty ones. Lengths are bounded by the request size. */
const inputs = Object.fromEntries(Object.values(EntryInput).map((id) => [id, z.string().optional()])) as Record<
  (typeof EntryInput)[keyof typeof EntryInput],
  z.ZodOptional<z.ZodString>
>;

/** "Prüfen", "Veröffentlichen", "Verwerfen" on the draft card: the draft, its version when shown, the inputs. */
export const draftActionPayloadSchema = z.object({
  verb: z.enum([EditorVerb.Check, EditorVerb.Publish, EditorVerb.Discard]),
  draftId,
  version: z.number().int().positive(),
  ...inputs,
});

export type DraftActionPayload = z.infer<typeof draftActionPayloadSchema>;

/** "Eintrag anlegen": opens a draft card pre-filled with these question variants (at most 10). */
export function newEntryAction(questions: readonly string[], title: string = M.actionNewEntry): EditorButton {
  const cleaned = questions
    .map((question) => question.replace(/\s+/g, ' ').trim().slice(0, MAX_QUESTION_LENGTH))
    .filter(Boolean)
    .slice(0, MAX_BUTTON_QUESTIONS);
  return button(title, { verb: EditorVerb.NewDraft, questions: cleaned });
}

/** "Eintrag bearbeiten": opens the draft card for an existing entry. */
export function editEntryAction(entryIdValue: string, title: string = M.actionEditEntry): EditorButton {
  return button(title, { verb: EditorVerb.EditEntry, entryId: entryIdValue });
}

/** "In die Wissensbasis übernehmen" on an answered ticket card. */
export function fromTicketAction(ticketNumberValue: string): EditorButton {
  return button(M.actionFromTicket, { verb: EditorVerb.FromTicket, ticketNumber: ticketNumberValue });
}
