import { plainMessage } from '../../src/knowledge/mailText';

describe('plainMessage', () => {
  it.each([
    ['Wie ist die Faxnummer?', 'Wie ist die Faxnummer?'],
    [
      '---- Weitergeleitete Nachricht ----\nVon: Schmidt, Petra\nGesendet: Dienstag, 3. Dezember 2024 10:14\nAn: Integrationsbüro\nBetreff: AW: Integrationskonzept\n\nWer berät uns?',
      'Wer berät uns?',
    ],
    ['> Am 03.12. schrieb Frau X:\n> Was ist Griffbereit?\nUnd was ist Rucksack-Kita?', 'Und was ist Rucksack-Kita?'],
    ['Am 03.12.2024 um 09:15 schrieb Frau Schneider:\n> Termin folgt.\nWer fördert die LaKI?', 'Wer fördert die LaKI?'],
    ['Sehr geehrte Damen und Herren,\nwer fördert die LaKI?\nMit freundlichen Grüßen\ni.A. Müller\nSachgebiet 51.2 Integration\nTel. 02361 53-4410', 'wer fördert die LaKI?'],
    ['Hallo,\nwie ist die Faxnummer?\nDanke & Gruß\nJörg', 'wie ist die Faxnummer?'],
    ['Wie ist die Faxnummer?\n--\nGesundheitsamt Kreis Lippe', 'Wie ist die Faxnummer?'],
    ['z. Hd. LaKI: welches Dezernat ist zuständig?', 'welches Dezernat ist zuständig?'],
    ['An die LaKI: Wer fördert euch?', 'Wer fördert euch?'],
    ['An das LaKI-Team: Wer fördert euch?', 'Wer fördert euch?'],
    ['@LaKI-Assistent wer gibt den Rahmen vor?', 'wer gibt den Rahmen vor?'],
    ['hallo frage zum ki punkt wer berät uns beim aufbau fragezeichen', 'hallo frage zum ki. wer berät uns beim aufbau?'],
    ['frage an die laki doppelpunkt wer fördert euch komma bitte fragezeichen', 'frage an die laki: wer fördert euch, bitte?'],
    ['Für die Vorlage (wo sitzt die LaKI eigentlich?) brauche ich Infos.', 'Für die Vorlage\nwo sitzt die LaKI eigentlich?\nbrauche ich Infos.'],
  ])('should read %j as %j', (message, expected) => {
    expect(plainMessage(message)).toBe(expected);
  });

  it('should keep typed words that name a mark, and a greeting before a question that follows', () => {
    expect(plainMessage('Was ist der wichtigste Punkt im Erlass?')).toBe('Was ist der wichtigste Punkt im Erlass?');
    expect(plainMessage('Viele Grüße vorab\nwer fördert die LaKI?')).toBe('Viele Grüße vorab\nwer fördert die LaKI?');
    expect(plainMessage('An die Schulen: was bieten die KIs?')).toBe('An die Schulen: was bieten die KIs?');
    expect(plainMessage('Hallo, wir sind eine Kita in Hamm\nwas bietet ihr an?')).toBe('Hallo, wir sind eine Kita in Hamm\nwas bietet ihr an?');
  });

  it('should read a message of quotes alone as the quoted text', () => {
    expect(plainMessage('> Wer fördert die LaKI?')).toBe('Wer fördert die LaKI?');
  });
});
