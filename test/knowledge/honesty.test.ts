import path from 'node:path';
import { loadKnowledgeBase, type IndexedKnowledgeBase } from '../../src/knowledge';

const root = path.join(__dirname, '../..');

/**
 * Messages the flyer does not answer, though they use its words: a generic verb pointing at an
 * unknown thing, a clause the knowledge does not cover, a reported question, who pays for a thing.
 * Each with an answerable look-alike that must stay answered.
 */
describe('matchMessage: what the flyer does not answer', () => {
  let kb: IndexedKnowledgeBase;
  beforeAll(async () => {
    kb = await loadKnowledgeBase(path.join(root, 'knowledge'));
  });

  const main = (text: string, context?: { lastEntryId: string }) => kb.matchMessage(text, context).main;

  it('should decline a relayed claim whose figure the flyer does not hold, and answer one it confirms', () => {
    expect(main('Im Ausschuss hieß es, jedes KI bekommt 500.000 Euro im Jahr. Ist das richtig?').outcome).toBe('none');
    expect(main('Ein Kollege meinte, die LaKI hat 2019 ihren Sitz gewechselt. Stimmt das?').outcome).toBe('none');
    // The figure of a situation the writer tells is still no question of its own.
    expect(main('Meine Kollegin sagt, die LaKI sitzt bei der Bezirksregierung Arnsberg. Stimmt das?').answer?.id).toBe('laki-bezirksregierung');
  });

  it('should decline who made, signed or runs a thing the flyer names, and answer who does it now', () => {
    expect(main('Wer hat den Erlass unterschrieben?').outcome).toBe('none');
    expect(main('Wer hat das Programm Rucksack-Kita entwickelt?').outcome).toBe('none');
    expect(main('Wer betreibt eigentlich die Website kommunale-integrationszentren-nrw.de?').outcome).toBe('none');
    expect(main('Wer gibt den Rahmen für die KIs vor?').answer?.id).toBe('ki-erlass');
    expect(main('Entwickeln die KIs auch Lehr- und Lernmaterialien für Schulen?').answer?.id).toBe('schulentwicklung-materialien');
  });

  it('should decline a "who" part offering only bodies the flyer does not know, and answer one offering the Land', () => {
    expect(main('Wer legt die Schwerpunkte unseres KI fest – der Kreistag oder der Landrat?').outcome).toBe('none');
    expect(main('Bei uns gibt es Streit, wer die Schwerpunkte unseres KI festlegt – entscheidet das der Kreistag oder der Landrat?').outcome).toBe('none');
    expect(main('Wer legt die Schwerpunkte unseres KI fest?').answer?.id).toBe('ki-ausgestaltung-vor-ort');
    expect(main('Wer gibt den Rahmen vor, das Land oder wir als Kreis?').answer?.id).toBe('ki-erlass');
  });

  it('should decline who hires the LaKI\'s people after an answer on where it is based', () => {
    const turn = main('Wer stellt die ein?', { lastEntryId: 'laki-bezirksregierung' });
    expect(turn.outcome).toBe('none');
  });

  it('should decline whether a school has to pay for what the part before asked about', () => {
    const parts = kb.matchMessage('Bieten die KIs Fortbildungen für Lehrkräfte an? Und falls ja: muss die Schule dafür was zahlen?').parts;
    expect(parts.map((part) => part.outcome)).toEqual(['answer', 'none']);
  });

  it('should decline a part with one generic verb pointing into a sentence whose things are all unknown', () => {
    expect(main('Wir wollen einen Beirat gründen. Wer entscheidet das?').outcome).toBe('none');
    expect(main('Wir wollen einen Seniorenbeirat gründen. Wer berät uns dabei?').outcome).toBe('none');
    expect(main('Bei uns soll ein Integrationsrat gewählt werden. Wer organisiert das?').outcome).toBe('none');
    // A sentence naming what the flyer knows keeps the answer.
    expect(main('Wir wollen ein KI einrichten. Wer entscheidet das?').answer?.id).toBe('ki-ausgestaltung-vor-ort');
  });

  it('should decline who speaks for an office (not the contact persons "Sprecher" shares a stem with), but not whom to speak to', () => {
    expect(main('Gibt es einen Pressesprecher?').outcome).toBe('none');
    expect(main('Wer davon ist der Pressesprecher?', { lastEntryId: 'laki-ansprechpersonen' }).outcome).toBe('none');
    expect(main('Mit wem kann ich bei der LaKI sprechen?').answer?.id).toBe('laki-ansprechpersonen');
  });

  it('should decline who heads an office\'s department, but not a question the department head asks', () => {
    expect(main('Wer ist bei der Bezirksregierung Arnsberg der Dezernent für Dez. 37?').outcome).toBe('none');
    expect(main('Der Dezernent möchte wissen, wer die LaKI fördert.').answer?.id).toBe('laki-foerderung');
    expect(main('lt. Dezernent soll das KI auch Schulen beraten, stimmt das?').answer?.id).toBe('schulentwicklung-beratung');
  });

  it('should decline a thin frame whose "ob" clause, or what it decides, the knowledge does not cover', () => {
    expect(main('Wer entscheidet, ob unser KI einen Beirat bekommt?').outcome).toBe('none');
    expect(main('Wer entscheidet, ob unser KI mehr Stellen bekommt?').outcome).toBe('none');
    expect(main('Wer legt fest, wie viele Mitarbeiter ein KI hat?').outcome).toBe('none');
    expect(main('Wer entscheidet, ob wir ein KI einrichten dürfen?').answer?.id).toBe('ki-ausgestaltung-vor-ort');
    expect(main('Wer legt fest, wie ein KI organisatorisch angebunden wird?').answer?.id).toBe('ki-ausgestaltung-vor-ort');
  });

  it('should not read a second "ob" clause of the same question as what the first frames', () => {
    const message =
      'Hallo, ich bin Quartiersmanagerin in der Dortmunder Nordstadt. Ich frage mich, ob das Integrationszentrum eher von oben plant ' +
      'oder ob es dafür die Leute und Einrichtungen hier im Stadtteil braucht. Wie ist das gedacht?';
    expect(kb.matchMessage(message).parts.some((part) => part.outcome !== 'none')).toBe(true);
  });

  it('should decline who pays for a thing other than the LaKI or the centres', () => {
    expect(main('und wer bezahlt die Fortbildungen für die Erzieherinnen?', { lastEntryId: 'fruehe-bildung' }).outcome).toBe('none');
    expect(main('Wer finanziert Griffbereit?').outcome).not.toBe('answer');
    expect(main('Wer bezahlt die LaKI?').answer?.id).toBe('laki-foerderung');
    expect(main('kurze Frage: wer bezahlt euch eigentlich?').answer?.id).toBe('laki-foerderung');
    expect(main('wer bezahlt eigentlich die laki, das land oder die kommunen??').answer?.id).toBe('laki-foerderung');
  });

  it('should read "und mit wie viel?" after a question as a part asking an amount, not as the question again', () => {
    for (const message of ['Wird das KI vom Land gefördert und mit wie viel?', 'Wer fördert die LaKI und mit wie viel?']) {
      const parts = kb.matchMessage(message).parts;
      expect(parts).toHaveLength(2);
      expect(parts[0]!.outcome).toBe('answer');
      expect(parts[1]!.outcome).toBe('none');
    }
  });

  it('should decline who employs the LaKI\'s staff: the flyer names where it sits, not its employer', () => {
    expect(main('Wer ist der Arbeitgeber der LaKI-Mitarbeitenden?').outcome).toBe('none');
  });

  it('should decline whether a thing is still so, whether it pays off, and a placement', () => {
    expect(main('Sind die Infos zu Rucksack-Kita noch auf dem neuesten Stand?').outcome).toBe('none');
    expect(main('gibt es das noch?', { lastEntryId: 'griffbereit' }).outcome).toBe('none');
    expect(main('Die Fraktionen wollen wissen, ob sich die frühe Bildung lohnt.').outcome).toBe('none');
    expect(main('Vermittelt ihr Ausbildungsplätze an Jugendliche mit Migrationshintergrund?').outcome).toBe('none');
    expect(main('Was ist die Weitervermittlung guter Praxis?').outcome).toBe('answer');
  });

  it('should decline another kind of the centre, the exchange or a ministry, named by a compound the knowledge base does not use', () => {
    expect(main('Welche Aufgaben hat ein Familienzentrum?').outcome).toBe('none');
    expect(main('Wie gründet man ein Stadtteilzentrum?').outcome).toBe('none');
    expect(main('Was macht ein Gesundheitszentrum?').outcome).toBe('none');
    expect(main('Wir planen eine Klassenfahrt mit Austausch nach Griechenland. Unterstützt ihr Austauschprogramme?').outcome).toBe('none');
    expect(main('Unsere Schule plant einen Schüleraustausch mit Izmir. Organisiert das KI auch solche Austauschprogramme?').outcome).toBe('none');
    // The knowledge base's own kinds stay answered, in any form.
    expect(main('Welche Landesministerien fördern die Koordinierungsstelle?').answer?.id).toBe('laki-foerderung');
    expect(main('Gibt es einen Erfahrungsaustausch zwischen den KIs?').answer?.id).toBe('laki-austausch');
    expect(main('Welche Aufgaben hat ein Kommunales Integrationszentrum?').outcome).toBe('answer');
  });

  it('should read the writer\'s own unknown people or places a request is for as their situation', () => {
    expect(main('Wir suchen Infos zu Rucksack-Kita für unsere Familienzentren.').answer?.id).toBe('rucksack-kita');
    expect(main('Wir suchen Infos zu Rucksack-Kita für unsere Kindergruppen.').answer?.id).toBe('rucksack-kita');
  });
  it('should decline a reported claim whose figure the knowledge does not hold', () => {
    expect(main('Jemand im Ausschuss sagte, die LaKI habe 25 Mitarbeitende. Stimmt das?').outcome).toBe('none');
    // A claim without a figure the knowledge holds is confirmed.
    expect(main('Jemand aus dem Ministerium sagte, die LaKI arbeite bei der Evaluation der KIs mit dem Land zusammen. Stimmt das?').answer?.id).toBe('laki-zusammenarbeit-land');
  });

  it('should decline who made a thing in the past, but not who does it now', () => {
    expect(main('Wer hat den Erlass unterschrieben?').outcome).toBe('none');
    expect(main('Wir würden gern wissen, wer das Programm Rucksack-Kita ursprünglich entwickelt hat.').outcome).toBe('none');
    expect(main('Von wem wurde Griffbereit entwickelt?').outcome).toBe('none');
    expect(main('Wer entwickelt Lehr- und Lernmaterialien?').answer?.id).toBe('schulentwicklung-materialien');
  });

  it('should decline a question why that an entry telling what answers, and answer a why the flyer gives', () => {
    expect(main('Weshalb wird die LaKI von zwei Ministerien gefördert?').outcome).toBe('none');
    expect(main('Why is the LaKI located in Dortmund?').outcome).toBe('none');
    expect(main('Wieso hat die LaKI zwei verschiedene Adressen?').outcome).toBe('none');
    expect(main('Wieso gibt es Kommunale Integrationszentren nur in Kreisen und kreisfreien Städten?').outcome).toBe('none');
    // The flyer's own reasons and purposes stay answered, and so does a why that sets two named things apart.
    expect(main('Warum setzen die KIs beim Übergang von der Schule in den Beruf an?').answer?.id).toBe('uebergang-schule-beruf');
    expect(main('Wird die LaKI von zwei Ministerien gefördert?').answer?.id).toBe('laki-foerderung');
    expect(main('Warum hat die LaKI zwei Adressen, eine Postanschrift und eine Besuchsadresse?').answer?.id).toBe('laki-besuchsadresse');
  });

  it('should decline how to reach one centre, and give the LaKI\'s contact when the LaKI is asked for', () => {
    expect(main('ich bräuchte die telefonnummer unseres KI, finde sie nirgends').outcome).toBe('none');
    expect(main('Und unser KI in Hamm, wie erreiche ich das?', { lastEntryId: 'laki-kontakt' }).outcome).toBe('none');
    expect(main('Unter welcher Nummer erreiche ich die LaKI?').answer?.id).toBe('laki-telefon');
    expect(main('Ich bin neu im KI Gelsenkirchen. Wie erreiche ich die Landesweite Koordinierungsstelle telefonisch?').answer?.id).toBe('laki-telefon');
    // The centres' common website is theirs too.
    expect(main('Wie ist die Webadresse der Kommunalen Integrationszentren in NRW?').answer?.id).toBe('laki-webseite');
  });

  it('should decline who acts on the LaKI where the knowledge tells only what the LaKI does, and answer who funds it', () => {
    expect(main('Wer vertritt die LaKI in der Landesregierung?').outcome).toBe('none');
    expect(main('Who represents the LaKI in the state parliament?').outcome).toBe('none');
    expect(main('Wer vertritt die Kommunalen Integrationszentren gegenüber dem Land?').answer?.id).toBe('laki-vertretung');
    expect(main('Wer fördert die LaKI?').answer?.id).toBe('laki-foerderung');
    expect(main('Who funds the LaKI?').answer?.id).toBe('laki-foerderung');
  });

  it('should decline a claim counting with a figure written as a word that the knowledge does not hold, and confirm one it holds', () => {
    expect(main('Die LaKI hat nur drei Stellen, stimmt das?').outcome).toBe('none');
    expect(main('Ist es richtig, dass die Koordinierungsstelle zehn Mitarbeitende hat?').outcome).toBe('none');
    expect(main('Stimmt es, dass die LaKI von zwei Ministerien gefördert wird?').answer?.id).toBe('laki-foerderung');
    // Outside a claim a figure tells what the writer expects.
    expect(main('Welche zwei Strategien führen die KIs zusammen?').answer?.id).toBe('ki-strategien');
  });
});
