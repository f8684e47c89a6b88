import type { Attachment } from 'botbuilder';
import { answerText, contactFacts, type Entry } from '../knowledge';
import { CardActionMessages, Messages, type FeedbackPayload, Verb } from '../chat';
import {
  actionSet,
  adaptiveCardAttachment,
  CardAction,
  CardElement,
  heading,
  openUrlAction,
  paragraph,
  submitAction,
} from './elements';
import { entryChoices } from './entryChoices';
import { cardMarkdown } from './markdown';

/** At most this many related entries are offered as buttons. */
export const MAX_RELATED = 3;

export interface AnswerCardOptions {
  /** Entries to offer as "Verwandte Themen" (the first {@link MAX_RELATED} are shown). */
  readonly related?: readonly Entry[];
  /** The question the card answers; travels back with feedback and clicks for the question log. */
  readonly question?: string;
  /**
   * Extra card-level actions after the feedback row, e.g. a quiet "An die LaKI weiterleiten"
   * added by the escalation feature.
   */
  readonly extraActions?: readonly CardAction[];
  /**
   * Set once the user rated the answer: the card is updated in place and shows a thank-you
   * instead of the "Hilfreich? Ja / Nein" buttons, so nobody rates the same answer twice.
   */
  readonly feedbackGiven?: boolean;
  /**
   * The rating given (true: "Ja"): the card then says which one in place of the buttons, so the
   * person sees what they chose. Implies {@link feedbackGiven}.
   */
  readonly feedbackChoice?: boolean;
}

/**
 * The answer to one question: title, answer text, contact facts with tel:/mailto:/web buttons,
 * source and review date, related entries and "Hilfreich? Ja / Nein".
 *
 * The card's `fallbackText` is {@link answerText}, the answer exactly as users read it, for
 * clients that cannot render cards.
 */
export function answerCard(entry: Entry, options: AnswerCardOptions = {}): Attachment {
  const { related = [], question, extraActions = [], feedbackChoice } = options;
  const feedbackGiven = options.feedbackGiven === true || feedbackChoice !== undefined;
  const body: CardElement[] = [heading(entry.title), paragraph(cardMarkdown(entry.answer))];

  if (entry.contact) {
    const facts = contactFacts(entry.contact);
    body.push(paragraph(Messages.answerContactHeading, { weight: 'Bolder', spacing: 'Medium' }));
    body.push({ type: 'FactSet', facts: facts.map((fact) => ({ title: fact.label, value: fact.value })) });
    const links = facts.flatMap((fact) => (fact.href ? [openUrlAction(linkTitle(fact.href), fact.href)] : []));
    if (links.length > 0) body.push(actionSet(links));
  }

  body.push(paragraph(sourceLine(entry), { isSubtle: true, size: 'Small', spacing: 'Medium' }));

  const shownRelated = related.filter((other) => other.id !== entry.id).slice(0, MAX_RELATED);
  if (shownRelated.length > 0) {
    body.push(paragraph(Messages.answerRelatedHeading, { weight: 'Bolder', spacing: 'Medium' }));
    body.push(entryChoices(shownRelated, 'related', question));
  }

  if (feedbackGiven) {
    const thanks = feedbackChoice === undefined ? Messages.feedbackThanks : CardActionMessages.feedbackChosen(feedbackChoice);
    body.push(paragraph(thanks, { isSubtle: true, spacing: 'Medium' }));
  } else {
    body.push(paragraph(Messages.answerHelpfulQuestion, { weight: 'Bolder', spacing: 'Medium' }));
    body.push(
      actionSet([
        feedbackAction(Messages.answerHelpfulYes, entry.id, true, question),
        feedbackAction(Messages.answerHelpfulNo, entry.id, false, question),
      ]),
    );
  }

  return adaptiveCardAttachment(body, [...extraActions], answerText(entry));
}

function feedbackAction(title: string, entryId: string, helpful: boolean, question?: string): CardAction {
  return submitAction<FeedbackPayload>(title, {
    verb: Verb.Feedback,
    entryId,
    helpful,
    ...(question ? { question } : {}),
  });
}

/** "Quelle: LaKI-Faltblatt, Abschnitt Kontakt · Geprüft am: 28.11.2026", the document linked when it has a URL. */
function sourceLine(entry: Entry): string {
  const { document, section, url } = entry.source;
  const name = url ? `[${document}](${url})` : document;
  return (
    `${Messages.answerSourcePrefix} ${name}, ${Messages.answerSectionPrefix} ${section}` +
    ` · ${Messages.answerReviewedPrefix} ${germanDate(entry.reviewed)}`
  );
}

/** "2026-11-28" → "28.11.2026". */
function germanDate(isoDate: string): string {
  const [year, month, day] = isoDate.split('-');
  return `${day}.${month}.${year}`;
}

/** Short button titles: the FactSet above already shows the number, address or host. */
function linkTitle(href: string): string {
  if (href.startsWith('tel:')) return Messages.contactCall;
  if (href.startsWith('mailto:')) return Messages.contactMail;
  return Messages.contactWebsite;
}
