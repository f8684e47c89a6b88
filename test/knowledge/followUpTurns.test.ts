import path from 'node:path';
import { loadKnowledgeBase, type ConversationContext, type IndexedKnowledgeBase } from '../../src/knowledge';

const root = path.join(__dirname, '../..');

/**
 * Follow-up turns of a personal chat on the real knowledge base: what a word of the last answer
 * means, the turn after a declined message, what the last answer does not say (a reason, the next
 * step, more detail), and pronouns before a verb's particle or infinitive.
 */
describe('follow-up turns', () => {
  let kb: IndexedKnowledgeBase;
  beforeAll(async () => {
    kb = await loadKnowledgeBase(path.join(root, 'knowledge'));
  });

  const main = (text: string, context?: ConversationContext) => kb.matchMessage(text, context).main;

  describe('asking what a word of the last answer means', () => {
    it.each([
      ['ki-vernetzung', 'was heißt Migrantenselbstorganisation?'],
      ['ki-vernetzung', 'was ist mit freien Trägern gemeint?'],
      ['laki-qualitaetsentwicklung', 'was ist mit Professionalisierung gemeint?'],
      ['ki-rechtsgrundlage', 'was ist mit Teilhabe gemeint?'],
    ])('should not give the last answer (%s) again for "%s": it only uses the word', (lastEntryId, text) => {
      expect(main(text, { lastEntryId }).outcome).toBe('none');
    });

    it('should answer with the entry about the word when there is one ("was ist mit dem Verbund gemeint?")', () => {
      expect(main('was ist mit dem Verbund gemeint?', { lastEntryId: 'laki-was-ist' }).answer?.id).toBe('laki-verbund');
    });

    it.each([
      ['ki-vernetzung', 'was ist mit MSO gemeint?', 'ki-vernetzung'],
      ['ki-strategien', 'was heißt Querschnittsaufgabe?', 'querschnitt'],
      ['rucksack-kita', 'was heißt das genau?', 'rucksack-kita'],
      ['querschnitt', 'was heist das genau?', 'querschnitt'],
      ['rucksack-kita', 'was ist mit rucksak gemeint?', 'rucksack-kita'],
    ])('should keep an answer that explains it: after %s, "%s" answers %s', (lastEntryId, text, expected) => {
      expect(main(text, { lastEntryId }).answer?.id).toBe(expected);
    });
  });

  describe('the turn after a declined message', () => {
    it('should say what a declined message named, without its words', () => {
      const declined = kb.matchMessage('Wie hoch ist das Budget der LaKI?').declined;
      expect(declined).toEqual({ actor: 'LaKI', namesOther: true, capitalised: true, unknownThing: true });
      expect(JSON.stringify(declined)).not.toContain('Budget');
      expect(kb.matchMessage('Wer fördert die LaKI?').declined).toBeUndefined();
    });

    it('should read a pronoun as the actor the declined message named ("und wer fördert die?")', () => {
      const declined = kb.matchMessage('Wie hoch ist das Budget der LaKI?').declined;
      expect(main('und wer fördert die?').outcome).toBe('suggest');
      expect(main('und wer fördert die?', { declined }).answer?.id).toBe('laki-foerderung');
    });

    it('should read a possessive before a duty as the actor of a declined message that named another noun ("ihre Kernaufgaben")', () => {
      // "Stellen" could take the pronoun, but only a body has tasks or aims.
      const declined = kb.matchMessage('Stimmt es, dass die LaKI nur zwei Stellen hat?').declined;
      expect(main('Na gut. Was sind denn ihre Kernaufgaben?', { declined }).answer?.id).toBe('laki-kernaufgaben');
      expect(main('Ok. Was sind ihre Aufgaben?', { declined }).answer?.id).toBe('laki-kernaufgaben');
    });

    it('should not read a possessive before a duty as the actor when the declined message named a person', () => {
      const declined = kb.matchMessage('Ist Frau Rimbach bei der LaKI für Schulen zuständig?').declined;
      expect(declined?.namesPerson).toBe(true);
      expect(main('Was ist denn ihre Aufgabe genau?', { declined }).outcome).not.toBe('answer');
    });

    it('should decline a turn pointing with "da" at a declined message about what the knowledge lacks', () => {
      const declined = kb.matchMessage('Wie viel Geld bekommt ein KI?').declined;
      expect(main('und wer berät da?').outcome).toBe('answer');
      expect(main('und wer berät da?', { declined }).outcome).toBe('none');
    });

    it('should decline a turn pointing at a field of a declined message about what the knowledge lacks ("in dem Bereich")', () => {
      const declined = kb.matchMessage('Gibt es eine Statistik, wie erfolgreich die KIs beim Übergang Schule-Beruf sind?').declined;
      expect(main('Was machen sie denn in dem Bereich?', { declined }).outcome).toBe('none');
    });

    it('should keep the own reading of a complete question after a declined message', () => {
      const declined = kb.matchMessage('Wann hat die LaKI Sprechstunde?').declined;
      expect(main('Wer sind die Ansprechpersonen der LaKI?', { declined }).answer?.id).toBe('laki-ansprechpersonen');
    });
  });

  describe('asking a reason, the next step, more detail, the way it is done or what a named person does', () => {
    it.each([
      ['laki-foerderung', 'und warum?'],
      ['laki-beratung-kommunen', 'und danach?'],
      ['querschnitt', 'ok, und im Sport konkret?'],
      ['querschnitt-senioren', 'und wie genau?'],
      ['laki-ansprechpersonen', 'was macht Herr Buchholt genau?'],
      ['laki-ansprechpersonen', 'und was macht Frau Rimbach?'],
      ['laki-kernaufgaben', 'und was davon zuerst?'],
      ['laki-qualitaetsstandard', 'wie machen die das?'],
      ['laki-qualitaetsstandard', 'und wie schaffen sie das eigentlich?'],
    ])('should not give the last answer (%s) again for "%s": it does not say', (lastEntryId, text) => {
      expect(main(text, { lastEntryId }).outcome).toBe('none');
    });

    it.each([
      ['ki-rechtsgrundlage', 'wie heißt das Gesetz genau?', 'ki-rechtsgrundlage'],
      ['laki-vertretung', 'gegenüber wem genau?', 'laki-vertretung'],
    ])('should keep an answer that names what is asked: after %s, "%s" answers %s', (lastEntryId, text, expected) => {
      expect(main(text, { lastEntryId }).answer?.id).toBe(expected);
    });
  });

  describe('a pronoun before the particle of a separable verb or a modal\'s infinitive', () => {
    it.each([
      ['laki-austausch', 'wer stellt den sicher?', 'laki-austausch'],
      ['uebergang-neugestaltung', 'wer gestaltet das neu?', 'uebergang-neugestaltung'],
      ['laki-was-ist', 'und was soll die erreichen?', 'laki-qualitaetsstandard'],
    ])('should read the pronoun as the last answer\'s subject: after %s, "%s" answers %s', (lastEntryId, text, expected) => {
      expect(main(text, { lastEntryId }).answer?.id).toBe(expected);
    });
  });

  describe('asking how to reach someone the knowledge has no contact data of', () => {
    it.each([
      ['laki-foerderung', 'Wie erreiche ich die Ministerien?'],
      ['ki-erlass', 'Wie erreiche ich das Ministerium für Schule?'],
    ])('should not let the last answer (%s) answer "%s": it names them but gives no contact data', (lastEntryId, text) => {
      expect(main(text).outcome).toBe('none');
      expect(main(text, { lastEntryId }).outcome).toBe('none');
    });

    it('should still give the LaKI\'s contact data after an answer about the LaKI', () => {
      expect(main('Wie erreiche ich die LaKI?', { lastEntryId: 'laki-foerderung' }).answer?.category).toBe('kontakt');
    });
  });

  describe('naming only whom it is for', () => {
    it('should keep the last answer\'s actor: after laki-was-ist, "und für mich als kommune?" is the LaKI\'s advice to municipalities', () => {
      expect(main('und für mich als kommune?').answer?.id).toBe('ki-traeger');
      expect(main('und für mich als kommune?', { lastEntryId: 'laki-was-ist' }).answer?.id).toBe('laki-beratung-kommunen');
    });
  });

  describe('asking what it brings', () => {
    it.each([
      ['ki-vernetzung', 'Und was bringt uns das?'],
      ['ki-kooperation-vor-ort', 'und was bringt das den Kommunen?'],
    ])('should answer with what the centres are to contribute: after %s, "%s"', (lastEntryId, text) => {
      expect(main(text, { lastEntryId }).answer?.id).toBe('ki-transparenz');
    });
  });

  describe('asking for several things the overview above the last answer lists', () => {
    it.each([
      ['eltern-zusammenarbeit', 'gibts dazu programme?'],
      ['sprachbildung', 'Welche Programme gibt es da konkret?'],
    ])('should answer with the overview that presents them: after %s, "%s"', (lastEntryId, text) => {
      expect(main(text, { lastEntryId }).answer?.id).toBe('fruehe-bildung');
    });
  });

  describe('a continuing turn its own words answer fully', () => {
    it('should not be bent to a neighbour that only shares a word: after laki-austausch, "und wer fördert die LaKI?" is the funding', () => {
      expect(main('und wer fördert die LaKI?', { lastEntryId: 'laki-austausch' }).answer?.id).toBe('laki-foerderung');
    });

    it('should still ask the last question of another subject ("und die KIs?" after the LaKI\'s funding)', () => {
      expect(main('und die KIs?', { lastEntryId: 'laki-foerderung' }).answer?.id).toBe('ki-foerderung');
    });
  });

  describe('pointing back at an actor whose entry holds the whole question', () => {
    it.each([
      ['laki-bedarfe-impulse', 'welches Dezernat ist das nochmal?', 'laki-bezirksregierung'],
      ['ki-strategien', 'wer gibt dafür den Rahmen vor?', 'ki-erlass'],
    ])('should answer with that entry: after %s, "%s" answers %s', (lastEntryId, text, expected) => {
      expect(main(text, { lastEntryId }).answer?.id).toBe(expected);
    });

    it('should still decline who pays for a programme the last answer is about', () => {
      expect(main('und wer bezahlt das?', { lastEntryId: 'rucksack-kita' }).outcome).toBe('none');
    });
  });

  describe('a turn correcting the subject of the last question', () => {
    it.each([
      ['ki-foerderung', 'nein, ich meinte die LaKI, nicht das KI', 'laki-foerderung'],
      ['ki-was-ist', 'nein, ich meinte die LaKI, nicht das KI', 'laki-was-ist'],
      ['laki-was-ist', 'nein ich meinte das KI nicht die LaKI', 'ki-was-ist'],
    ])('should ask the last question of what was meant: after %s, "%s" answers %s', (lastEntryId, text, expected) => {
      expect(main(text, { lastEntryId }).answer?.id).toBe(expected);
    });
  });
});
