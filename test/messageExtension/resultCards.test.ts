/**
 * The message extension's pure parts: plain-text previews, the insertable answer card (the
 * bot's answer card without buttons that need the bot) and the result attachment.
 */
import { Messages } from '../../src/chat/messages';
import { answerCard } from '../../src/cards';
import { insertableAnswerCard, searchResultAttachment } from '../../src/messageExtension';
import { PREVIEW_LENGTH, previewText } from '../../src/messageExtension/preview';
import { contactEntry, rucksackEntry } from '../helpers/entries';

describe('previewText', () => {
  it.each([
    ['Sie erreichen die LaKI unter **02931 82 5215**.', 'Sie erreichen die LaKI unter 02931 82 5215.'],
    ['Mehr im [Faltblatt](https://example.org/f.pdf).', 'Mehr im Faltblatt.'],
    ['Zwei Programme:\n- **Griffbereit**\n- *Rucksack-Kita*', 'Zwei Programme: Griffbereit Rucksack-Kita'],
    ['1. Erstens\n2. Zweitens', 'Erstens Zweitens'],
    ['`Code` und __fett__', 'Code und fett'],
  ])('should turn %j into one plain line', (markdown, expected) => {
    expect(previewText(markdown)).toBe(expected);
  });

  it('should cut a long text at a word boundary with an ellipsis', () => {
    const long = 'Kommunale Integrationszentren beraten Schulen, Kitas und Eltern. '.repeat(10);
    const preview = previewText(long);
    expect(preview.length).toBeLessThanOrEqual(PREVIEW_LENGTH);
    expect(preview.endsWith('…')).toBe(true);
    expect(long.startsWith(preview.slice(0, -1))).toBe(true);
    expect(preview.slice(-2, -1)).not.toBe(' ');
  });
});

describe('insertableAnswerCard', () => {
  it('should be the answer card without feedback buttons and the "Hilfreich?" question, and nothing else removed', () => {
    const full = answerCard(contactEntry).content as { body: Array<Record<string, unknown>> };
    const inserted = insertableAnswerCard(contactEntry).content as { body: Array<Record<string, unknown>>; actions?: unknown };
    const json = JSON.stringify(inserted);
    expect(json).not.toContain('Action.Submit');
    expect(json).not.toContain(Messages.answerHelpfulQuestion);
    expect(inserted.actions).toBeUndefined();
    const removed = full.body.filter((element) => !inserted.body.some((kept) => JSON.stringify(kept) === JSON.stringify(element)));
    expect(removed).toHaveLength(2);
    expect(removed.map((element) => element.type).sort()).toEqual(['ActionSet', 'TextBlock']);
    // Title, answer, contact facts with call/mail/web buttons, and the source line stay.
    expect(json).toContain('Telefonnummer der LaKI');
    expect(json).toContain('tel:+492931825215');
    expect(json).toContain('mailto:gudrun.haarmann@bra.nrw.de');
    expect(json).toContain('LaKI-Faltblatt');
  });

  it('should keep the fallback text, so clients without cards still read the answer', () => {
    const inserted = insertableAnswerCard(rucksackEntry).content as { fallbackText?: string };
    expect(inserted.fallbackText).toBe((answerCard(rucksackEntry).content as { fallbackText?: string }).fallbackText);
    expect(inserted.fallbackText).toContain('Antwort zu Rucksack-Kita');
  });
});

describe('searchResultAttachment', () => {
  it('should pair a thumbnail preview (title, subtitle, plain text) with the insertable card', () => {
    const attachment = searchResultAttachment(contactEntry, 'Thema: Kontakt zur LaKI');
    expect(attachment.preview).toEqual({
      contentType: 'application/vnd.microsoft.card.thumbnail',
      content: {
        title: 'Telefonnummer der LaKI',
        subtitle: 'Thema: Kontakt zur LaKI',
        text: 'Sie erreichen die LaKI telefonisch unter 02931 82 5215.',
        images: [],
        buttons: [],
      },
    });
    expect(attachment.content).toEqual(insertableAnswerCard(contactEntry).content);
  });
});
