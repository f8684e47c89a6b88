/**
 * The entry draft card in the LaKI channel: every field as an input (pre-filled), the result of
 * "Prüfen" (errors that block publishing, warnings, and how the assistant would answer each
 * question with the draft in place) and the buttons "Prüfen", "Veröffentlichen", "Verwerfen".
 * A pure function; the card is rendered anew after every click and replaces the old one.
 */
import type { Attachment } from 'botbuilder';
import { adaptiveCardAttachment, heading, paragraph, submitAction, type CardAction, type CardElement } from '../../cards';
import { escapeMarkdown, plainTextBlock } from '../../cards';
import type { EntryDraft } from '../../storage';
import { DRAFT_FIELD_LIMITS } from '../draftContent';
import { EditorMessages as M, germanDateTime } from '../../chat';
import { errorCount, type PreviewRow, type Review } from '../review';
import { EditorVerb, EntryInput } from '../../chat';

export interface EntryDraftCardModel {
  readonly draft: EntryDraft;
  /** Categories in use, for the "Bereich" choice. */
  readonly categories: readonly string[];
  /** Entries for "Verwandte Einträge". */
  readonly entries: ReadonlyArray<{ readonly id: string; readonly title: string }>;
  /** The last "Prüfen" (or the failed "Veröffentlichen"). */
  readonly review?: Review;
  /** A message on top (a conflict, a colleague's newer save). */
  readonly notice?: string;
}

export function entryDraftCard(model: EntryDraftCardModel): Attachment {
  const { draft } = model;
  const content = draft.content;
  const title = draft.baseEntryId ? M.cardTitleEdit(content.title) : M.cardTitleNew;
  const categories = [...new Set([...model.categories, ...(content.category ? [content.category] : [])])].sort();
  const body: CardElement[] = [
    heading(escapeMarkdown(title)),
    ...(draft.ticketNumber ? [paragraph(M.cardFromTicket(draft.ticketNumber), { isSubtle: true, spacing: 'None' })] : []),
    paragraph(escapeMarkdown(`${M.cardIdLine(content.id)} · ${M.cardDraftBy(draft.updatedBy.name, germanDateTime(draft.updatedAt))}`), {
      isSubtle: true,
      size: 'Small',
      spacing: 'None',
    }),
    ...(model.notice ? [{ ...plainTextBlock(model.notice), separator: true } as CardElement, paragraph(' ', { spacing: 'None' })] : []),
    text(EntryInput.Title, M.fieldLabels.title, content.title, { maxLength: DRAFT_FIELD_LIMITS.title }),
    text(EntryInput.Answer, M.fieldLabels.answer, content.answer, { isMultiline: true, maxLength: DRAFT_FIELD_LIMITS.answer }),
    text(EntryInput.Questions, M.fieldLabels.questions, content.questions.join('\n'), {
      isMultiline: true,
      placeholder: M.questionsHint,
      maxLength: DRAFT_FIELD_LIMITS.questions,
    }),
    paragraph(M.questionsHint, { isSubtle: true, size: 'Small', spacing: 'None' }),
    text(EntryInput.Keywords, M.fieldLabels.keywords, content.keywords.join(', '), { placeholder: M.keywordsHint, maxLength: DRAFT_FIELD_LIMITS.keywords }),
    {
      type: 'Input.ChoiceSet',
      id: EntryInput.Category,
      label: M.fieldLabels.category,
      style: 'compact',
      value: content.category,
      choices: categories.map((category) => ({ title: category, value: category })),
    },
    text(EntryInput.NewCategory, M.newCategoryLabel, '', { maxLength: 60 }),
    {
      type: 'Input.ChoiceSet',
      id: EntryInput.Related,
      label: M.fieldLabels.related,
      isMultiSelect: true,
      style: 'compact',
      value: content.related.join(','),
      choices: model.entries.filter((entry) => entry.id !== content.id).map((entry) => ({ title: entry.title, value: entry.id })),
    },
    text(EntryInput.SourceDocument, M.sourceDocumentLabel, content.source.document, { maxLength: DRAFT_FIELD_LIMITS.source }),
    text(EntryInput.SourceSection, M.sourceSectionLabel, content.source.section, { maxLength: DRAFT_FIELD_LIMITS.source }),
    ...(model.review ? reviewSection(model.review) : []),
  ];
  const data = { draftId: draft.id, version: draft.version };
  const actions: CardAction[] = [
    submitAction(M.actionCheck, { verb: EditorVerb.Check, ...data }),
    submitAction(M.actionPublish, { verb: EditorVerb.Publish, ...data }, { style: 'positive' }),
    submitAction(M.actionDiscard, { verb: EditorVerb.Discard, ...data }),
  ];
  return adaptiveCardAttachment(body, actions, title);
}

function text(id: string, label: string, value: string, extra: Record<string, unknown> = {}): CardElement {
  return { type: 'Input.Text', id, label, value, ...extra };
}

function reviewSection(review: Review): CardElement[] {
  const errors = review.findings.filter((finding) => finding.severity === 'error');
  const warnings = review.findings.filter((finding) => finding.severity === 'warning');
  const section: CardElement[] = [heading(M.checkHeading)];
  if (errors.length === 0 && warnings.length === 0) section.push(paragraph(M.checkClean, { color: 'Good' }));
  if (errors.length > 0) {
    section.push(paragraph(`**${M.checkErrors(errors.length)}**`, { color: 'Attention' }));
    section.push(...errors.map((finding) => plainTextBlock(`• ${finding.message}`)));
  }
  if (warnings.length > 0) {
    section.push(paragraph(`**${M.checkWarnings(warnings.length)}**`, { color: 'Warning' }));
    section.push(...warnings.map((finding) => plainTextBlock(`• ${finding.message}`)));
  }
  if (review.preview.length > 0) {
    section.push(heading(M.previewHeading));
    for (const row of review.preview) section.push(...previewRow(row));
  }
  if (errorCount(review) > 0) section.push(paragraph(M.publishBlocked, { color: 'Attention', spacing: 'Medium' }));
  return section.map((element, index) => (index === 0 ? { ...element, separator: true, spacing: 'Large' } : element));
}

function previewRow(row: PreviewRow): CardElement[] {
  return [
    { ...plainTextBlock(`„${row.question}“`, { italic: true }), spacing: 'Small' },
    { ...plainTextBlock(`→ ${outcomeText(row)}`), spacing: 'None' },
    { ...plainTextBlock(M.previewBefore(todayText(row.today))), spacing: 'None' },
  ];
}

function outcomeText(row: PreviewRow): string {
  if (row.outcome === 'answer') return M.previewAnswer(row.entryTitle ?? '', row.isDraft);
  if (row.outcome === 'suggest') return M.previewSuggest(row.suggestions ?? []);
  return M.previewNone;
}

function todayText(today: PreviewRow['today']): string {
  if (today.outcome === 'answer') return `„${today.entryTitle ?? ''}“`;
  if (today.outcome === 'suggest') return M.previewSuggest([]).replace(/: $/, '');
  return M.previewNone;
}
