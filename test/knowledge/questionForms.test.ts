import {
  abbreviationAsked,
  abbreviationsSpelledOut,
  addressesYou,
  askedForwardTerms,
  AUTHORSHIP_TERM,
  CENTRES_OF_REGION_TERM,
  COUNTERPART_TERM,
  EMPLOYER_TERM,
  FEE_TERM,
  PLACEMENT_TERM,
  STILL_TERM,
  WHICH_OF_THEM_TERM,
  asksWithinNamedBody,
  belongsToDuties,
  mainVerb,
  rolePredicate,
  saysThere,
  verifiesClaim,
  weighsAlternatives,
} from '../../src/knowledge/questionForms';

describe('questionForms', () => {
  it('should read "gehört das zu euren Aufgaben?" as asking whether something is the duty', () => {
    expect(belongsToDuties('Gehört das zu euren Aufgaben?')).toBe(true);
    expect(belongsToDuties('also gehört sowas zu den Aufgaben vom Integrationszentrum?')).toBe(true);
    expect(belongsToDuties('Gehört es zu den Aufgaben des KI, Häuser wie unseres zu unterstützen?')).toBe(true);
    // What belongs to something else, or heard of: no duty asked.
    expect(belongsToDuties('Gehört das KI zum Verbund?')).toBe(false);
    expect(belongsToDuties('Ich habe von den Aufgaben der LaKI gehört. Welche sind das?')).toBe(false);
  });

  it('should find who within a named institution is responsible, not within a municipality', () => {
    expect(asksWithinNamedBody('Wer ist im Ministerium für Arbeit, Integration und Soziales konkret für die KIs zuständig?')).toBe(true);
    expect(asksWithinNamedBody('Wer ist bei der LaKI dafür verantwortlich?')).toBe(true);
    // The body is what the preposition names before "für".
    expect(asksWithinNamedBody('Wer ist im Kreis für die Einrichtung eines KI verantwortlich?')).toBe(false);
    expect(asksWithinNamedBody('Wer ist für die Evaluation zuständig?')).toBe(false);
    // "von euch", "bei Ihnen": among the people the bot answers for.
    expect(asksWithinNamedBody('Hallo zusammen, wer von euch ist für Kitas zuständig?')).toBe(true);
    expect(asksWithinNamedBody('Wer bei Ihnen kümmert sich um die Schulen?')).toBe(true);
    expect(asksWithinNamedBody('Which of you is responsible for schools?')).toBe(true);
    // "da"/"dort" and nothing else: within the body said before.
    expect(asksWithinNamedBody('wer ist da zuständig?')).toBe(true);
    expect(asksWithinNamedBody('und wer ist dort eigentlich verantwortlich?')).toBe(true);
    expect(asksWithinNamedBody('Wer ist dort für Schulen zuständig?')).toBe(false);
    expect(asksWithinNamedBody('Wer ist da für die Evaluation verantwortlich?')).toBe(false);
  });

  it('should read the abbreviation a part asks the meaning of, as written, and those a text spells out', () => {
    expect(abbreviationAsked('Wofür steht NRW?')).toBe('NRW');
    expect(abbreviationAsked('Was bedeutet die Abkürzung MSW?')).toBe('MSW');
    expect(abbreviationAsked('What does KI stand for?')).toBe('KI');
    expect(abbreviationAsked('Was bedeutet das für NRW?')).toBeUndefined();
    expect(abbreviationsSpelledOut('Die Landesweite Koordinierungsstelle (LaKI) und das Ministerium (MSW) (siehe oben)')).toEqual(['LaKI', 'MSW']);
  });

  it('should read a role as the predicate of "sein", "dort", alternatives and "euch"', () => {
    expect(rolePredicate('Wäre das KI dafür der richtige Partner?')).toBe('Partner');
    expect(rolePredicate('Wer ist der richtige Partner?')).toBe('Partner');
    expect(rolePredicate('Wen berät das KI?')).toBeUndefined();
    expect(saysThere('Wo ist dort das KI?')).toBe(true);
    expect(saysThere('Wie komme ich dorthin?')).toBe(false);
    expect(weighsAlternatives('Gibt das Land das vor oder entscheiden wir das?')).toBe(true);
    expect(addressesYou('Wer bezahlt euch?')).toBe(true);
  });

  it('should set aside taking part when the centre takes part, and the job of the transition', () => {
    expect(askedForwardTerms('Ist das ein Thema, bei dem das Integrationszentrum mitmachen kann?', ['mitmach'])).toEqual([]);
    expect(askedForwardTerms('Können wir da mitmachen?', ['mitmach'])).toEqual(['mitmach']);
    expect(askedForwardTerms('Was tut das KI beim Übergang von der Schule in den Job?', ['job'])).toEqual([]);
    expect(askedForwardTerms('Gibt es Jobs bei der LaKI?', ['job'])).toEqual(['job']);
  });

  it('should read English "who pays" as who funds, and "when" after another question word as joining a clause', () => {
    expect(askedForwardTerms('Which ministries pay for the LaKI?', ['pay'])).toEqual([]);
    expect(askedForwardTerms('Who actually pays for the centres?', ['pay'])).toEqual([]);
    expect(askedForwardTerms('Do teachers have to pay for the trainings?', ['pay'])).toEqual(['pay']);
    expect(askedForwardTerms('What do the centres focus on when young people move from school into work?', ['when'])).toEqual([]);
    expect(askedForwardTerms('When is the next meeting of all centres?', ['when'])).toEqual(['when']);
    expect(askedForwardTerms('Do you know when the next meeting is?', ['when'])).toEqual(['when']);
    expect(askedForwardTerms('What happens and when does it start?', ['when'])).toEqual(['when']);
  });

  it('should add a term for a question about which centres a region has, not for all centres of the Land', () => {
    expect(askedForwardTerms('Welche KIs gibt es im Regierungsbezirk Arnsberg?', [])).toEqual([CENTRES_OF_REGION_TERM]);
    expect(askedForwardTerms('Bitte liste mir alle Kommunalen Integrationszentren im Kreis Lippe auf', [])).toEqual([CENTRES_OF_REGION_TERM]);
    expect(askedForwardTerms('Sorgt die LaKI dafür, dass alle Integrationszentren im Land ähnlich gut arbeiten?', [])).toEqual([]);
  });

  it('should add that term for a question about which municipalities have a centre, not for who may set one up', () => {
    expect(askedForwardTerms('Welche Kreise in NRW haben noch kein KI?', [])).toEqual([CENTRES_OF_REGION_TERM]);
    expect(askedForwardTerms('Wie viele Städte haben schon ein Integrationszentrum?', [])).toEqual([CENTRES_OF_REGION_TERM]);
    expect(askedForwardTerms('Welche Kommunen können ein KI bekommen?', [])).toEqual([]);
  });

  it('should add a term for whether a thing is still there or still so, not for what else there is', () => {
    expect(askedForwardTerms('gibts die LaKI überhaupt noch?', [])).toStrictEqual([STILL_TERM]);
    expect(askedForwardTerms('Stimmt die Faxnummer noch?', [])).toStrictEqual([STILL_TERM]);
    expect(askedForwardTerms('Sind die Infos zu Rucksack-Kita noch auf dem neuesten Stand?', [])).toStrictEqual([STILL_TERM]);
    expect(askedForwardTerms('Is this flyer still up to date?', [])).toStrictEqual([STILL_TERM]);
    // With a question word or "sonst", "noch" means "else".
    expect(askedForwardTerms('Was machen die KIs noch?', [])).toEqual([]);
    expect(askedForwardTerms('Gibt es sonst noch Programme für Kitas?', [])).toEqual([]);
    expect(askedForwardTerms('Welche Aufgaben hat die LaKI noch?', [])).toEqual([]);
  });

  it('should add the still-so term for "noch" before an alternative and for a thing replaced, renamed or moved since', () => {
    expect(askedForwardTerms('Gilt der gemeinsame Erlass von MSW und MAIS noch oder wurde der inzwischen ersetzt?', [])).toStrictEqual([STILL_TERM]);
    expect(askedForwardTerms('Heißt das MSW inzwischen anders, wurde es umbenannt?', [])).toStrictEqual([STILL_TERM]);
    expect(askedForwardTerms('Ist die LaKI umgezogen?', [])).toStrictEqual([STILL_TERM]);
    // "noch" meaning "else" before an alternative is no such question; nor is what the centres do besides.
    expect(askedForwardTerms('Was machen die KIs noch, oder nur Schule?', [])).toEqual([]);
    expect(askedForwardTerms('Ergänzen die KIs die kommunalen Angebote oder ersetzen sie sie?', [])).toEqual([]);
  });

  it('should add a term for who made, signed or runs a thing, not for what a body does now', () => {
    expect(askedForwardTerms('Wer hat den Erlass unterschrieben?', [])).toStrictEqual([AUTHORSHIP_TERM]);
    expect(askedForwardTerms('Wer hat den gemeinsamen Erlass von MSW und MAIS zu den KIs unterzeichnet und von wann ist der?', [])).toStrictEqual([AUTHORSHIP_TERM]);
    expect(askedForwardTerms('Von wem wurde Rucksack-Kita entwickelt?', [])).toStrictEqual([AUTHORSHIP_TERM]);
    expect(askedForwardTerms('Wer betreibt eigentlich die Website kommunale-integrationszentren-nrw.de?', [])).toStrictEqual([AUTHORSHIP_TERM]);
    // In the present, who develops or creates a thing is a task the flyer names.
    expect(askedForwardTerms('Wer entwickelt Lehr- und Lernmaterialien für Schulen?', [])).toEqual([]);
    expect(askedForwardTerms('Wer erstellt geeignete Lehrmaterialien für den Unterricht?', [])).toEqual([]);
    expect(askedForwardTerms('Wozu wurde Griffbereit entwickelt?', [])).toEqual([]);
  });

  it('should add a term for whether someone has to pay, not for who funds a body', () => {
    expect(askedForwardTerms('Und falls ja: muss die Schule dafür was zahlen?', [])).toStrictEqual([FEE_TERM]);
    expect(askedForwardTerms('Müssen Eltern für Griffbereit etwas bezahlen?', [])).toStrictEqual([FEE_TERM]);
    expect(askedForwardTerms('Wer zahlt die LaKI?', [])).toEqual([]);
    expect(askedForwardTerms('Fördert das Land die Elternarbeit oder zahlen das die Kommunen?', [])).toEqual([]);
  });

  it('should add a term for who employs people, not for who ensures or draws up a thing', () => {
    expect(askedForwardTerms('Wer stellt die ein?', [])).toStrictEqual([EMPLOYER_TERM]);
    expect(askedForwardTerms('Wer stellt die Mitarbeitenden der LaKI ein?', [])).toStrictEqual([EMPLOYER_TERM]);
    expect(askedForwardTerms('Bei wem sind die Leute im KI angestellt?', [])).toStrictEqual([EMPLOYER_TERM]);
    expect(askedForwardTerms('Wer stellt den Austausch der KIs sicher?', [])).toEqual([]);
    expect(askedForwardTerms('Wer stellt ein Integrationskonzept auf?', [])).toEqual([]);
  });

  it('should add a term for a counterpart of what the flyer describes, not for a comparison it makes', () => {
    expect(askedForwardTerms('Gibt es da eine vergleichbare Stelle wie die LaKI?', [])).toStrictEqual([COUNTERPART_TERM]);
    expect(askedForwardTerms('Gibt es in Niedersachsen etwas Vergleichbares wie die KIs?', [])).toStrictEqual([COUNTERPART_TERM]);
    expect(askedForwardTerms('Is there an equivalent of the LaKI in Bavaria?', [])).toStrictEqual([COUNTERPART_TERM]);
    expect(askedForwardTerms('Sollen alle KIs einen vergleichbaren Standard erreichen?', [])).toEqual([]);
  });

  it('should read a part asking whether a claim holds', () => {
    expect(verifiesClaim('Ist das richtig?')).toBe(true);
    expect(verifiesClaim('Stimmt das so?')).toBe(true);
    expect(verifiesClaim('Ist da was dran?')).toBe(true);
    expect(verifiesClaim('Trifft das so zu?')).toBe(true);
    expect(verifiesClaim('Is that true?')).toBe(true);
    expect(verifiesClaim('Ist das ein Thema für das KI?')).toBe(false);
    expect(verifiesClaim('Wer macht das?')).toBe(false);
  });

  it('should add a term for placing people in jobs, training places or flats, not for passing on good practice', () => {
    expect(askedForwardTerms('Vermittelt ihr Ausbildungsplätze an Jugendliche mit Migrationshintergrund?', [])).toStrictEqual([PLACEMENT_TERM]);
    expect(askedForwardTerms('Vermitteln die KIs Geflüchtete in Arbeit?', [])).toStrictEqual([PLACEMENT_TERM]);
    expect(askedForwardTerms('Könnt ihr uns Wohnungen vermitteln?', [])).toStrictEqual([PLACEMENT_TERM]);
    expect(askedForwardTerms('Vermitteln die KIs gute Praxis weiter?', [])).toEqual([]);
    expect(askedForwardTerms('Vermitteln die KIs gute Praktiken an Schulen?', [])).toEqual([]);
    expect(askedForwardTerms('Vermittelt die Koordinierungsstelle zwischen den Zentren?', [])).toEqual([]);
  });

  it('should add a term for which of the people named does a task, not for which of the things named', () => {
    expect(askedForwardTerms('und wer davon ist für die Kitas zuständig?', [])).toStrictEqual([WHICH_OF_THEM_TERM]);
    expect(askedForwardTerms('Wer von euch kümmert sich um Übergang Schule Beruf?', [])).toStrictEqual([WHICH_OF_THEM_TERM]);
    expect(askedForwardTerms('und welche davon ist wichtiger?', [])).toEqual([]);
  });

  it('should find the main verb of a German question: the one closing it, or the finite one after a question word', () => {
    expect(mainVerb('Darf eine Schule ein neu zugewandertes Kind ablehnen?')).toBe('ablehnen');
    expect(mainVerb('Muss er dann die Klasse wiederholen?')).toBe('wiederholen');
    expect(mainVerb('ob wir als Kita ein eigenes Programm durchführen dürfen.')).toBe('durchführen');
    // A reason or a condition after the question is no part of its verb.
    expect(mainVerb('Darf eine Schule ein Kind ablehnen, weil die Klassen voll sind?')).toBe('ablehnen');
    expect(mainVerb('Wo muss er denn hin, wenn er vor Ort erscheinen will?')).toBeUndefined();
    // A particle or a noun closes it: the finite verb after the question word.
    expect(mainVerb('Wie meldet man so ein Kind von der Schule ab?')).toBe('meldet');
    expect(mainVerb('Was verdient man als Mitarbeiterin in einem KI?')).toBe('verdient');
    expect(mainVerb('Was ist Rucksack-Kita?')).toBeUndefined();
    // A statement or request, or an English question: none.
    expect(mainVerb('Ich suche jemanden, der passende Ansätze kennt.')).toBeUndefined();
    expect(mainVerb('Who do the integration centres network with locally?')).toBeUndefined();
  });
});
