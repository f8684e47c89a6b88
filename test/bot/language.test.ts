/** The fallback English check behind the bot's one English line. */
import { detectEnglish } from '../../src/bot/language';

describe('detectEnglish', () => {
  it.each([
    'What is the phone number of the LaKI?',
    'Who funds the LaKI?',
    'What is Griffbereit?',
    'email address of the coordination office',
    'Hi, I just started at the integration office in Bielefeld and my German is not great yet. Could you tell me the postal address of the LaKI?',
    'I need the fax number of the LaKI, please.',
  ])('should read %p as English', (text) => {
    expect(detectEnglish(text)).toBe('en');
  });

  it.each([
    'Was ist das?',
    'Was ist Rucksack-Kita?',
    'An wen wende ich mich?',
    'Die Adresse bitte',
    'Wie ist die Telefonnummer der LaKI?',
    'Hallo, ich bin neu im KI und wollte mal fragen wer die Laki fordert',
    'Was macht die LaKI in Sachen Qualitätssicherung und wie erreiche ich sie telefonisch?',
    'Telefonnummer LaKI',
  ])('should not read %p as English', (text) => {
    expect(detectEnglish(text)).toBeUndefined();
  });
});
