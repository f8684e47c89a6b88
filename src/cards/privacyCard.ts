import type { Attachment } from 'botbuilder';
import { PrivacyMessages as P, type PrivacyFacts } from '../chat';
import { adaptiveCardAttachment, type CardAction, type CardElement, heading, openUrlAction, paragraph } from './elements';

/**
 * The privacy notice: who runs the bot, what is stored for how long, and whom to ask for
 * information or deletion. The operator's own text (`facts.text`) replaces the default body;
 * the operator line and the link to the full statement stay.
 */
export function privacyCard(facts: PrivacyFacts): Attachment {
  const body: CardElement[] = [
    heading(P.title),
    paragraph(P.operatorHeading, { weight: 'Bolder', spacing: 'Medium' }),
    facts.operator ? paragraph(facts.operator) : paragraph(P.operatorMissing, { isSubtle: true }),
  ];
  if (facts.text) {
    body.push(paragraph(facts.text, { spacing: 'Medium' }));
  } else {
    const stored = [
      P.questionLog(facts.questionLogRetentionDays),
      facts.ticketRetentionDays === undefined ? P.noTickets : P.tickets(facts.ticketRetentionDays),
      P.drafts,
      P.logs,
    ];
    body.push(
      paragraph(P.storedHeading, { weight: 'Bolder', spacing: 'Medium' }),
      paragraph(stored.join('\n')),
      paragraph(P.rightsHeading, { weight: 'Bolder', spacing: 'Medium' }),
      paragraph(P.rights),
    );
  }
  const actions: CardAction[] = facts.url ? [openUrlAction(P.fullStatement, facts.url)] : [];
  return adaptiveCardAttachment(body, actions, P.title);
}
