import path from 'node:path';
import { loadKnowledgeBase, type ConversationContext, type IndexedKnowledgeBase } from '../../src/knowledge';

const root = path.join(__dirname, '../..');

/** Follow-up turns on the real knowledge base: asked beyond the last answer, and pronouns before a verb's particle or infinitive. */
describe('follow-up turns beyond the last answer', () => {
  let kb: IndexedKnowledgeBase;
  beforeAll(async () => {
    kb = await loadKnowledgeBase(path.join(root, 'knowledge'));
  });

  const main = (text: string, context?: ConversationContext) => kb.matchMessage(text, context).main;

  describe('asking a reason, the next step, more detail or what a named person does', () => {
    it.each([
      ['laki-foerderung', 'und warum?'],
      ['laki-beratung-kommunen', 'und danach?'],
      ['querschnitt', 'ok, und im Sport konkret?'],
      ['querschnitt-senioren', 'und wie genau?'],
      ['laki-ansprechpersonen', 'was macht Herr Buchholt genau?'],
      ['laki-ansprechpersonen', 'und was macht Frau Rimbach?'],
      ['laki-kernaufgaben', 'und was davon zuerst?'],
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
});
