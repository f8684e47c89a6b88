import path from 'node:path';
import { answerText, loadKnowledgeBase, type IndexedKnowledgeBase } from '../../src/knowledge';

const root = path.join(__dirname, '../..');

/**
 * English messages of international staff, project partners and interpreters, read at the German
 * quality bar: what German says with stopwords, capitals, "ob" after a comma or "sie" English says
 * with its own words, and the reading must find them.
 */
describe('matchMessage: English messages', () => {
  let kb: IndexedKnowledgeBase;
  beforeAll(async () => {
    kb = await loadKnowledgeBase(path.join(root, 'knowledge'));
  });

  const answered = (text: string) => kb.matchMessage(text).main.answer?.id;
  const unknownWords = (text: string) => kb.explain(text).analysis.readings.filter((reading) => reading.kind === 'unknown').map((reading) => reading.word);

  it('should read the English words German says with stopwords as no topic ("two", "possible", "especially", "a lot", "don\'t")', () => {
    expect(answered('Which topics are especially important in the Elementarbereich?')).toBe('fruehe-bildung');
    expect(unknownWords('What are the two strategies? Is it possible to get a lot of training? I don\'t know, btw.')).toEqual([]);
    // "for example" introduces an example, as "zum Beispiel" does.
    expect(unknownWords('Do the KIs offer training for example in all-day schools?')).toEqual([]);
  });

  it('should read "in practise" (British spelling) as asking how concretely, not as good practice', () => {
    expect(answered('What does Integration als Querschnittsaufgabe mean in practise?')).toBe('querschnitt');
  });

  it('should read a role that something plays as "Rolle", not as a task nor as players', () => {
    const tokens = kb.explain("What role does the social space play in the centres' work?").analysis.tokens;
    expect(tokens).toEqual(expect.arrayContaining(kb.explain('Rolle').analysis.tokens));
    expect(tokens).not.toContain(kb.explain('Akteure').analysis.tokens[0]);
    expect(tokens).not.toContain(kb.explain('Aufgaben').analysis.tokens[0]);
  });

  it('should read "state-wide", "afternoon care" and "form a network" as their German members', () => {
    expect(kb.explain('a state-wide office').analysis.tokens).toContain(kb.explain('landesweit').analysis.tokens[0]);
    expect(kb.explain('the team of the afternoon care').analysis.tokens).toContain(kb.explain('Ganztag').analysis.tokens[0]);
    expect(kb.explain('Do all centres form a network?').analysis.tokens).toContain(kb.explain('Verbund').analysis.tokens[0]);
  });

  it('should keep "not only …" with the claim a statement tells, so that "Is this right?" asks about the whole claim', () => {
    const message = 'I heard the KIs also work on health and sports, not only on schools. Is this right?';
    expect(kb.explainMessage(message).parts[0]!.leansOn).toBe('I heard the KIs also work on health and sports, not only on schools.');
    expect(answered(message)).toBe('querschnitt');
    expect(answered('Ich habe gehört, die KIs arbeiten auch zu Gesundheit und Sport, nicht nur zu Schulen. Stimmt das?')).toBe('querschnitt');
  });

  it('should read a question relayed with "asked me whether" as the claim a following "Do they?" asks about', () => {
    const message = 'My colleague from the Jugendamt asked me whether the KI in Bochum does anything for kindergartens. Do they?';
    const [part] = kb.explainMessage(message).parts;
    expect(part!.text).toBe('Do they?');
    expect(part!.leansOn).toBe('whether the KI in Bochum does anything for kindergartens.');
    expect(answered(message)).toBe('fruehe-bildung');
    // Alone, the relayed question is what the writer asks.
    expect(answered('My boss asked me whether the LaKI advises municipalities on setting up a KI.')).toBe('laki-beratung-kommunen');
  });

  it('should lean a part asking for the writer ("like ours", "for us") on the sentence in which the writer says who they are', () => {
    const message = 'I teach at a secondary school with many newcomers. What can the centres do for a school like ours?';
    expect(kb.explainMessage(message).parts[0]!.leansOn).toBe('I teach at a secondary school with many newcomers.');
    const association = "We're a migrant association in Cologne. Are the KIs interested in organisations like ours?";
    expect(kb.explainMessage(association).parts[0]!.leansOn).toBe("We're a migrant association in Cologne.");
  });

  it('should read reaching a standard or a goal as achieving it, not as contact', () => {
    const contact = kb.explain('Kontakt').analysis.tokens[0];
    expect(kb.explain('How does the LaKI make sure that all centres reach the same quality standard?').analysis.tokens).not.toContain(contact);
    expect(kb.explain('Wie sorgt die LaKI dafür, dass alle KIs den gleichen Standard erreichen?').analysis.tokens).not.toContain(contact);
    expect(kb.explain('How can I reach the LaKI?').analysis.tokens).toContain(contact);
  });

  it('should read "it" as the LaKI or the centres named in the part before, also by the LaKI\'s full name', () => {
    const funds = kb.matchMessage('Who funds the coordination office and which authority does it belong to?');
    expect(funds.parts.map((part) => part.answer?.id)).toEqual(['laki-foerderung', 'laki-bezirksregierung']);
    const german = kb.matchMessage('Wer fördert die Landesweite Koordinierungsstelle Kommunale Integrationszentren und bei welcher Behörde ist sie angesiedelt?');
    expect(german.parts[1]!.answer?.id).toBe('laki-bezirksregierung');
  });

  it('should decline who runs a body or a thing, as "Wer betreibt …?"', () => {
    expect(kb.matchMessage('Who runs the LaKI website?').main.outcome).toBe('none');
    const message = 'Who runs the state-wide coordination office for the municipal integration centres – which authority is it part of?';
    expect(answerText(kb.matchMessage(message).main.answer!)).toMatch(/Bezirksregierung Arnsberg/);
  });

  it('should decline English questions about the writer\'s own place, language courses and languages, as German ones', () => {
    expect(kb.matchMessage('Is there a KI in our district?').main.outcome).toBe('none');
    expect(kb.matchMessage('Who is the contact person at our local KI?').main.outcome).toBe('none');
    expect(kb.matchMessage('Do the integration centres offer German courses for adults?').main.outcome).toBe('none');
    expect(kb.matchMessage('Is Griffbereit also available in Arabic?').main.outcome).toBe('none');
  });
});
