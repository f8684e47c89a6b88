import { answerText } from '../../src/knowledge/answerText';
import {
  feedbackPayloadSchema,
  noneFitsPayloadSchema,
  showEntryPayloadSchema,
  askPayloadSchema,
} from '../../src/chat/payloads';
import { Messages } from '../../src/chat/messages';
import { Verb } from '../../src/chat/verbs';
import { PrivacyMessages } from '../../src/chat';
import {
  answerCard,
  helpCard,
  noAnswerCard,
  notHelpfulCard,
  suggestCard,
  welcomeCard,
  CardAction,
  MAX_RELATED,
} from '../../src/cards';
import { submitDataOf } from '../helpers/activities';
import {
  contactEntry,
  emailEntry,
  faxEntry,
  griffbereitEntry,
  kontaktEntry,
  postEntry,
  rucksackEntry,
} from '../helpers/entries';

const ADAPTIVE = 'application/vnd.microsoft.card.adaptive';
const forwardAction: CardAction = { type: 'Action.Submit', title: 'An die LaKI weiterleiten', data: { verb: 'escalate' } };
const injected = '[Hier klicken](https://evil.example) **dringend**';

/** Every string anywhere in the card, for "does the card say X" checks. */
function texts(card: unknown): string[] {
  const out: string[] = [];
  const visit = (node: unknown): void => {
    if (typeof node === 'string') out.push(node);
    else if (Array.isArray(node)) node.forEach(visit);
    else if (node && typeof node === 'object') Object.values(node).forEach(visit);
  };
  visit(card);
  return out;
}

/** Every TextBlock text: the only elements that render Markdown. */
function markdownTexts(card: unknown): string[] {
  const out: string[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== 'object') return;
    const record = node as Record<string, unknown>;
    if (record.type === 'TextBlock' && typeof record.text === 'string') out.push(record.text);
    Object.values(record).forEach(visit);
  };
  visit(card);
  return out;
}

describe('answerCard', () => {
  const related = [emailEntry, kontaktEntry, faxEntry, postEntry];
  const attachment = answerCard(contactEntry, { related, question: 'Telefonnummer LaKI?' });
  const card = attachment.content as Record<string, unknown>;

  it('should match the snapshot', () => {
    expect(attachment).toMatchSnapshot();
  });

  it('should be an Adaptive Card 1.5 whose fallback text is the answer as users read it', () => {
    expect(attachment.contentType).toBe(ADAPTIVE);
    expect(card.version).toBe('1.5');
    expect(card.fallbackText).toBe(answerText(contactEntry));
  });

  it('should show title, answer, contact facts, source and review date', () => {
    const all = texts(card);
    expect(all).toContain(contactEntry.title);
    expect(all).toContain(contactEntry.answer);
    expect(all).toContain('02931 82 5215');
    expect(all.some((t) => t.includes('Quelle: LaKI-Faltblatt, Abschnitt Kontakt'))).toBe(true);
    expect(all.some((t) => t.includes('Geprüft am: 28.11.2026'))).toBe(true);
    expect(all.some((t) => t.includes('Stand:'))).toBe(false);
  });

  it('should offer tel:, mailto: and web links as buttons, since FactSet values do not render links', () => {
    const urls = texts(card).filter((t) => /^(tel:|mailto:|https:)/.test(t));
    expect(urls).toEqual([
      'tel:+492931825215',
      'mailto:gudrun.haarmann@bra.nrw.de',
      'https://www.kommunale-integrationszentren-nrw.de',
    ]);
  });

  it('should offer at most three related entries, each a valid ShowEntry payload', () => {
    const showEntries = submitDataOf(card).filter((data) => data.verb === Verb.ShowEntry);
    expect(showEntries.map((data) => data.entryId)).toEqual(related.slice(0, MAX_RELATED).map((entry) => entry.id));
    for (const data of showEntries) {
      const { title: _title, ...payload } = data;
      expect(showEntryPayloadSchema.parse(payload)).toMatchObject({ origin: 'related', question: 'Telefonnummer LaKI?' });
    }
  });

  it('should ask "Hilfreich?" with Ja and Nein as valid feedback payloads', () => {
    const feedback = submitDataOf(card).filter((data) => data.verb === Verb.Feedback);
    expect(feedback.map((data) => [data.title, data.helpful])).toEqual([
      [Messages.answerHelpfulYes, true],
      [Messages.answerHelpfulNo, false],
    ]);
    for (const { title: _title, ...payload } of feedback) {
      expect(feedbackPayloadSchema.parse(payload).entryId).toBe(contactEntry.id);
    }
  });

  it('should link the source document when it has a URL and omit contact blocks without contact', () => {
    const plain = answerCard(rucksackEntry, { related: [griffbereitEntry] }).content;
    expect(markdownTexts(plain)).toContain(
      'Quelle: [LaKI-Faltblatt](https://example.org/faltblatt.pdf), Abschnitt Test · Geprüft am: 05.01.2026',
    );
    expect(JSON.stringify(plain)).not.toContain('FactSet');
    expect(JSON.stringify(plain)).not.toContain('"question"');
  });

  it('should thank instead of asking again once feedback was given', () => {
    const rated = answerCard(contactEntry, { related, question: 'Telefonnummer LaKI?', feedbackGiven: true });
    expect(rated).toMatchSnapshot();
    expect(submitDataOf(rated.content).filter((data) => data.verb === Verb.Feedback)).toEqual([]);
    expect(texts(rated.content)).toContain(Messages.feedbackThanks);
    expect(texts(rated.content)).not.toContain(Messages.answerHelpfulQuestion);
    expect(submitDataOf(rated.content).filter((data) => data.verb === Verb.ShowEntry)).toHaveLength(MAX_RELATED);
  });

  it('should place extra actions (e.g. forwarding to the LaKI) at card level', () => {
    const withForward = answerCard(rucksackEntry, { extraActions: [forwardAction] }).content as { actions?: unknown[] };
    expect(withForward.actions).toEqual([forwardAction]);
  });
});

