import { Analyzer } from '../../src/knowledge/analyzer';

const texts = [
  'Übergang von der Schule in den Beruf',
  'Wie kann man ein Zentrum einrichten?',
  'Rucksack-Kita ist ein Programm für Kindertageseinrichtungen.',
  'Die Koordinierungsstelle berät bei der Erstellung eines Integrationskonzepts.',
  'Interkulturelle Schulentwicklung in Schulen',
  'Schulen interkulturell entwickeln und die Entwicklung begleiten',
  'Telefonnummer der LaKI',
];
const synonyms = {
  groups: [
    ['Kita', 'Kindertageseinrichtung', 'Kindergarten'],
    ['LaKI', 'Koordinierungsstelle', 'Landesweite Koordinierungsstelle'],
    ['Telefon', 'Telefonnummer', 'anrufen'],
  ],
  forward: ['Frist', 'wie viele'],
};

describe('Analyzer', () => {
  const analyzer = new Analyzer(texts, synonyms);

  it('should read a hyphenated word inside a synonym phrase as part of the phrase, not as a rare joined word', () => {
    const phrases = new Analyzer(['Übergang Schule – Beruf', 'Neugestaltung des Übergangssystems Schule-Beruf'], {
      groups: [['Übergang Schule Beruf', 'Übergang Schule-Beruf']],
      forward: [],
    });
    const tokens = phrases.analyzeQuery('Übergang Schule-Beruf').tokens;
    expect(tokens).toContain('ubergang_schul_beruf');
    expect(tokens).not.toContain('schuleberuf');
    // Outside a phrase the joined spelling stays a word of its own.
    expect(phrases.analyzeQuery('Übergangssystem Schule-Beruf').tokens).toContain('schuleberuf');
  });

  it('should know the fillers in questions, but leave them out of the entries\' words', () => {
    const texts = ['Können Sie die Aufgaben beschreiben?', 'Die Arbeit der Zentren'];
    const fillers = new Analyzer(texts, { groups: [], forward: [], fillers: [['why', 'beschreiben', 'geben']] });
    expect(fillers.analyzeIndexed('Können Sie die Aufgaben beschreiben?').tokens).toEqual(['aufgab']);
    expect(fillers.analyzeQuery('Was können Sie mir geben?').tokens).toEqual(['why']);
    expect(fillers.analyzeQuery('Was können Sie mir geben?').readings.map((reading) => reading.kind)).toEqual(['known']);
    // The same words as a group of `groups` become a word of the entry that writes one.
    const group = new Analyzer(texts, { groups: [['why', 'beschreiben', 'geben']], forward: [] });
    expect(group.analyzeIndexed('Können Sie die Aufgaben beschreiben?').tokens).toContain('why');
  });

  it('should read a compound ending in a frame noun ("Kitabereich") as its first part', () => {
    const frames = new Analyzer(['Die Kita und der Bereich Schule'], { groups: [], forward: [] });
    expect(frames.analyzeQuery('Angebote für den Kitabereich').readings).toEqual([
      { kind: 'unknown', word: 'angebot', casing: 'unclear', numeric: false },
      { kind: 'compound', word: 'kitabereich', parts: ['kita'] },
    ]);
  });

  it('should read a compound with a generic first part ("Leitstrategien") as its last part, and others not', () => {
    const generic = new Analyzer(['Zwei Strategien', 'Programme für Kinder'], { groups: [], forward: [] });
    expect(generic.analyzeQuery('Leitstrategien').readings).toEqual([{ kind: 'compound', word: 'leitstrategi', parts: ['strategi'] }]);
    // A first part that names what is meant ("Senioren…") is not dropped.
    expect(generic.analyzeQuery('Seniorenprogramme').readings[0]?.kind).toBe('unknown');
  });

  it('should read spoken and regional forms ("gibbet son …", "kannste", "nix") as chat, not as unknown words', () => {
    const spoken = new Analyzer(['Programme für Eltern', 'Die Faxnummer der LaKI'], { groups: [], forward: [] });
    for (const question of ['Gibbet son Programm für Eltern?', 'kannste mir die Faxnummer sagen?', 'haste da nix für Eltern?']) {
      expect(spoken.analyzeQuery(question).readings.filter((reading) => reading.kind === 'unknown')).toEqual([]);
    }
  });

  it('should read English "kind of" and "focus on" as the frame of the question, not as "Kind" or a topic', () => {
    const frames = new Analyzer(['Angebote für jedes Kind', 'Unterstützung der Schulen', 'Fokus auf Eltern'], {
      groups: [['unterstützen', 'support'], ['Rolle', 'Fokus']],
      forward: [],
    });
    expect(frames.analyzeQuery('What kind of support do the centres offer?').tokens).not.toContain('kind');
    expect(frames.analyzeQuery('Which kinds of support are there?').tokens).toContain('unterstutz');
    expect(frames.analyzeQuery('Gibt es etwas für jedes Kind?').tokens).toContain('kind');
    expect(frames.analyzeQuery('What do the centres focus on when parents ask?').tokens).not.toContain('roll');
  });

  it('should read English "work with" and "work together" as cooperation, not as work', () => {
    const cooperation = new Analyzer(['Zusammenarbeit mit Schulen', 'from school to work'], { groups: [['Zusammenarbeit', 'cooperation']], forward: [] });
    expect(cooperation.analyzeQuery('Does the KI work together with schools?').tokens).toContain('zusammenarbeit');
    expect(cooperation.analyzeQuery('Who does the LaKI work with?').tokens).not.toContain('work');
    expect(cooperation.analyzeQuery('the transition from school to work').tokens).toContain('work');
  });

  it('should read doing something "zusammen" asked "mit wem" as working together, whatever the verb', () => {
    const cooperation = new Analyzer(['Zusammenarbeit mit Partnern', 'Die Aufgaben der LaKI'], { groups: [], forward: [] });
    expect(cooperation.analyzeQuery('mit wem die LaKI ihre Aufgaben zusammen erledigt').tokens).toContain('zusammenarbeit');
    expect(cooperation.analyzeQuery('Mit welchen Partnern macht die LaKI das zusammen?').tokens).toContain('zusammenarbeit');
    // Without "mit wem" the particle is no cooperation ("Wie hängt das zusammen?").
    expect(cooperation.analyzeQuery('Wie hängt das mit den Aufgaben zusammen?').tokens).not.toContain('zusammenarbeit');
  });

  it('should read an entry\'s "Mit wem zusammen …?" as working together, as it reads the question in chat', () => {
    const cooperation = new Analyzer(['Zusammenarbeit mit Partnern', 'Die Aufgaben der LaKI'], { groups: [], forward: [] });
    // Else the variant "Mit wem zusammen erfüllt die LaKI ihre Aufgaben?" is "Welche Aufgaben erfüllt die LaKI?".
    expect(cooperation.analyzeIndexed('Mit wem zusammen erfüllt die LaKI ihre Aufgaben?').tokens).toEqual(
      cooperation.analyzeQuery('Mit wem zusammen erfüllt die LaKI ihre Aufgaben?').tokens,
    );
    expect(cooperation.analyzeIndexed('Mit wem zusammen erfüllt die LaKI ihre Aufgaben?').tokens).toContain('zusammenarbeit');
    // "zusammen" alone, or after "mit" without a question word, stays what it was.
    expect(cooperation.analyzeIndexed('Wie hängt das mit den Aufgaben zusammen?').tokens).not.toContain('zusammenarbeit');
    expect(cooperation.analyzeIndexed('Mit wem? Die LaKI erfüllt ihre Aufgaben zusammen.').tokens).not.toContain('zusammenarbeit');
  });

  it('should read the particle of an English phrase ("set up") only inside the phrase', () => {
    const setUp = new Analyzer(['How do we set up an integration centre?', 'Einrichtung eines Zentrums'], { groups: [['einrichten', 'set up']], forward: [] });
    expect(setUp.analyzeQuery('Who sets up the centres?').tokens).toContain('einricht');
    expect(setUp.analyzeQuery('Does the LaKI pick up new ideas?').tokens).not.toContain('up');
    expect(setUp.analyzeQuery('Our schools want to open up').tokens).not.toContain('up');
  });

  it('should read an English member of a group by its English forms, not by the German stem it shares with another word', () => {
    // The German stemmer cuts "site" to "sit": "Where does the LaKI sit?" must not ask for the website.
    const site = new Analyzer(['Die Webseite der LaKI', 'Wo sitzt die LaKI?'], { groups: [['Webseite', 'site'], ['unterstützen', 'help']], forward: [] });
    expect(site.analyzeQuery('Is there a web site?').tokens).toContain('webseit');
    expect(site.analyzeQuery('Which sites do you run?').tokens).toContain('webseit');
    expect(site.analyzeQuery('Where does the LaKI sit?').tokens).not.toContain('webseit');
    expect(site.analyzeQuery('Where does the LaKI sit?').readings.at(-1)).toMatchObject({ kind: 'unknown', word: 'sit' });
    // Inflections the German stemmer leaves whole read as the member.
    expect(site.analyzeQuery('Who helped the centres?').tokens).toContain('unterstutz');
    expect(site.analyzeQuery('Who is helping the centres?').tokens).toContain('unterstutz');
    // A German word keeps its stem: "Seite" is no English member.
    const german = new Analyzer(['Die Seite der LaKI'], { groups: [['Webseite', 'Seite']], forward: [] });
    expect(german.analyzeQuery('Welche Seiten gibt es?').tokens).toContain('webseit');
  });

  it('should read English inflections of a member whose stem entries or German words also give ("supporting", "offered", "planning")', () => {
    // "support" is a German word too, and the German stemmer cuts "offer" to "off", the stem of the entries' "offen".
    const open = new Analyzer(['Angebote für Familien', 'Die Tür ist offen', 'Unterstützung für Schulen', 'Planung der Arbeit'], {
      groups: [['Angebot', 'offer'], ['unterstützen', 'support'], ['Planung', 'plan']],
      forward: [],
    });
    expect(open.analyzeQuery('Which programmes are offered for families?').tokens).toContain('angebot');
    expect(open.analyzeQuery('Which programmes are offered for families?').readings.filter((reading) => reading.kind === 'compound')).toEqual([]);
    expect(open.analyzeQuery('Is the LaKI supporting schools?').tokens).toContain('unterstutz');
    // A short final syllable doubles its consonant before "-ing" and "-ed".
    expect(open.analyzeQuery('Who is planning the work?').tokens).toContain('planung');
  });

  it('should read "auf welcher Ebene" as the frame of the question, not as an unknown noun', () => {
    const level = new Analyzer(['Die Arbeit der Zentren'], { groups: [], forward: [] });
    expect(level.analyzeQuery('Auf welcher Ebene arbeiten die Zentren?').readings.filter((reading) => reading.kind === 'unknown')).toEqual([]);
  });

  it('should read "in der Praxis" and "in practice" as how concretely, not as the topic of good practice', () => {
    const practice = new Analyzer(['Beispiele guter Praxis', 'Integration als Querschnittsaufgabe'], { groups: [], forward: [] });
    expect(practice.analyzeQuery('Was heißt Querschnittsaufgabe in der Praxis?').tokens).not.toContain('praxis');
    expect(practice.analyzeQuery('What does Querschnittsaufgabe mean in practice?').tokens).toEqual(['querschnittsaufgab']);
    expect(practice.analyzeQuery('Gibt es Beispiele guter Praxis?').tokens).toContain('praxis');
  });

  it('should read the source after "laut" ("laut Land", "laut dem Erlass") as no topic', () => {
    const source = new Analyzer(['Handlungsfelder des Landes', 'Der Erlass'], { groups: [], forward: [] });
    expect(source.analyzeQuery('Was sind laut Land die Handlungsfelder?').tokens).toEqual(['handlungsfeld']);
    expect(source.analyzeQuery('Welche Handlungsfelder nennt laut dem Erlass das Land?').tokens).toEqual(['handlungsfeld', 'land']);
  });

  it('should read "Schick mir …" as the request, and "schicken" elsewhere as a word', () => {
    const sending = new Analyzer(['Aufgaben der LaKI', 'Wohin schicke ich Post?'], { groups: [], forward: [] });
    expect(sending.analyzeQuery('Schick mir mal die Aufgaben der LaKI').tokens).toEqual(['aufgab', 'laki']);
    expect(sending.analyzeQuery('Wohin schicke ich die Post?').tokens).toContain('schick');
  });

  it('should read "einen Schwerpunkt auf … legen" as a frame around its topic', () => {
    const focusFrame = new Analyzer(['Schwerpunkte der Arbeit', 'Eltern einbinden'], { groups: [], forward: [] });
    expect(focusFrame.analyzeQuery('Legt das KI einen Schwerpunkt auf die Eltern?').tokens).toEqual(['elt']);
    expect(focusFrame.analyzeQuery('Welche Schwerpunkte hat die Arbeit?').tokens).toEqual(['schwerpunkt', 'arbeit']);
  });

  it('should read "eine Übersicht über …" as a frame, and "Überblick" elsewhere as a word', () => {
    const frames = new Analyzer(['Überblick und Transparenz', 'Angebote für Schulen'], { groups: [], forward: [] });
    expect(frames.analyzeQuery('eine Übersicht über die Angebote für Schulen').tokens).toEqual(['angebot', 'schul']);
    expect(frames.analyzeQuery('mehr Überblick').tokens).toEqual(['uberblick']);
  });

  it('should map synonyms to the first member of their group', () => {
    expect(analyzer.analyzeQuery('Kindergarten').tokens).toEqual(['kita']);
    expect(analyzer.analyzeQuery('Wen kann ich bei der Koordinierungsstelle anrufen?').tokens).toEqual([
      'laki',
      'telefon',
    ]);
  });

  it('should split compounds into known parts', () => {
    const analysis = analyzer.analyzeQuery('rucksackkita');
    expect(analysis.readings[0]).toMatchObject({ kind: 'known' });
    expect(analysis.tokens).toEqual(expect.arrayContaining(['rucksack', 'kita']));
    expect(analyzer.analyzeQuery('Konzept Integration').tokens).toEqual(
      expect.arrayContaining(analyzer.analyzeIndexed('Integrationskonzept').tokens.slice(1)),
    );
  });

  it('should correct typos to the nearest known word', () => {
    const analysis = analyzer.analyzeQuery('schulentwiklung interkulturel');
    expect(analysis.readings.map((r) => r.kind)).toEqual(['corrected', 'corrected']);
    expect(analysis.readings).toEqual([
      { kind: 'corrected', word: 'schulentwikl', correction: 'schulentwickl' },
      { kind: 'corrected', word: 'interkulturel', correction: 'interkulturell' },
    ]);
    expect(analysis.tokens).toEqual(expect.arrayContaining(['schulentwickl', 'interkulturell']));
  });

  it('should not "correct" a real word into a known one several letters away', () => {
    const withGuideline = new Analyzer([...texts, 'Leitlinien für die Arbeit'], synonyms);
    expect(withGuideline.analyzeQuery('Wer ist die Leiterin?').readings).toEqual([
      { kind: 'unknown', word: 'leiterin', casing: 'noun', numeric: false },
    ]);
    expect(withGuideline.analyzeQuery('Leitlinen').readings[0]).toMatchObject({ kind: 'corrected', correction: 'leitlini' });
  });

  it.each([
    ['Wer hat die Leitung?', 'Leistungen der Kommune'],
    ['Welche Haltung hat das Land?', 'Die Haftung des Landes'],
  ])('should read %j as a real German word, never as a typo of %j', (question, knowledgeText) => {
    const analyzerWithNeighbour = new Analyzer([...texts, knowledgeText], synonyms);
    const readings = analyzerWithNeighbour.analyzeQuery(question).readings;
    expect(readings.filter((reading) => reading.kind === 'corrected')).toEqual([]);
    expect(readings).toContainEqual(expect.objectContaining({ kind: 'unknown', dictionary: true }));
  });

  it('should not read a German word as another with two letters swapped ("betreiben" is no "Betriebe")', () => {
    const analyzerWithNeighbour = new Analyzer([...texts, 'Betriebe und Firmen'], synonyms);
    expect(analyzerWithNeighbour.analyzeQuery('Darf ein Kreis ein Zentrum betreiben?').readings).toContainEqual(
      expect.objectContaining({ kind: 'unknown', word: 'betreib' }),
    );
    // A swap that makes no German word stays a typo of the knowledge base's word.
    expect(analyzerWithNeighbour.analyzeQuery('Betirebe').readings[0]).toMatchObject({ kind: 'known', as: 'betrieb' });
  });

  it('should still correct a misspelling that is no German word', () => {
    const analyzerWithNeighbour = new Analyzer([...texts, 'Leistungen der Kommune'], synonyms);
    expect(analyzerWithNeighbour.analyzeQuery('Leistungn').readings[0]).toMatchObject({ kind: 'corrected', correction: 'leistung' });
  });

  it('should report words the knowledge base does not know, with how they were written', () => {
    const analysis = analyzer.analyzeQuery('Gibt es in Düsseldorf 3 Parkplätze?');
    expect(analysis.readings).toEqual([
      { kind: 'unknown', word: 'dusseldorf', casing: 'noun', numeric: false },
      { kind: 'unknown', word: '3', casing: 'lower', numeric: true },
      { kind: 'unknown', word: 'parkplatz', casing: 'noun', numeric: false },
    ]);
  });

  it.each([
    ['Uebergang Schule', 'Übergang Schule'],
    ['Schulentwicklung einzurichten', 'Schulentwicklung einrichten'],
    ['Koordinierungsstlele', 'Koordinierungsstelle'],
    ['weiterzuentwickeln', 'entwickeln'],
    ['Weiterentwicklung', 'Entwicklung'],
  ])('should read the variant spelling %s like %s', (variant, standard) => {
    const tokens = analyzer.analyzeQuery(standard).tokens;
    expect(tokens.length).toBeGreaterThan(0);
    expect(analyzer.analyzeQuery(variant).tokens).toEqual(tokens);
  });

  it('should read participles and separated particles of "fort-" verbs ("fortgebildet", "bildet … fort")', () => {
    const fort = new Analyzer(['Lehrkräfte fortbilden'], { groups: [], forward: [] });
    const tokens = fort.analyzeQuery('Lehrkräfte fortbilden').tokens;
    expect(tokens).toHaveLength(2);
    expect(fort.analyzeQuery('Wer wird fortgebildet, Lehrkräfte?').tokens).toEqual(expect.arrayContaining(tokens));
    expect(fort.analyzeQuery('Wen bildet das KI fort, Lehrkräfte?').tokens).toEqual(expect.arrayContaining(tokens));
  });

  it('should read a separable particle before "oder/und" with its own clause only', () => {
    // "Richtet man das Zentrum ein oder …": "einrichten", and the verb after "oder" stays itself.
    const tokens = analyzer.analyzeQuery('Richtet man das Zentrum ein oder entwickeln wir Schulen?').tokens;
    expect(tokens).toEqual(expect.arrayContaining(analyzer.analyzeQuery('Zentrum einrichten').tokens));
    expect(tokens).toEqual(expect.arrayContaining(analyzer.analyzeQuery('entwickeln Schulen').tokens));
  });

  it('should set aside what follows "außer", and "neben" in a question for something further', () => {
    expect(analyzer.analyzeQuery('Gibt es außer Rucksack-Kita noch etwas?').tokens).not.toContain('rucksack');
    expect(analyzer.analyzeQuery('Gibt es neben der Schulentwicklung noch etwas?').tokens).toEqual([]);
    // Without something further asked for, "neben" is a place.
    expect(analyzer.analyzeQuery('Was liegt neben der Schulentwicklung?').tokens.length).toBeGreaterThan(0);
  });

  it('should find forward terms alone, in phrases and as the head of a compound', () => {
    expect(analyzer.analyzeQuery('Welche Frist gilt?').forwardTerms).toEqual(['frist']);
    expect(analyzer.analyzeQuery('Bis wann läuft die Antragsfrist?').forwardTerms).toEqual(['frist']);
    expect(analyzer.analyzeQuery('Wie viele Kitas machen mit?').forwardTerms).toEqual(['wie viel']);
    expect(analyzer.analyzeQuery('Was ist Rucksack-Kita?').forwardTerms).toEqual([]);
  });

  it('should not read a noun made from a particle verb as a compound of a forward term', () => {
    const leading = new Analyzer(['Die Arbeit der Zentren'], { groups: [], forward: ['Leitung', 'Frist'] });
    expect(leading.analyzeQuery('Wer hat die Leitung?').forwardTerms).toEqual(['leitung']);
    expect(leading.analyzeQuery('Wer hat die Fachbereichsleitung?').forwardTerms).toEqual(['leitung']);
    // "Einleitung" comes from "einleiten", "Anleitung" from "anleiten".
    expect(leading.analyzeQuery('Was steht in der Einleitung?').forwardTerms).toEqual([]);
    expect(leading.analyzeQuery('Gibt es eine Anleitung?').forwardTerms).toEqual([]);
    // "nach" is left out: a "Nachfrist" is a deadline.
    expect(leading.analyzeQuery('Gibt es eine Nachfrist?').forwardTerms).toEqual(['frist']);
  });

  it('should not read a chat word that shares its stem with a forward term as that term ("dat" is no "date")', () => {
    const dates = new Analyzer(['Die Arbeit der Zentren'], { groups: [], forward: ['date', 'wann'] });
    expect(dates.analyzeQuery('Was genau is dat?').forwardTerms).toEqual([]);
    expect(dates.analyzeQuery('What is the date of the meeting?').forwardTerms).toEqual(['dat']);
    expect(dates.analyzeQuery('Wann ist das?').forwardTerms).toEqual(['wann']);
  });

  it('should not read an adjective made of a compound as its forward head ("längerfristig" is no deadline)', () => {
    const deadline = new Analyzer(['Die Arbeit der Zentren'], { groups: [], forward: ['Frist'] });
    expect(deadline.analyzeQuery('Gibt es eine Antragsfrist?').forwardTerms).toEqual(['frist']);
    expect(deadline.analyzeQuery('Gibt es längerfristige Angebote?').forwardTerms).toEqual([]);
    expect(deadline.analyzeQuery('Geht das auch kurzfristig?').forwardTerms).toEqual([]);
  });
});
