/**
 * Synthetic knowledge bases of any size, grown from the real entries, for the matcher's
 * scaling benchmark. Each synthetic entry is a real entry specialised to a made-up local offer
 * ("Sprachförderung in Bielefeld", project "Kalomira"): new id, title, question wording,
 * keywords and a rare project name, so the vocabulary grows with the entry count the way a real
 * curated base would (many shared words, a long tail of new ones).
 */
import type { Entry } from '../../src/knowledge';
import { entrySchema } from '../../src/knowledge/schema';
import { seededRandom } from './questions';

const PREFIXES = [
  'Sprach', 'Eltern', 'Schul', 'Familien', 'Integrations', 'Jugend', 'Bildungs', 'Beratungs', 'Kultur',
  'Migrations', 'Kita', 'Ausbildungs', 'Berufs', 'Lese', 'Mentoren', 'Lotsen', 'Frauen', 'Senioren',
  'Nachbarschafts', 'Sport', 'Gesundheits', 'Wohn', 'Demokratie', 'Ehrenamts', 'Dolmetsch', 'Medien',
  'Mädchen', 'Väter', 'Musik', 'Theater',
];
const SUFFIXES = [
  'förderung', 'projekt', 'angebot', 'netzwerk', 'beratung', 'konzept', 'programm', 'arbeit', 'koordination',
  'kurs', 'werkstatt', 'patenschaft', 'sprechstunde', 'café', 'treff', 'initiative', 'lotsendienst',
  'fortbildung', 'runde', 'börse',
];
const PLACES = [
  'Aachen', 'Bielefeld', 'Bochum', 'Bonn', 'Bottrop', 'Dortmund', 'Duisburg', 'Düsseldorf', 'Essen',
  'Gelsenkirchen', 'Hagen', 'Hamm', 'Herne', 'Köln', 'Krefeld', 'Leverkusen', 'Mönchengladbach',
  'Mülheim', 'Münster', 'Oberhausen', 'Remscheid', 'Solingen', 'Wuppertal', 'Kreis Soest', 'Kreis Unna',
  'Kreis Borken', 'Kreis Kleve', 'Kreis Lippe', 'Kreis Mettmann', 'Rhein-Sieg-Kreis', 'Hochsauerlandkreis',
  'Kreis Paderborn', 'Kreis Gütersloh', 'Kreis Recklinghausen', 'Kreis Wesel',
];
const QUESTION_OPENERS: ReadonlyArray<[RegExp, readonly string[]]> = [
  [/^Was /, ['Welche Informationen gibt es, was ', 'Erklären Sie bitte, was ']],
  [/^Wie /, ['Auf welchem Weg ', 'Wie genau ']],
  [/^Wer /, ['Welche Stelle ', 'Wer genau ']],
  [/^Gibt es /, ['Existiert ', 'Haben wir ']],
];
const SYLLABLES = ['ka', 'lo', 'mi', 'ra', 'te', 'nu', 'vi', 'so', 'be', 'ri', 'da', 'fe', 'go', 'li', 'pa', 'zu'];

/** A pronounceable made-up project name, unique per index: the vocabulary's long tail. */
function projectName(index: number): string {
  let name = '';
  let rest = index + SYLLABLES.length;
  while (rest > 0) {
    name += SYLLABLES[rest % SYLLABLES.length];
    rest = Math.floor(rest / SYLLABLES.length);
  }
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/** `count` entries derived from `real` (ids, titles, questions and keywords varied; related dropped). */
export function syntheticEntries(real: readonly Entry[], count: number, seed = 7): Entry[] {
  const random = seededRandom(seed);
  const entries: Entry[] = [];
  for (let i = 0; i < count; i++) {
    const base = real[i % real.length];
    const topic = PREFIXES[i % PREFIXES.length] + SUFFIXES[Math.floor(i / PREFIXES.length) % SUFFIXES.length];
    const place = PLACES[Math.floor(i / (PREFIXES.length * SUFFIXES.length)) % PLACES.length];
    const project = projectName(i);
    const reworded = base.questions.map((question) => {
      const opener = QUESTION_OPENERS.find(([pattern]) => pattern.test(question));
      if (!opener || random() < 0.5) return `${question.replace(/\?$/, '')} – ${topic} ${place}?`;
      const alternatives = opener[1];
      return question.replace(opener[0], alternatives[Math.floor(random() * alternatives.length)]);
    });
    entries.push({
      ...base,
      id: `${base.id}-${i}`,
      title: `${base.title} (${topic} in ${place})`,
      answer: `${base.answer}\n\nIn ${place} gehört dazu das Projekt **${project}** (${topic}).`,
      questions: [
        ...reworded,
        `Was ist das Projekt ${project}?`,
        `${topic} in ${place}`,
        `Wer kümmert sich in ${place} um ${topic}?`,
      ],
      keywords: [...base.keywords, topic, place, project],
      related: [],
    });
  }
  return entries;
}

/** Synthetic entries must pass the same schema editors' files do, or the benchmark is not of real data. */
export function assertValidEntries(entries: readonly Entry[]): void {
  const problems: string[] = [];
  for (const entry of entries) {
    const result = entrySchema.safeParse(entry);
    if (!result.success) problems.push(...result.error.issues.map((issue) => `${entry.id}.${issue.path.join('.')}: ${issue.message}`));
    if (problems.length >= 5) break;
  }
  if (problems.length > 0) throw new Error(`Synthetic entries do not match the knowledge schema: ${problems.join('; ')}`);
}