describe('suggestCard', () => {
  const attachment = suggestCard('Kita', [rucksackEntry, griffbereitEntry]);

  it('should match the snapshot', () => {
    expect(attachment).toMatchSnapshot();
  });

  it('should open each candidate and offer "Nichts davon passt", all valid payloads', () => {
    const data = submitDataOf(attachment.content);
    expect(data.map((d) => d.title)).toEqual([rucksackEntry.title, griffbereitEntry.title, Messages.suggestNoneFits]);
    const [first, second, none] = data.map(({ title: _title, ...payload }) => payload);
    expect(showEntryPayloadSchema.parse(first)).toEqual({ verb: Verb.ShowEntry, entryId: 'rucksack-kita', origin: 'suggestion', question: 'Kita' });
    expect(showEntryPayloadSchema.parse(second).entryId).toBe('griffbereit');
    expect(noneFitsPayloadSchema.parse(none)).toEqual({ verb: Verb.NoneFits, question: 'Kita' });
  });

  it('should echo a question literally and never inside a Markdown TextBlock', () => {
    const card = suggestCard(injected, [rucksackEntry, griffbereitEntry]).content;
    expect(texts(card)).toContain(injected);
    expect(markdownTexts(card).some((t) => t.includes('evil.example'))).toBe(false);
  });
});

describe('noAnswerCard', () => {
  it('should match the snapshot', () => {
    expect(noAnswerCard('Wie hoch ist die Förderung pro Jahr?')).toMatchSnapshot();
  });

  it('should say honestly that the knowledge base does not cover the question', () => {
    const card = noAnswerCard('Wie hoch ist die Förderung pro Jahr?').content;
    expect(texts(card)).toEqual(expect.arrayContaining([Messages.noAnswerTitle, Messages.noAnswerExplanation, 'Wie hoch ist die Förderung pro Jahr?']));
    expect((card as { actions?: unknown }).actions).toBeUndefined();
  });

  it('should list nearby topics as buttons that open them, below the honest no-answer', () => {
    const attachment = noAnswerCard('Wie hoch ist die Förderung pro Jahr?', { nearby: [contactEntry, emailEntry] });
    const card = attachment.content;
    const shown = texts(card);
    expect(shown.indexOf(Messages.noAnswerNearbyHeading)).toBeGreaterThan(shown.indexOf(Messages.noAnswerExplanation));
    expect(submitDataOf(card)).toEqual([
      { title: contactEntry.title, verb: Verb.ShowEntry, entryId: contactEntry.id, origin: 'nearby', question: 'Wie hoch ist die Förderung pro Jahr?' },
      { title: emailEntry.title, verb: Verb.ShowEntry, entryId: emailEntry.id, origin: 'nearby', question: 'Wie hoch ist die Förderung pro Jahr?' },
    ]);
    expect((attachment.content as { fallbackText?: string }).fallbackText).toContain(contactEntry.title);
    expect(texts(noAnswerCard('Wie hoch ist die Förderung pro Jahr?').content)).not.toContain(Messages.noAnswerNearbyHeading);
  });

  it('should echo a question literally and take extra actions', () => {
    const card = noAnswerCard(injected, { extraActions: [forwardAction] }).content as { actions?: unknown[] };
    expect(markdownTexts(card).some((t) => t.includes('evil.example'))).toBe(false);
    expect(card.actions).toEqual([forwardAction]);
  });
});

describe.each([
  ['welcomeCard', welcomeCard, Messages.welcomeTitle],
  ['helpCard', helpCard, Messages.helpTitle],
])('%s', (_name, build, title) => {
  const examples = ['Was ist Rucksack-Kita?', 'Wie erreiche ich die LaKI telefonisch?'];

  it('should match the snapshot', () => {
    expect(build(examples)).toMatchSnapshot();
  });

  it('should offer each example question as an Ask button', () => {
    const card = build(examples).content;
    expect(texts(card)).toContain(title);
    const asks = submitDataOf(card)
      .filter((data) => data.verb === Verb.Ask)
      .map(({ title: _title, ...payload }) => askPayloadSchema.parse(payload).question);
    expect(asks).toEqual(examples);
  });

  it('should omit the examples block without examples, keeping the privacy notice one click away', () => {
    expect(submitDataOf(build([]).content)).toEqual([{ verb: Verb.Privacy, title: PrivacyMessages.button }]);
  });
});

describe('notHelpfulCard', () => {
  it('should match the snapshot', () => {
    expect(notHelpfulCard()).toMatchSnapshot();
  });

  it('should take extra actions', () => {
    expect((notHelpfulCard({ extraActions: [forwardAction] }).content as { actions?: unknown[] }).actions).toEqual([forwardAction]);
  });
});
