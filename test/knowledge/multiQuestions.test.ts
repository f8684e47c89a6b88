import path from 'node:path';
import { askedParts, loadKnowledgeBase, type IndexedKnowledgeBase, type PartMatch } from '../../src/knowledge';

const root = path.join(__dirname, '../..');

/** Messages with several questions: each part answered, or declined alone. */
describe('matchMessage with several questions', () => {
  let kb: IndexedKnowledgeBase;
  beforeAll(async () => {
    kb = await loadKnowledgeBase(path.join(root, 'knowledge'));
  });

  const parts = (text: string): PartMatch[] => askedParts(kb.matchMessage(text));
  const outcomes = (text: string) => parts(text).map((part) => (part.outcome === 'answer' ? part.answer!.id : part.outcome));

  it('should answer each of two prepositional phrases sharing one verb ("per Mail und per Telefon")', () => {
    expect(outcomes('Wie erreiche ich die LaKI per Mail und per Telefon?')).toEqual(['laki-email', 'laki-telefon']);
  });

  it('should answer the covered phrase and decline the uncovered one of "für Hebammen und für Zahnärzte"', () => {
    const read = parts('Gibt es Fortbildungen für Hebammen und für Zahnärzte?');
    expect(read.map((part) => part.text)).toEqual(['Gibt es Fortbildungen für Hebammen?', 'Gibt es Fortbildungen für Zahnärzte?']);
    expect(read.map((part) => part.outcome)).toEqual(['answer', 'none']);
  });

  it('should keep a separable verb particle with both phrases ("für Kommunen und für Schulen an?")', () => {
    const read = parts('Was bietet die LaKI für Kommunen und für Schulen an?');
    expect(read.map((part) => part.text)).toEqual(['Was bietet die LaKI für Kommunen an?', 'Was bietet die LaKI für Schulen an?']);
  });

  it('should decline who pays for what the part before asked about, when that part names no actor', () => {
    const read = parts('Welche Erzieherfortbildungen gibt es und wer bezahlt die?');
    expect(read[0]!.answer?.id).toBe('fruehe-bildung-fortbildung');
    expect(read[1]!.outcome).toBe('none');
    // The pronoun after a part naming the LaKI stands for the LaKI.
    expect(outcomes('Was macht die LaKI und wer bezahlt die?')[1]).toBe('laki-foerderung');
  });

  it('should not give the LaKI\'s people for contact persons "dort" at another body', () => {
    expect(parts('Welche Ministerien fördern die KIs und wer ist dort Ansprechpartner?')[1]!.outcome).toBe('none');
    expect(outcomes('Wo sitzt die LaKI und wer ist dort Ansprechpartner?')[1]).toBe('laki-ansprechpersonen');
  });

  it('should fill in the verb a gapped second question leaves out ("und was in der Schule?", "und was die LaKI?")', () => {
    expect(parts('Was machen die KIs im Elementarbereich und was in der Schule?').map((part) => part.text)).toEqual([
      'Was machen die KIs im Elementarbereich',
      'Was machen die KIs in der Schule?',
    ]);
    expect(parts('Was kostet ein KI und was die LaKI?')[1]!.text).toBe('Was kostet die LaKI?');
  });
});
