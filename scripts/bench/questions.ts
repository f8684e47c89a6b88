/**
 * Distinct German questions for load tests: templates × topics × typos, as staff really type
 * them (short keywords, full sentences, chatty openers, missing umlauts, swapped letters).
 * Deterministic (seeded), so two runs measure the same work.
 */

/** `{t}`: the topic in the accusative (as listed below); `{n}`: in the nominative. */
const TEMPLATES: readonly string[] = [
  'Was ist {n}?',
  'Wie erreiche ich {t}?',
  'Wer ist zuständig für {t}?',
  'Können Sie mir etwas über {t} sagen?',
  'Ich hätte eine Frage über {t}.',
  'Gibt es Informationen über {t}?',
  'Was muss ich über {t} wissen?',
  'Hallo, ich bin neu im Sozialamt und wollte fragen, was ich über {t} wissen muss.',
  'Wo finde ich etwas über {t}?',
  '{n}?',
  '{n} bitte',
  'Kurze Frage: {n}?',
  'Wie funktioniert {n} in NRW?',
  'Guten Tag, wir überlegen gerade, wie wir {t} angehen. Wer hilft uns dabei?',
  'Welche Rolle spielt {n} für unser KI?',
  'Könnten Sie mir bitte erklären, was {n} bedeutet?',
  'Brauchen wir für {t} eine Genehmigung?',
  'Wie viel Geld gibt es für {t}?',
  'Bis wann muss {n} beantragt werden?',
  'Hat die LaKI Material über {t}?',
];

const TOPICS: readonly string[] = [
  'die LaKI',
  'die Landesweite Koordinierungsstelle',
  'das Kommunale Integrationszentrum',
  'die Telefonnummer der LaKI',
  'die Faxnummer',
  'die E-Mail-Adresse der LaKI',
  'die Postanschrift',
  'die Besuchsadresse in Arnsberg',
  'die Webseite',
  'die Ansprechpartnerin',
  'Griffbereit',
  'Rucksack-Kita',
  'Rucksack Schule',
  'die Fortbildung für Erzieherinnen',
  'die Hebammen',
  'die Schulentwicklung',
  'den Übergang Schule–Beruf',
  'den Übergang von der Schule in den Beruf',
  'das Integrationskonzept',
  'den Runderlass',
  'den gemeinsamen Erlass',
  '§ 7 Teilhabe- und Integrationsgesetz',
  'das Teilhabe- und Integrationsgesetz',
  'die Förderung durch das MAIS',
  'das Schulministerium',
  'die Migrantenselbstorganisationen',
  'die Vernetzung der Verwaltung',
  'die Querschnittsaufgabe',
  'die Handlungsfelder',
  'die frühe Bildung',
  'den Elementarbereich',
  'die Kindertageseinrichtungen',
  'den Verbund der Integrationszentren',
  'die Qualitätsstandards',
  'den Erfahrungsaustausch',
  'die Öffentlichkeitsarbeit',
  'die Interessenvertretung',
  'die Kooperation mit dem Land',
  'den Aufbau eines Integrationszentrums',
  'die Gründung eines KI',
  'die Transparenz',
  'die zwei Strategien',
  'Bildung von Anfang an',
  'die Elternarbeit',
  'Sprachförderung in der Kita',
  'die Öffnungszeiten',
  'Fördergelder',
  'die Antragsfrist',
  'Personalstellen im KI',
  'das Wetter in Arnsberg',
];

const TAILS: readonly string[] = ['', ' Danke!', ' Vielen Dank im Voraus.', ' LG', ' (dringend)'];

/** Small seeded PRNG (mulberry32): deterministic and fast. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One typing mistake at a random letter: swap, drop, double, or umlaut written out/lost. */
function typo(text: string, random: () => number): string {
  const letters = [...text.matchAll(/\p{L}/gu)].map((match) => match.index ?? 0).filter((index) => index > 0);
  if (letters.length < 4) return text;
  const at = letters[Math.floor(random() * letters.length)];
  switch (Math.floor(random() * 5)) {
    case 0:
      return at + 1 < text.length ? text.slice(0, at) + text[at + 1] + text[at] + text.slice(at + 2) : text;
    case 1:
      return text.slice(0, at) + text.slice(at + 1);
    case 2:
      return text.slice(0, at) + text[at] + text.slice(at);
    case 3:
      return text.replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue').replace(/ß/g, 'ss');
    default:
      return text.toLowerCase();
  }
}

/**
 * Returns `count` distinct questions. The first `TEMPLATES × TOPICS` are the plain
 * combinations; the rest add closing phrases and one or two typos.
 */
export function generateQuestions(count: number, seed = 42): string[] {
  const random = seededRandom(seed);
  const questions = new Set<string>();
  const base = TEMPLATES.flatMap((template) =>
    TOPICS.map((topic) => template.replace('{t}', topic).replace('{n}', topic.replace(/^den /, 'der '))),
  );
  for (const question of base) {
    if (questions.size >= count) break;
    questions.add(question);
  }
  let guard = 0;
  while (questions.size < count && guard++ < count * 20) {
    let question = base[Math.floor(random() * base.length)] + TAILS[Math.floor(random() * TAILS.length)];
    const typos = Math.floor(random() * 3);
    for (let i = 0; i < typos; i++) question = typo(question, random);
    questions.add(question);
  }
  return [...questions];
}
