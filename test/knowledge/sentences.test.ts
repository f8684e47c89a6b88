import { actorReferredTo, leansBack, pointsBack, pointsWithinItself } from '../../src/knowledge/pointers';
import { splitSentences } from '../../src/knowledge/sentenceSplit';
import { findFocus } from '../../src/knowledge/sentences';
import { isStopword } from '../../src/knowledge/text';

describe('splitSentences', () => {
  it.each([
    ['Hallo. Wie ist die Nummer?', ['Hallo.', 'Wie ist die Nummer?']],
    ['Das steht z. B. im Erlass. Und sonst?', ['Das steht z. B. im Erlass.', 'Und sonst?']],
    ['Für den Bericht brauche ich nur eins: Was macht die LaKI?', ['Für den Bericht brauche ich nur eins:', 'Was macht die LaKI?']],
    ['Mein Chef fragt nach der Frist – dafür brauche ich die Telefonnummer der LaKI.', ['Mein Chef fragt nach der Frist', 'dafür brauche ich die Telefonnummer der LaKI.']],
    ['Übergang Schule – Beruf?', ['Übergang Schule – Beruf?']],
    ['Zeile eins\nZeile zwei', ['Zeile eins', 'Zeile zwei']],
    ['Frage i.R.d. Konzepts: wer berät die Kommunen z.K. u.a. bei der Einrichtung?', ['Frage i.R.d. Konzepts:', 'wer berät die Kommunen z.K. u.a. bei der Einrichtung?']],
    ['hi, 1) was machen die KIs für Schulen 2) und was beim Übergang?', ['hi,', 'was machen die KIs für Schulen', 'und was beim Übergang?']],
    ['Die Adresse (Ruhrallee 9) habe ich. a) Wer ist das?', ['Die Adresse (Ruhrallee 9) habe ich.', 'Wer ist das?']],
    ['1. Was sind die Kernaufgaben?\n2. Mit wem arbeitet sie zusammen?', ['Was sind die Kernaufgaben?', 'Mit wem arbeitet sie zusammen?']],
    // Numbered in parentheses, as office mails do, on lines of their own or in one line.
    ['(1) Was sind die Kernaufgaben?\n(2) Mit wem arbeitet sie zusammen?', ['Was sind die Kernaufgaben?', 'Mit wem arbeitet sie zusammen?']],
    ['zwei Fragen: (1) wo sitzt die LaKI (2) wer fördert sie', ['zwei Fragen:', 'wo sitzt die LaKI', 'wer fördert sie']],
    ['Ich trau mich nicht mehr zu fragen :) Wofür steht das?', ['Ich trau mich nicht mehr zu fragen', 'Wofür steht das?']],
    ['danke ;-) und die Faxnummer?', ['danke', 'und die Faxnummer?']],
    ['Wir haben schon Sprachkurse, Schulsozialarbeit … Was bringt uns das KI?', ['Wir haben schon Sprachkurse, Schulsozialarbeit …', 'Was bringt uns das KI?']],
    [
      'hi kurze frage vom jobcenter hamm wir haben viele junge leute die nach der schule hängen bleiben kann das KI da was machen',
      ['hi kurze frage vom jobcenter hamm', 'wir haben viele junge leute die nach der schule hängen bleiben', 'kann das KI da was machen'],
    ],
    ['kurze frage wie können wir ein KI gründen und wer berät uns', ['kurze frage', 'wie können wir ein KI gründen und wer berät uns']],
    // The next number of a list the sentence opened with starts an item; a date's does not.
    ['1. wer sind die Ansprechpartner 2. wie lautet die Webseite', ['wer sind die Ansprechpartner', 'wie lautet die Webseite']],
    ['1. wer kommt am 2. April zur Tagung', ['wer kommt am 2. April zur Tagung']],
    // Without punctuation: who writes, told after the question, and the closing thanks and greeting.
    [
      'was machen die KIs im bereich frühe bildung wir sind eine kita in hamm danke und viele grüße aus hamm',
      ['was machen die KIs im bereich frühe bildung', 'wir sind eine kita in hamm', 'danke und viele grüße aus hamm'],
    ],
    ['wie können wir ein KI gründen weil wir haben keins', ['wie können wir ein KI gründen weil wir haben keins']],

    ['Termin um 10:30 Uhr:Papiere mitbringen?', ['Termin um 10:30 Uhr:Papiere mitbringen?']],
    ['Streit, Missverständnisse usw. Gibt es Fortbildungen?', ['Streit, Missverständnisse usw.', 'Gibt es Fortbildungen?']],
    // A capital noun after "usw." may go on with the sentence.
    ['Kitas, Schulen usw. Angebote machen wir viele.', ['Kitas, Schulen usw. Angebote machen wir viele.']],
    // An emoji before a space ends its sentence, with its skin tone or joined parts; one before a mark does not.
    ['Unser Amt will das per Fax schicken 🙄 habt ihr ne Faxnummer?', ['Unser Amt will das per Fax schicken 🙄', 'habt ihr ne Faxnummer?']],
    ['neu im KI 👋🏽 wer organisiert den Austausch', ['neu im KI 👋🏽', 'wer organisiert den Austausch']],
    ['bin neu 🤷‍♀️ wer berät mich?', ['bin neu 🤷‍♀️', 'wer berät mich?']],
    ['Was ist die LaKI 🙄?', ['Was ist die LaKI 🙄?']],
    // …nor one before a word that goes on with the sentence, nor a symbol that is only text.
    ['Können Städte ein KI einrichten 🤔 oder nur Kreise?', ['Können Städte ein KI einrichten 🤔 oder nur Kreise?']],
    ['Zuständigkeit LaKI ↔ Bezirksregierung: wer macht was?', ['Zuständigkeit LaKI ↔ Bezirksregierung:', 'wer macht was?']],
    // An emoji below the surrogate range ends a sentence too.
    ['Wir brauchen dringend die Faxnummer‼️ Wo finde ich die?', ['Wir brauchen dringend die Faxnummer‼️', 'Wo finde ich die?']],
    // Without punctuation, a question starts where it would after a full stop: a question word with
    // its verb next, a verb before its subject, a verb after the writer's introduction, after a greeting.
    [
      'hallo zusammen ich bin lehrerin an einer gesamtschule in hagen welche handlungsfelder haben die KIs',
      ['hallo zusammen ich bin lehrerin an einer gesamtschule in hagen', 'welche handlungsfelder haben die KIs'],
    ],
    [
      'hallo ich bin im seniorenbeirat in krefeld kümmern sich die kis auch um ältere migranten',
      ['hallo ich bin im seniorenbeirat in krefeld', 'kümmern sich die kis auch um ältere migranten'],
    ],
    [
      'liebe laki ich arbeite im gesundheitsamt köln ist gesundheit auch ein thema für die kis',
      ['liebe laki ich arbeite im gesundheitsamt köln', 'ist gesundheit auch ein thema für die kis'],
    ],
    ['hallo wer fördert die laki und bei welcher behörde ist sie angesiedelt', ['hallo', 'wer fördert die laki und bei welcher behörde ist sie angesiedelt']],
    ['hallo ich bin von der stadt hamm bräuchte infos zum integrationskonzept', ['hallo ich bin von der stadt hamm', 'bräuchte infos zum integrationskonzept']],
    // … not at a question word with its subject next ("wo ich arbeite"), nor at a verb going on with a question word.
    ['ich bin lehrerin in der stadt wo ich arbeite gibt es kein ki', ['ich bin lehrerin in der stadt wo ich arbeite gibt es kein ki']],
    ['wo ist die besuchsadresse der laki und wie sind die öffnungszeiten', ['wo ist die besuchsadresse der laki und wie sind die öffnungszeiten']],
    // Who writes, after the question: "bin" without its "ich", "kurze frage von …".
    ['wo sitzt die laki bin neu im jugendamt', ['wo sitzt die laki', 'bin neu im jugendamt']],
    ['was wollen die kis im elementarbereich erreichen kurze frage von einer kitaleitung', ['was wollen die kis im elementarbereich erreichen', 'kurze frage von einer kitaleitung']],
    // A message without punctuation is still split at its writer's "wir" when an emoji only ends it.
    [
      'hi kurze frage vom jobcenter hamm wir brauchen die faxnummer der laki 🙏',
      ['hi kurze frage vom jobcenter hamm', 'wir brauchen die faxnummer der laki 🙏'],
    ],
  ])('should split %j', (message, expected) => {
    expect(splitSentences(message)).toEqual(expected);
  });
});

describe('findFocus', () => {
  const focus = (message: string) => findFocus(message, isStopword);

  it('should take the question and leave greeting and context as context', () => {
    const result = focus('Guten Tag, ich bin neu in der Kreisverwaltung Unna. Welches Dezernat ist die Koordinierungsstelle? Können Sie helfen?');
    expect(result.parts.map((part) => part.text)).toEqual(['Welches Dezernat ist die Koordinierungsstelle?']);
    expect(result.parts[0]!.context).toEqual(['ich bin neu in der Kreisverwaltung Unna.']);
    expect(result.pieces.map((piece) => piece.role)).toEqual(['context', 'context', 'question', 'courtesy']);
  });

  it('should ask each bare phrase of a list that a sentence introduces', () => {
    const result = focus('Für die Sitzung bitte ich um kurze Info zu:\n1. Aufgaben der Koordinierungsstelle\n- Besuchsadresse');
    expect(result.parts.map((part) => part.text)).toEqual(['Aufgaben der Koordinierungsstelle', 'Besuchsadresse']);
  });

  it('should find a question asked without a comma and leave a following statement as context', () => {
    const result = focus('ich wollte mal fragen wer die Laki fördert, mein Chef will das für eine Vorlage wissen');
    expect(result.parts.map((part) => part.text)).toEqual(['wer die Laki fördert']);
    // The purpose ("für eine Vorlage") is a context piece of its own.
    expect(result.parts[0]!.context).toEqual(['für eine Vorlage', 'mein Chef will das wissen']);
  });

  it('should find an indirect question inside a statement', () => {
    const result = focus('Ich soll für die Dienstbesprechung herausfinden, welches Dezernat die Koordinierungsstelle ist.');
    expect(result.parts.map((part) => part.text)).toEqual(['welches Dezernat die Koordinierungsstelle ist.']);
  });

  it.each([
    ['Was heißt Integration als Querschnittsaufgabe, und welche Bereiche gehören dazu?', ['Was heißt Integration als Querschnittsaufgabe', 'welche Bereiche gehören dazu?']],
    ['Wer fördert die LaKI und wo sitzt sie?', ['Wer fördert die LaKI', 'wo sitzt sie?']],
    ['Wie ist die Nummer der LaKI? Und wie die Faxnummer?', ['Wie ist die Nummer der LaKI?', 'Und wie die Faxnummer?']],
  ])('should split %j into its questions', (message, parts) => {
    expect(focus(message).parts.map((part) => part.text)).toEqual(parts);
  });

  it('should give a later part the part before it as context', () => {
    const [, second] = focus('Wer fördert die LaKI und wo sitzt sie?').parts;
    expect(second!.context).toContain('Wer fördert die LaKI');
    expect(second!.antecedent).toBe('Wer fördert die LaKI');
  });

  it.each([
    ['Ich brauche die Telefonnummer der LaKI.', 'request'],
    ['Suche die Anschrift der Koordinierungsstelle', 'request'],
    ['Hätte gern die Faxnummer', 'request'],
    ['I need the postal address of the LaKI.', 'request'],
  ])('should read %j as a %s', (message, role) => {
    const result = focus(message);
    expect(result.pieces[0]!.role).toBe(role);
    expect(result.parts).toHaveLength(1);
  });

  it.each([
    ['Hallo, ich bin neu. Mich interessiert, was die LaKI bei der Erstellung eines Integrationskonzepts macht.', 'was die LaKI bei der Erstellung eines Integrationskonzepts macht.'],
    ['Guten Tag. Ich wüsste gern, wo die LaKI sitzt.', 'wo die LaKI sitzt.'],
  ])('should not make a request whose object follows a part of its own: %j', (message, part) => {
    expect(focus(message).parts.map((p) => p.text)).toEqual([part]);
  });

  it.each([
    ['Wir planen einen Fachtag. Wäre nett, wenn Sie mir die Telefonnummer der LaKI geben könnten. Und wer fördert die LaKI?'],
    ['Wir sind neu. Ich bitte um die Besuchsadresse der LaKI. Und wer fördert die LaKI?'],
  ])('should read a polite request as an asked part beside a question: %j', (message) => {
    const roles = focus(message).pieces.map((piece) => piece.role);
    expect(roles.slice(-2)).toEqual(['request', 'question']);
  });

  it('should take the last sentence with topic words when nothing is asked', () => {
    expect(focus('Ich bin neu hier. Telefonnummer LaKI').parts.map((part) => part.text)).toEqual(['Telefonnummer LaKI']);
  });

  it.each([
    ['moin, mailadresse der laki? und wer ist da die leitung?', ['mailadresse der laki?', 'und wer ist da die leitung?']],
    ['Hallo zusammen, Faxnummer der Koordinierungsstelle?', ['Faxnummer der Koordinierungsstelle?']],
    // A statement after the greeting stays context, though it ends with "?": the question follows.
    ['Hallo, ich habe von einem Programm gehört, irgendwas mit Rucksack?? Welche Programme gibt es für Kitas?', ['Welche Programme gibt es für Kitas?']],
  ])('should read a bare phrase asked with "?" after a greeting as a question: %j', (message, parts) => {
    expect(focus(message).parts.map((part) => part.text)).toEqual(parts);
  });

  it('should read a plea for an answer in simple words as courtesy, not as a question of its own', () => {
    const result = focus('Kann mir mal jemand in einfachen Worten sagen, was eine Querschnittsaufgabe ist?');
    expect(result.parts.map((part) => part.text)).toEqual(['was eine Querschnittsaufgabe ist?']);
  });

  it('should read a message of courtesy only as one part', () => {
    expect(focus('Hallo, können Sie helfen?').parts.map((part) => part.text)).toEqual(['Hallo, können Sie helfen?']);
  });

  it('should read a plea for help pointing back, with nothing else asked, as asking about the sentence it points into', () => {
    const [part] = focus('Moin, ich bin Lehrerin in Bochum. Wir haben 14 neu zugewanderte Kinder, für die es kaum passende Arbeitsblätter gibt. Könnt ihr uns da weiterhelfen?').parts;
    expect(part!.text).toBe('Könnt ihr uns da weiterhelfen?');
    expect(part!.leansOn).toBe('Wir haben 14 neu zugewanderte Kinder, für die es kaum passende Arbeitsblätter gibt.');
    // Beside an asked piece it stays courtesy; without a pointer it asks nothing of its own.
    expect(focus('Wie lautet die Telefonnummer der LaKI? Könnt ihr mir da helfen?').parts.map((part) => part.text)).toEqual(['Wie lautet die Telefonnummer der LaKI?']);
    expect(focus('Wir haben viele neue Kinder in der Kita. Können Sie helfen?').parts.map((part) => part.text)).toEqual(['Wir haben viele neue Kinder in der Kita.']);
  });
});

describe('findFocus, the writer of a part pointing into another sentence', () => {
  const focus = (message: string) => findFocus(message, isStopword, () => true);

  it('should give a part pointing into a sentence the sentence in which the writer says who they are', () => {
    const [part] = focus('Ich bin Hebamme in Bielefeld. Viele meiner Familien sprechen kaum Deutsch. Gibt es da was von euch?').parts;
    expect(part!.leansOn).toBe('Viele meiner Familien sprechen kaum Deutsch.');
    expect(part!.writer).toBe('Ich bin Hebamme in Bielefeld.');
    // After a greeting, and with "ich leite", "ich arbeite", "hier ist".
    expect(focus('Hallo, ich leite die Musikschule in Herne. Wir möchten mehr Familien erreichen. Macht ihr sowas?').parts[0]!.writer).toBe('ich leite die Musikschule in Herne.');
    expect(focus('Hallo, hier ist das Kulturbüro der Stadt Duisburg. Unser Museum soll sich öffnen. Kann das KI uns dabei unterstützen?').parts[0]!.writer).toBe(
      'hier ist das Kulturbüro der Stadt Duisburg.',
    );
  });

  it('should leave out what the writer goes on to say, and give no writer when the part points into the introduction itself', () => {
    const message = 'Hallo, ich bin Kita-Fachberaterin beim Kreis Paderborn und wir haben viele neue Familien. Die Eltern kommen kaum zu den Elternabenden. Macht ihr sowas?';
    expect(focus(message).parts[0]!.writer).toBe('ich bin Kita-Fachberaterin beim Kreis Paderborn');
    expect(focus('Wir sind ein Museum in Bochum. Ist das auch euer Thema?').parts[0]!.writer).toBeUndefined();
    // Nobody says who they are, or the part points at nothing.
    expect(focus('Unsere Kitas wollen mehr mit Eltern arbeiten. Macht ihr sowas?').parts[0]!.writer).toBeUndefined();
    expect(focus('Wir sind eine Kita in Hamm. Welche Programme gibt es für Eltern?').parts[0]!.writer).toBeUndefined();
  });
});

describe('leansBack', () => {
  it.each([
    ['was heißt das genau?', 'points-back'],
    ['gibt es dafür Beispiele?', 'points-back'],
    ['Was macht sie sonst noch?', 'points-back'],
    ['und die Postleitzahl?', 'continues'],
    ['gilt das auch für Schulen?', 'points-back'],
    ['Wie lautet die Telefonnummer der LaKI?', 'no'],
  ])('should read %j as %s', (text, expected) => {
    expect(leansBack(text, isStopword)).toBe(expected);
  });
});

describe('findFocus, a yes/no question whose subject is an actor after its article', () => {
  it('should read a clause opening with a verb and "die KI" as a question of its own', () => {
    const parts = findFocus('Was ist das Ziel der interkulturellen Schulentwicklung, und entwickeln die KI auch Unterrichtsmaterial?', isStopword).parts;
    expect(parts.map((part) => part.text)).toEqual(['Was ist das Ziel der interkulturellen Schulentwicklung', 'entwickeln die KI auch Unterrichtsmaterial?']);
  });

  it.each([
    // "der" before an actor is a genitive: a list of nouns, not a verb and its subject.
    ['Ich habe Fragen zur Finanzierung, Arbeit der KIs und Elternarbeit, an wen wende ich mich?', ['an wen wende ich mich?']],
    // Reported speech does not ask.
    ['Das sei reine Landessache, meinten die KIs auf der Tagung, ist das richtig?', ['ist das richtig?']],
  ])('should not cut %j at a noun or a verb of saying before the actor', (message, expected) => {
    expect(findFocus(message, isStopword).parts.map((part) => part.text)).toEqual(expected);
  });

  it('should read a question-mark emoji as the "?" of its sentence', () => {
    expect(findFocus('Habt ihr eine Faxnummer ❓ Die alte geht nicht', isStopword).parts.map((part) => part.text)).toEqual(['Habt ihr eine Faxnummer ❓']);
  });
});

describe('findFocus, one question in two clauses', () => {
  it.each([
    ['Ist vorgeschrieben, wie ein KI organisiert sein muss?'],
    ['Weiß jemand, ob die LaKI Schulen berät?'],
    // An "ob" clause after a short question-word clause is what its verb is about.
    ['Wer entscheidet, ob unsere Kita bei Rucksack-Kita mitmachen darf?'],
    ['Wer prüft eigentlich, ob ein KI gefördert wird?'],
  ])('should keep %j as one part', (message) => {
    expect(findFocus(message, isStopword).parts.map((part) => part.text)).toEqual([message]);
  });
});

describe('pointsBack', () => {
  it.each([
    ['Kann uns die Koordinierungsstelle dabei beraten?', true],
    ['Woran orientieren sich die KIs dabei?', true],
    ['Können die KIs dort etwas machen?', true],
    ['Gilt das auch für Schulen?', true],
    ['Was kostet das?', true],
    ['Was sind deren Hauptaufgaben in Stichworten?', true],
    ['Macht das KI in dem Bereich etwas?', true],
    ['Wer organisiert den?', true],
    ['was heißt in dem Zusammenhang Sozialraumorientierung?', false],
    ['wie lautet die E-Mail-Adresse der LaKI?', false],
    ['Was machen die KIs für Schulen?', false],
    ['Was sind die Hauptaufgaben der LaKI?', false],
    ['Welche Programme bieten die Kommunalen Integrationszentren dafür in Kitas und Grundschulen an?', false],
    ['ob der blick aufs quartier bei den KIs eine rolle spielt', false],
    // "solche" before a noun points at the kind named before.
    ['Kümmert sich das KI auch um solche Leute?', true],
    ['Arbeitet das KI mit solchen Organisationen zusammen?', true],
    // "so etwas" written apart points back as the subject right after the opening verb, not as an object.
    ['Gehört so etwas zum Angebot der Kommunalen Integrationszentren?', true],
    ['Ist so etwas ein Thema für die KIs?', true],
    ['Unterstützt die LaKI auch die Schulaufsicht bei so etwas', false],
  ])('should read %j as pointing back: %s', (text, expected) => {
    expect(pointsBack(text, isStopword)).toBe(expected);
  });
});

describe('pointsWithinItself', () => {
  it.each([
    ['welche ministerien stecken denn hinter der LaKI bzw. fördern die?', true],
    ['Unter welcher Nummer erreiche ich die?', false],
    ['Kann man das über das KI bekommen?', false],
    ['Woran orientieren sich die KIs in diesem Bereich?', false],
    ['ob das KI in dem Bereich überhaupt was macht', false],
    ['Gibt es dazu bei der LaKI etwas, und wer macht das?', false],
    ['welche ministerien stecken hinter der laki bzw. fördern die?', false],
    ['Gibt das Land das vor oder liegt das bei uns?', false],
  ])('should read %j as naming what its pronoun stands for: %s', (text, expected) => {
    expect(pointsWithinItself(text, isStopword)).toBe(expected);
  });
});

describe('findFocus, relative clauses', () => {
  it('should keep "etwas, was …" in one piece: "was" is a relative pronoun there, not a question word', () => {
    const parts = findFocus('Gibt es vom KI irgendwas, was uns beim Übergang in den Beruf hilft?', isStopword).parts.map((part) => part.text);
    expect(parts).toEqual(['Gibt es vom KI irgendwas, was uns beim Übergang in den Beruf hilft?']);
  });

  it('should ask the question of a run-on message that comes before its writer\'s introduction', () => {
    const parts = findFocus('sorgt die laki für austausch zwischen den kis ich bin neu im ki recklinghausen', isStopword).parts.map((part) => part.text);
    expect(parts).toEqual(['sorgt die laki für austausch zwischen den kis']);
  });

  it('should ask both questions of a run-on message after its greeting', () => {
    const parts = findFocus('guten tag wer berät kommunen bei der einrichtung eines ki und gibt es ein gesetz dazu', isStopword).parts.map((part) => part.text);
    expect(parts).toEqual(['wer berät kommunen bei der einrichtung eines ki', 'gibt es ein gesetz dazu']);
  });

  it('should keep a spoken relative "wo" after "irgendwas" in one piece', () => {
    const parts = findFocus('Gibt es von Landesseite irgendwas, wo man als Neue im KI geschult wird?', isStopword).parts.map((part) => part.text);
    expect(parts).toEqual(['Gibt es von Landesseite irgendwas, wo man als Neue im KI geschult wird?']);
  });
});

describe('actorReferredTo', () => {
  it.each([
    ['bei welcher Behörde ist sie angesiedelt?', 'Wer fördert die Landeskoordinierungsstelle', 'LaKI'],
    ['und wer fördert die?', 'Wo sitzt die LaKI', 'LaKI'],
    ['Was bieten sie den Schulen an?', 'Wie viele KIs gibt es in NRW', 'KI'],
    // "die" stands for the number the referent asks about, not for the LaKI.
    ['wo finde ich die?', 'Ich suche die Faxnummer der LaKI', undefined],
    // Only actors do things: "sie" is the Koordinierungsstelle, not its tasks.
    ['Und was tut sie sonst noch?', 'Welche Kernaufgaben hat die Koordinierungsstelle?', 'LaKI'],
    // Only a body has tasks: "ihre" is the LaKI, not the posts.
    ['Was sind denn ihre Kernaufgaben?', 'Stimmt es, dass die LaKI nur zwei Stellen hat', 'LaKI'],
    // A possessive before a thing any noun may have stays open.
    ['Wie hoch sind ihre Kosten?', 'Stimmt es, dass die LaKI nur zwei Stellen hat', undefined],
    // A person named has tasks too: "ihre" may be Frau Rimbach.
    ['Was ist denn ihre Aufgabe genau?', 'Ist Frau Rimbach bei der LaKI für Schulen zuständig', undefined],
    // Two actors named: the pronoun could stand for either.
    ['Und wo sitzt sie?', 'Berät die LaKI die KIs', undefined],
    // "sie" typed for the formal "Sie".
    ['Können sie mir die Aufgaben nennen?', 'Ich habe eine Frage zur LaKI', undefined],
    ['Und wo sitzt sie?', 'Was ist eigentlich die Landesstelle', 'LaKI'],
  ])('should read %j after %j as referring to %s', (text, referent, expected) => {
    expect(actorReferredTo(text, referent, `${referent}? ${text}`, isStopword)).toBe(expected);
  });

  it('should not read a pronoun in a message typed in lower case, where "sie" may be the reader', () => {
    expect(actorReferredTo('wo sitzen sie?', 'wer fördert die laki', 'wer fördert die laki? wo sitzen sie?', isStopword)).toBeUndefined();
    // Lower case hides whether "faxnummer" is a noun the pronoun could stand for.
    expect(actorReferredTo('wo ist sie zu finden?', 'ich suche die faxnummer der laki', 'ich suche die faxnummer der laki wo ist sie zu finden?', isStopword)).toBeUndefined();
  });

  it('should read a lower-case "sie" with a singular verb as the actor the piece before names alone', () => {
    expect(actorReferredTo('wo sitzt sie?', 'wer fördert die laki', 'wer fördert die laki? wo sitzt sie?', isStopword)).toBe('LaKI');
    expect(actorReferredTo('bei welcher behörde ist sie angesiedelt', 'wer fördert die laki', 'hallo wer fördert die laki und bei welcher behörde ist sie angesiedelt', isStopword)).toBe('LaKI');
  });
});

describe('findFocus, a thin question pointing into its context', () => {
  const focus = (message: string) => findFocus(message, isStopword);

  it('should let the question lean on the context sentence it points into', () => {
    const [part] = focus('Wir sitzen an unserem ersten Integrationskonzept. Kann uns die Koordinierungsstelle dabei beraten?').parts;
    expect(part!.leansOn).toBe('Wir sitzen an unserem ersten Integrationskonzept.');
  });

  it('should read a request joined by "und" without its "ich" as the asked piece', () => {
    const [part] = focus('Ich verschicke nächste Woche die Einladung zu unserer Netzwerkkonferenz und bräuchte dafür noch die E-Mail-Adresse der LaKI.').parts;
    expect(part!.text).toBe('bräuchte dafür noch die E-Mail-Adresse der LaKI.');
    expect(part!.context).toEqual(['Ich verschicke nächste Woche die Einladung zu unserer Netzwerkkonferenz']);
  });

  it('should let a thin question after a dash go on with the sentence the dash cut off', () => {
    const [part] = focus('Mein Dezernent möchte der Landesstelle etwas per E-Mail schicken – an welche Adresse am besten?').parts;
    expect(part!.leansOn).toBe('Mein Dezernent möchte der Landesstelle etwas per E-Mail schicken');
  });

  it('should lean on the main clause of the sentence it points into', () => {
    const [part] = focus('Wir haben immer mehr ältere Migrantinnen, die unsere Angebote kaum nutzen. Ist sowas auch Thema beim KI?').parts;
    expect(part!.leansOn).toBe('Wir haben immer mehr ältere Migrantinnen');
  });

  /** What the first part of a message leans on, when the knowledge base knows what `known` matches. */
  const leanOf = (message: string, known: RegExp) => findFocus(message, isStopword, (text) => known.test(text)).parts[0]!.leansOn;

  it('should lean on the clause in which the writer says what they want, when it names a topic', () => {
    const message = 'Bei uns leben Familien aus 40 Ländern und das Kollegium wünscht sich Fortbildungen. Bietet ihr sowas an?';
    expect(leanOf(message, /Fortbildung/u)).toBe('das Kollegium wünscht sich Fortbildungen.');
    // A wish that names nothing the knowledge base knows ("wir überlegen noch") says nothing of the topic.
    const pondering = 'Ältere kommen kaum zu unseren Fortbildungen und wir überlegen noch. Macht ihr sowas?';
    expect(leanOf(pondering, /Fortbildung/u)).toBe('Ältere kommen kaum zu unseren Fortbildungen und wir überlegen noch.');
  });

  it('should lean on the writer\'s introduction when a question asks what is offered to the writer', () => {
    const [part] = focus('Hallo, ich bin Lehrerin an einer Realschule. Was kann das KI uns anbieten?').parts;
    expect(part!.leansOn).toBe('ich bin Lehrerin an einer Realschule.');
    // The separable verb as well.
    expect(focus('Hallo, ich bin Lehrerin an einer Realschule. Was bietet das KI uns an?').parts[0]!.leansOn).toBe('ich bin Lehrerin an einer Realschule.');
  });

  it('should pass over a sentence reporting what the writer has already done', () => {
    const knows = /Senior|Flyer|Integrationsrat/u;
    const tried = 'Ältere kommen kaum in unsere Seniorentreffs. Wir haben schon Flyer verteilt, ohne Erfolg. Kann das KI da helfen?';
    expect(leanOf(tried, knows)).toBe('Ältere kommen kaum in unsere Seniorentreffs.');
    const settled = 'Ältere kommen kaum in unsere Seniorentreffs. Das mit dem Integrationsrat ist geklärt. Kann das KI da helfen?';
    expect(leanOf(settled, knows)).toBe('Ältere kommen kaum in unsere Seniorentreffs.');
    // What the writer already knows is what "da" points into.
    const known = 'Dass das KI Flyer für Senioren macht, weiß ich schon. Welche Sprachen gibt es da?';
    expect(leanOf(known, knows)).toBe('Dass das KI Flyer für Senioren macht, weiß ich schon.');
  });

  it('should lean on the piece an example belongs to, with the example, when the part names nothing but the actors', () => {
    const knows = /vertritt|Land|Austausch|Fragen|Ehrenamtliche/u;
    const represented = 'Mir ist nicht klar, wer die ganzen KIs in NRW nach außen vertritt, z.B. gegenüber dem Land. Ist das die LaKI?';
    expect(leanOf(represented, knows)).toBe('wer die ganzen KIs in NRW nach außen vertritt, z.B. gegenüber dem Land.');
    // A part naming a thing of its own keeps leaning on the nearest piece.
    const exchange = 'Ich merke, dass viele Fragen andere KIs schon gelöst haben, z.B. wie man Ehrenamtliche einbindet. Gibt es da einen Austausch unter den KIs?';
    expect(leanOf(exchange, knows)).toBe('z.B. wie man Ehrenamtliche einbindet.');
  });

  it('should keep the writer\'s introduction whole when its "und" joins the verbs of a relative clause', () => {
    const knows = /Verein|Migrantinnen|Frauen/u;
    const club = 'Wir sind ein Verein, der von Migrantinnen gegründet wurde und Frauen beim Ankommen hilft. Arbeitet das KI mit solchen Organisationen zusammen?';
    expect(leanOf(club, knows)).toBe('Wir sind ein Verein, der von Migrantinnen gegründet wurde und Frauen beim Ankommen hilft.');
  });

  it('should lean on what the writer said last, not on who they are', () => {
    const [part] = focus('ich sitz in der stabsstelle im kreis lippe und wir sollen ein konzept schreiben. kann uns die laki dabei beraten?').parts;
    expect(part!.leansOn).toBe('wir sollen ein konzept schreiben.');
    const [other] = focus('Wir haben viele ältere Zugewanderte und kaum Angebote. Ist sowas Thema beim KI?').parts;
    expect(other!.leansOn).toBe('Wir haben viele ältere Zugewanderte und kaum Angebote.');
  });

  it('should pass over a context piece that names nothing the knowledge base knows', () => {
    const message = 'Hier fällt ständig das Kürzel LaKI. Ich trau mich nicht mehr zu fragen. Wofür steht das?';
    const known = (text: string) => /LaKI/u.test(text);
    expect(findFocus(message, isStopword, known).parts[0]!.antecedent).toBe('Hier fällt ständig das Kürzel LaKI.');
    expect(focus(message).parts[0]!.antecedent).toBe('Ich trau mich nicht mehr zu fragen.');
  });

  it('should refer past the writer\'s introduction to what they said after it', () => {
    const [part] = focus('ich arbeite im Jobcenter Herne und hier fällt ständig das Kürzel LaKI. Wofür steht das?').parts;
    expect(part!.antecedent).toBe('hier fällt ständig das Kürzel LaKI.');
  });

  it('should not lean a question that names its topic, nor a second asked part on the first', () => {
    expect(focus('Wir sind ein Kreis. Welche Handlungsfelder haben die KIs?').parts[0]!.leansOn).toBeUndefined();
    expect(focus('Wer fördert die LaKI und wo sitzt sie dort?').parts[1]!.leansOn).toBeUndefined();
  });
});

describe('findFocus, what the writer weighs versus what they ask', () => {
  const asked = (message: string) => findFocus(message, isStopword).parts.map((part) => part.text);

  it.each([
    ['Mich würde interessieren, ob die KIs Eltern beraten. Die Mütter fragen oft nach. Wer kennt das nicht aus der Elternarbeit?', ['ob die KIs Eltern beraten.']],
    ['Wir bräuchten Fortbildungen zum Umgang mit Vielfalt. Wer soll das alles stemmen? Bieten die KIs da was an?', ['Wir bräuchten Fortbildungen zum Umgang mit Vielfalt.', 'Bieten die KIs da was an?']],
    ['Ich bräuchte die Telefonnummer der LaKI. Er telefoniert lieber. Wer kann es ihm verdenken?', ['Ich bräuchte die Telefonnummer der LaKI.']],
    ['Gibt es Fortbildungen für Beschäftigte der KIs? Seit 2022 hatte keiner eine. Kann ja wohl nicht sein, oder?', ['Gibt es Fortbildungen für Beschäftigte der KIs?']],
    ['Wir brauchen die Adresse der LaKI. Datenschutz, wer blickt da schon durch?', ['Wir brauchen die Adresse der LaKI.']],
  ])('should read a rhetorical question next to a question that expects an answer as context: %j', (message, expected) => {
    expect(asked(message)).toEqual(expected);
  });

  it('should read the actors a "who" question offers after a comma as context, and a list of nouns as part of the question', () => {
    expect(asked('Wer gibt eigentlich den Rahmen für die KIs vor, das Land oder wir als Kreis?')).toEqual(['Wer gibt eigentlich den Rahmen für die KIs vor']);
    expect(asked('Wer berät Kitas, Schulen oder Vereine?')).toEqual(['Wer berät Kitas, Schulen oder Vereine?']);
    expect(asked('Was machen die KIs, die Schulen oder die Kitas?')).toEqual(['Was machen die KIs, die Schulen oder die Kitas?']);
  });

  it('should keep a rhetorical-looking question that is all the message asks, and genuine questions beside another', () => {
    expect(asked('Wer soll das alles bezahlen?')).toEqual(['Wer soll das alles bezahlen?']);
    expect(asked('Beraten die KIs Eltern? Die sitzen doch in Dortmund, oder?')).toEqual(['Beraten die KIs Eltern?', 'Die sitzen doch in Dortmund, oder?']);
    expect(asked('Beraten die KIs Eltern? Und wen soll ich noch ansprechen?')).toEqual(['Beraten die KIs Eltern?', 'Und wen soll ich noch ansprechen?']);
  });

  it.each([
    [
      'Wir wollen ein Sportprojekt starten und überlegen, wie wir die freien Träger einbinden. Ist das direkt ein Ministerium?',
      ['Ist das direkt ein Ministerium?'],
    ],
    [
      'Hallo, bei uns im Kreis gibt es Streit, ob das KI beim Jugendamt hängen soll. Wie haben das die anderen Kreise gemacht?',
      ['Wie haben das die anderen Kreise gemacht?'],
    ],
    // The question to the reader has its "?" on the doubted alternative split off it.
    [
      'Das Studienseminar hat angefragt, ob es dafür Unterstützung gibt. Beraten die KIs auch Studienseminare oder nur Schulen?',
      ['Beraten die KIs auch Studienseminare'],
    ],
    [
      'Wir würden uns gern darüber austauschen, wie die anderen ihre Elternarbeit organisieren. Ich wüsste gern, ob die LaKI so etwas organisiert.',
      ['ob die LaKI so etwas organisiert.'],
    ],
    [
      // "keiner weiß, was …" describes the situation; "wir wissen nicht, wo …" would hand it on.
      'Bei uns weiß keiner so richtig, was die anderen Träger machen. Kann das KI da helfen?',
      ['Kann das KI da helfen?'],
    ],
  ])('should read an indirect question nobody hands on, next to a question to the reader, as context: %j', (message, expected) => {
    expect(asked(message)).toEqual(expected);
  });

  it.each([
    ['Good morning, our city council wants to know who pays for the integration centres.', ['who pays for the integration centres.']],
    ['Jetzt kam die Frage auf, ob die LaKI auch die Öffentlichkeitsarbeit macht. Können Sie helfen?', ['ob die LaKI auch die Öffentlichkeitsarbeit macht.']],
    ['Mein Chef will wissen, ob die LaKI Schulen berät. Und wo sitzt sie?', ['ob die LaKI Schulen berät.', 'Und wo sitzt sie?']],
    // "Wir bräuchten eine Info, ob …": asking for information hands the question on, as "wissen" does.
    [
      'Wir bräuchten eine Info, ob es Fortbildungen für die Beschäftigten gibt. Und wo sitzt die LaKI?',
      ['ob es Fortbildungen für die Beschäftigten gibt.', 'Und wo sitzt die LaKI?'],
    ],
  ])('should keep an indirect question handed on by an inquiry word: %j', (message, expected) => {
    expect(asked(message)).toEqual(expected);
  });

  it.each([
    [
      'Zwei Sachen: Auf welches Gesetz stützt sich die Förderung der KI, und wer darf so ein Zentrum einrichten – jede Gemeinde oder nur bestimmte?',
      ['Auf welches Gesetz stützt sich die Förderung der KI', 'wer darf so ein Zentrum einrichten'],
    ],
    [
      'Wer schaut eigentlich nach, ob die Arbeit etwas bringt – gibt es auf Landesebene eine Stelle, die das auswertet?',
      ['gibt es auf Landesebene eine Stelle, die das auswertet?'],
    ],
  ])('should read a question that goes on after a dash as asked, unless a full question follows it: %j', (message, expected) => {
    expect(asked(message)).toEqual(expected);
  });

  it('should read a request whose object follows as courtesy, its purpose aside', () => {
    expect(asked('Für unsere Ratssitzung benötige ich eine kurze Darstellung, welche Aufgaben die LaKI hat.')).toEqual(['welche Aufgaben die LaKI hat.']);
    // "… und würden gern wissen, ob …" after a statement: the statement is context, not a request.
    expect(asked('wir arbeiten stark stadtteilbezogen und würden gern wissen, ob der Sozialraum bei den KIs eine Rolle spielt')).toEqual([
      'würden gern wissen, ob der Sozialraum bei den KIs eine Rolle spielt',
    ]);
  });

  it('should read ", da haben wir …" as a statement of the writer\'s own', () => {
    expect(asked('Macht das KI auch im Ganztag Fortbildungen, da haben wir gerade Bedarf?')).toEqual(['Macht das KI auch im Ganztag Fortbildungen']);
  });

  it.each([
    ['Könnten Sie mir die Postanschrift nennen, damit das nicht im Haus verloren geht?', ['Könnten Sie mir die Postanschrift nennen']],
    ['Was muss ein Kreis tun, damit sein KI gefördert wird?', ['Was muss ein Kreis tun, damit sein KI gefördert wird?']],
    ['Ich bräuchte die Namen der Ansprechpersonen, damit die Einladung persönlich adressiert ist.', ['Ich bräuchte die Namen der Ansprechpersonen']],
  ])('should read the purpose of a request to be given something as context, not a purpose that is asked about: %j', (message, expected) => {
    expect(asked(message)).toEqual(expected);
  });

  it.each([
    ['In der Stellenbeschreibung sollen die Strategien des KI stehen. Können Sie mir das in 2-3 Sätzen zusammenfassen?', ['Können Sie mir das zusammenfassen?']],
    ['Können Sie mir in wenigen Worten erklären, was die LaKI macht?', ['Können Sie mir erklären', 'was die LaKI macht?']],
    ['Was macht die LaKI, in zwei Sätzen?', ['Was macht die LaKI?']],
  ])('should read the form the answer should take as no part of the question: %j', (message, expected) => {
    expect(asked(message)).toEqual(expected);
  });

  it.each([
    ['Hallo. Entscheiden wir das selbst oder gibt das Land was vor?', ['Entscheiden wir das selbst oder gibt das Land was vor?']],
  ])('should read a yes/no question with its "oder" alternative as one part: %j', (message, expected) => {
    expect(asked(message)).toEqual(expected);
  });

  it('should not take a relative clause with a plural "suchen" for a request', () => {
    const result = findFocus('Hallo, wir betreuen viele junge Geflüchtete, die eine Ausbildung suchen. Gibt es Angebote für Senioren?', isStopword);
    expect(result.parts.map((part) => part.text)).toEqual(['Gibt es Angebote für Senioren?']);
  });

  it('should read "Bitte schicken Sie mir …" as a request', () => {
    const result = findFocus('Bitte schicken Sie mir die Besuchsadresse der Koordinierungsstelle, wir kommen mit einer Delegation.', isStopword);
    expect(result.parts.map((part) => part.text)).toEqual(['Bitte schicken Sie mir die Besuchsadresse der Koordinierungsstelle']);
  });

  it('should leave the phrase saying what a request is for as context', () => {
    const result = findFocus('Für unsere Vorlage im Jugendhilfeausschuss benötige ich den Namen des Gesetzes.', isStopword);
    expect(result.parts.map((part) => part.text)).toEqual(['benötige ich den Namen des Gesetzes.']);
    expect(result.pieces[0]).toMatchObject({ text: 'Für unsere Vorlage im Jugendhilfeausschuss', role: 'context' });
  });

  it('should leave a purpose phrase inside a request or question as context, with the place after it', () => {
    const result = findFocus('Ich brauche für eine Präsentation im Schulausschuss eine Übersicht über die Handlungsfelder.', isStopword);
    expect(result.parts.map((part) => part.text)).toEqual(['Ich brauche eine Übersicht über die Handlungsfelder.']);
    expect(result.parts[0]!.context).toEqual(['für eine Präsentation im Schulausschuss']);
    // Where in a text or which paper the answer goes into is an occasion too.
    const report = findFocus('Ich brauche für die Einleitung die zwei Leitgedanken der KIs.', isStopword);
    expect(report.parts.map((part) => [part.text, part.context])).toEqual([['Ich brauche die zwei Leitgedanken der KIs.', ['für die Einleitung']]]);
    expect(findFocus('Wir bräuchten für unsere Bachelorarbeit die Handlungsfelder.', isStopword).parts[0]!.text).toBe('Wir bräuchten die Handlungsfelder.');
    // A compound ending in such a word, or a law's article, is the topic.
    for (const topic of ['Gibt es Förderung für den Eigenbeitrag der Kommunen beim KI?', 'Welche Regeln gelten für den Artikel 3 Grundgesetz im KI?']) {
      expect(findFocus(topic, isStopword).parts.map((part) => [part.text, part.context])).toEqual([[topic, []]]);
    }
    // A genitive after "für die Präsentation" is not a place: nothing is cut when no occasion is named.
    expect(findFocus('Welche Programme gibt es für die Eltern der Kinder?', isStopword).parts[0]!.text).toBe('Welche Programme gibt es für die Eltern der Kinder?');
  });

  it('should keep a salutation apart from what follows it', () => {
    const result = findFocus('Sehr geehrte Damen und Herren, für eine Ausschussvorlage im Kreis Höxter benötige ich das Gesetz.', isStopword);
    expect(result.pieces.map((piece) => [piece.text, piece.role])).toEqual([
      ['Sehr geehrte Damen und Herren', 'context'],
      ['für eine Ausschussvorlage im Kreis Höxter', 'context'],
      ['benötige ich das Gesetz.', 'request'],
    ]);
  });

  it('should read a plea handing on an indirect question that points back as asking what it points at', () => {
    const result = findFocus('Unsere Gemeinde überlegt, ein Kommunales Integrationszentrum einzurichten. Können Sie uns sagen, wer uns da hilft?', isStopword);
    expect(result.parts).toEqual([expect.objectContaining({ text: 'Können Sie uns sagen, wer uns da hilft?' })]);
    // A plea naming nothing it points at stays courtesy beside the question.
    expect(findFocus('Wo sitzt die LaKI? Können Sie mir das sagen?', isStopword).parts.map((part) => part.text)).toEqual(['Wo sitzt die LaKI?']);
  });

  it('should let "Stimmt das?" point at what was heard, not at who heard it', () => {
    const result = findFocus('Ich bin Hebamme in Recklinghausen und habe gehört, dass das KI Fortbildungen anbietet. Stimmt das?', isStopword);
    expect(result.parts).toEqual([expect.objectContaining({ text: 'Stimmt das?', antecedent: 'dass das KI Fortbildungen anbietet.' })]);
  });

  it('should read a question that only asks the request before it again as one part', () => {
    const result = findFocus('Ich benötige das Gesetz, auf dessen Grundlage die Zentren gefördert werden. Wie heißt es?', isStopword);
    expect(result.parts.map((part) => part.text)).toEqual(['Ich benötige das Gesetz, auf dessen Grundlage die Zentren gefördert werden.']);
    // "wo sitzt sie?" asks for a place: a part of its own.
    expect(findFocus('Wer fördert die LaKI und wo sitzt sie?', isStopword).parts).toHaveLength(2);
  });

  it('should read "die Abkürzung" as the abbreviation a sentence before writes', () => {
    const result = findFocus('In den Protokollen unserer Sitzungen taucht dauernd das Kürzel LaKI auf. Alle tun so, als wüsste man das. Wofür steht die Abkürzung?', isStopword);
    expect(result.parts).toEqual([expect.objectContaining({ text: 'Wofür steht die Abkürzung?', antecedent: 'LaKI', leansOn: 'LaKI' })]);
    // Two abbreviations: which one is meant is not said; nor is it when the part names its own.
    expect(findFocus('Ich lese oft LaKI und KI. Wofür steht die Abkürzung?', isStopword).parts[0]!.antecedent).toBe('Ich lese oft LaKI und KI.');
    expect(findFocus('Ich kenne die LaKI schon. Wofür steht die Abkürzung KI?', isStopword).parts[0]!.antecedent).not.toBe('LaKI');
  });

  it('should ask the question before of the actor that a thin pointing question names', () => {
    // "Kann das KI sowas?" asks whether the centre does what the question before asked.
    const result = findFocus('Gibt es Fortbildungen zur Elternarbeit? Bietet das KI sowas an?', isStopword);
    expect(result.parts.map((part) => [part.text, part.actor])).toEqual([['Gibt es Fortbildungen zur Elternarbeit?', 'KI']]);
    // "gibt's" is "gibts", a verb that opens a question, not a word naming a topic.
    const contracted = findFocus("Gibt es Fortbildungen zur Elternarbeit? Gibt's sowas beim KI?", isStopword);
    expect(contracted.parts.map((part) => [part.text, part.actor])).toEqual([['Gibt es Fortbildungen zur Elternarbeit?', 'KI']]);
    // After a question for someone, naming an actor offers an answer: both are asked.
    expect(findFocus('Wer vertritt die Zentren gegenüber dem Land, macht das die LaKI?', isStopword).parts).toHaveLength(2);
    // Naming two actors, it asks which of them: a part of its own.
    expect(findFocus('Gibt es Fortbildungen zur Elternarbeit? Macht das die LaKI oder das KI?', isStopword).parts).toHaveLength(2);
  });

  it('should read function words typed without umlauts and not end a sentence at "bzgl."', () => {
    expect(splitSentences('tel. nr der laki bzgl. einer frage?')).toEqual(['tel. nr der laki bzgl. einer frage?']);
    const result = findFocus('Ich muss die Postadresse der LaKI raussuchen, koennt ihr mir die geben?', isStopword);
    expect(result.pieces.map((piece) => piece.role)).toEqual(['context', 'question']);
    expect(findFocus('waer super wenn ihr mir die Faxnummer schickt', isStopword).pieces[0]!.role).toBe('request');
  });

  it('should read "gibts sowas auch für …?" as pointing back', () => {
    expect(leansBack('gibts sowas auch für Schulen?', isStopword)).toBe('points-back');
  });

  const focus = (message: string) => findFocus(message, isStopword);

  it('should take a request joined to a statement by "und ich …" as the part, the statement as context', () => {
    const result = focus('hallo, wir sind mitten in der haushaltsberatung und ich brauch die faxnr der laki');
    expect(result.parts.map((part) => part.text)).toEqual(['ich brauch die faxnr der laki']);
    expect(result.parts[0]!.context).toContain('wir sind mitten in der haushaltsberatung');
    // With "wir" the clause mostly tells what the office is doing: it is not cut out as a request of its own.
    const partners = asked('Unser Museum will sich interkulturell ausrichten und wir suchen Partner. Sind die KIs auch für Kultureinrichtungen da?');
    expect(partners).not.toContain('wir suchen Partner.');
    expect(partners).toContain('Sind die KIs auch für Kultureinrichtungen da?');
  });

  it('should leave the writer\'s own matter behind "wegen einer Frage zu …" as context', () => {
    const result = focus('tel. nr der laki bzgl. einer frage zu unserem projekt?');
    expect(result.parts.map((part) => part.text)).toEqual(['tel. nr der laki?']);
    expect(result.pieces.map((piece) => piece.text)).toContain('bzgl. einer frage zu unserem projekt');
    // Without anything else asked, the question's own matter stays the question.
    expect(asked('Ich habe eine Frage zu Griffbereit')).toEqual(['Ich habe eine Frage zu Griffbereit']);
  });

  it('should read on after a rephrased noun set off by commas, and still split after a rephrased question', () => {
    expect(focus('Wie viele Stellen, also Lehrerstellen und Verwaltungsstellen, bekommt ein KI über die Förderung?').parts).toHaveLength(1);
    expect(asked('Was ist Griffbereit, also worum geht es da, gibt es das auch für Schulen?')).toEqual([
      'Was ist Griffbereit, also worum geht es da',
      'gibt es das auch für Schulen?',
    ]);
  });

  it('should leave "fürs Protokoll unserer Dienstbesprechung" and "für unsere Infobroschüre" as context', () => {
    expect(asked('Ich hätte gern die Namen der Ansprechpartner bei der LaKI fürs Protokoll unserer Dienstbesprechung.')).toEqual(['Ich hätte gern die Namen der Ansprechpartner bei der LaKI.']);
    expect(asked('Hallo, ich bräuchte für unsere Infobroschüre in Remscheid die Internetadresse der KIs.')).toEqual(['ich bräuchte die Internetadresse der KIs.']);
  });

  it('should leave a purpose with its committee and municipality ("… im Schulausschuss des Kreises Coesfeld") as context', () => {
    expect(asked('Guten Morgen, für einen Vortrag im Schulausschuss des Kreises Coesfeld bräuchte ich die beiden Leitstrategien der KIs.')).toEqual(['bräuchte ich die beiden Leitstrategien der KIs.']);
  });

  it('should leave the alternative the writer doubts ("oder ist das nur Schule?") as context', () => {
    const result = focus('Macht das KI auch was für ältere Migranten, oder ist das nur Kinder und Schule?');
    expect(result.parts.map((part) => part.text)).toEqual(['Macht das KI auch was für ältere Migranten']);
    expect(result.pieces.find((piece) => piece.text.startsWith('oder'))?.role).toBe('context');
    // An alternative that is a question of its own stays in the question.
    expect(focus('Entscheiden wir das selbst oder gibt das Land was vor?').parts).toHaveLength(1);
    // The burden the writer fears is doubted too; a choice of the writer's own is not.
    expect(asked('Gibt es einen Austausch unter den KIs oder muss ich da selbst rumtelefonieren?')).toEqual(['Gibt es einen Austausch unter den KIs']);
    expect(asked('Gibt das Land da was vor oder entscheiden wir das selbst?')).toEqual(['Gibt das Land da was vor oder entscheiden wir das selbst?']);
    // "einfach" doubts like "nur": "… oder macht das KI einfach noch ein weiteres Angebot?"
    expect(asked('Ist es Aufgabe des KI, für mehr Transparenz zu sorgen, oder macht das KI einfach noch ein weiteres Angebot?')).toEqual(['Ist es Aufgabe des KI, für mehr Transparenz zu sorgen']);
  });

  it('should leave "oder geht\'s bei denen nur um Kinder?" as the doubted alternative, and keep "Welcher Kreis oder welche Stadt …" whole', () => {
    expect(asked('Ist das auch was für die KIs, oder geht\'s bei denen nur um Kinder und Schule?')).toEqual(['Ist das auch was für die KIs']);
    const alternatives = focus('Welcher Kreis oder welche Stadt hat als erste ein Kommunales Integrationszentrum eingerichtet?');
    expect(alternatives.parts).toHaveLength(1);
    // "und welche …" asks for a second thing.
    expect(focus('Welche Postanschrift und welche Besuchsadresse hat die LaKI?').parts).toHaveLength(2);
  });

  it('should leave other doubted alternatives as context: "nur Einzelberatung", "nicht zuständig", "oder nur für …", "allein unser Job"', () => {
    expect(asked('Begleitet das KI eine Schule bei so einem Prozess, oder machen die nur Einzelberatung?')).toEqual([
      'Begleitet das KI eine Schule bei so einem Prozess',
    ]);
    expect(asked('Würde das KI uns dabei beraten, oder sind die dafür nicht zuständig?')).toEqual(['Würde das KI uns dabei beraten']);
    expect(asked('Hallo. Kümmern sich die KIs auch um Senioren, oder ist das gar nicht deren Bereich?')).toEqual([
      'Kümmern sich die KIs auch um Senioren',
    ]);
    expect(asked('Gibt es Fortbildungen auch für den Ganztag oder nur für Lehrkräfte?')).toEqual(['Gibt es Fortbildungen auch für den Ganztag']);
    expect(asked('Macht die LaKI auch Öffentlichkeitsarbeit, oder ist das allein unser Job?')).toEqual(['Macht die LaKI auch Öffentlichkeitsarbeit']);
    expect(asked('Sind die Zentren zusammengeschlossen, oder kocht da jeder Kreis sein eigenes Süppchen?')).toEqual(['Sind die Zentren zusammengeschlossen']);
    // "selbst" is the other option that is asked about, not a doubt.
    expect(asked('Gibt das Land das vor, oder entscheiden wir das selbst?')).toEqual(['Gibt das Land das vor, oder entscheiden wir das selbst?']);
  });

  it('should never take the doubted alternative of an unmarked last sentence as the question', () => {
    expect(asked('wir machen viel mit sport. spielt sport bei euch überhaupt ne rolle oder geht es da nur um schule und kita')).toEqual(['spielt sport bei euch überhaupt ne rolle']);
  });

  it('should end a sentence after a year ("… von 2011. Berät …"), not after a day ("am 12. fahren")', () => {
    expect(asked('Wir überarbeiten unser Konzept von 2011. Berät die LaKI auch beim Schreiben?')).toEqual(['Berät die LaKI auch beim Schreiben?']);
    expect(focus('Am 12. fahren wir zur LaKI. Wo ist sie?').pieces[0]!.text).toBe('Am 12. fahren wir zur LaKI.');
  });

  it('should end an indirect question at a comma after which a statement goes on with its verb second', () => {
    const result = focus('Der Landrat will wissen, ob wir ein KI einrichten können, Haushaltsmittel sind dafür noch nicht eingeplant. Wer berät uns?');
    expect(result.pieces.map((piece) => [piece.text, piece.role])).toContainEqual(['Haushaltsmittel sind dafür noch nicht eingeplant.', 'context']);
    expect(result.parts.map((part) => part.text)).toContain('ob wir ein KI einrichten können');
    // A relative clause ("…, die sind …") and a question ("…, welche Stelle ist …") are not statements of their own.
    expect(focus('Wir haben Familien, die sind neu hier. Wer hilft?').pieces[0]!.text).toBe('Wir haben Familien, die sind neu hier.');
  });

  it('should read a clause telling when the writer needs it as context', () => {
    const result = focus('ich soll herausfinden, was die laki eigentlich macht, bevor wir nächste woche einen termin haben.');
    expect(result.parts.map((part) => part.text)).toEqual(['was die laki eigentlich macht']);
    expect(result.pieces.map((piece) => [piece.text, piece.role])).toContainEqual(['bevor wir nächste woche einen termin haben.', 'context']);
  });

  it('should end a sentence after a date when a question verb or a function word opens the next', () => {
    expect(splitSentences('Unser Antrag läuft bis 30.06. Bieten die KIs so etwas an?')).toEqual(['Unser Antrag läuft bis 30.06.', 'Bieten die KIs so etwas an?']);
    expect(splitSentences('Die Frist ist der 15.10. Auf dem Flyer steht nichts dazu.')).toEqual(['Die Frist ist der 15.10.', 'Auf dem Flyer steht nichts dazu.']);
    // A capitalised noun after the date goes on with the sentence.
    expect(splitSentences('Am 15.10. Tagung der KIs in Dortmund.')).toEqual(['Am 15.10. Tagung der KIs in Dortmund.']);
  });

  it('should end a sentence after a number that follows a noun when a question word or a function word opens the next', () => {
    expect(splitSentences('Bezirksregierung Detmold hier, Dezernat 48. Zu welchem Dezernat gehört die LaKI?')).toEqual([
      'Bezirksregierung Detmold hier, Dezernat 48.',
      'Zu welchem Dezernat gehört die LaKI?',
    ]);
    // An ordinal after an article or a preposition, and a list's number, go on with what follows.
    expect(splitSentences('Wir treffen uns am 12. Die Sitzung ist wichtig.')).toEqual(['Wir treffen uns am 12. Die Sitzung ist wichtig.']);
    expect(splitSentences('1. Was sind die Kernaufgaben der LaKI?')).toEqual(['Was sind die Kernaufgaben der LaKI?']);
    expect(splitSentences('Wir sind Klasse 7. Unsere Lehrerin fragt nach Material.')).toEqual(['Wir sind Klasse 7.', 'Unsere Lehrerin fragt nach Material.']);
  });

  it('should read "Bitte die Postanschrift …" as the request and "Gruß aus Düsseldorf" as a closing', () => {
    const result = focus('Bitte die Postanschrift der LaKI, wir schicken die Unterlagen per Post. Gruß aus Düsseldorf');
    expect(result.parts.map((part) => part.text)).toEqual(['Bitte die Postanschrift der LaKI']);
    expect(result.pieces.at(-1)!.role).toBe('courtesy');
  });

  it('should read an unmarked last sentence of two questions as two questions', () => {
    expect(asked('Kreis Coesfeld hier: welche Faxnummer hat die LaKI und wie lautet die Postanschrift')).toEqual([
      'welche Faxnummer hat die LaKI',
      'wie lautet die Postanschrift',
    ]);
    // So is a message of one such sentence.
    expect(asked('wo ist die besuchsadresse der laki und wie ist die faxnummer')).toEqual([
      'wo ist die besuchsadresse der laki',
      'wie ist die faxnummer',
    ]);
  });

  it('should leave an example after "z.B." and the fragment "oder eher nicht?" as context', () => {
    expect(asked('Ich möchte wissen, ob sich die Integrationszentren austauschen, z.B. wenn ein Zentrum ein gutes Projekt hat.')).toEqual(['ob sich die Integrationszentren austauschen']);
    expect(asked('Wir haben viele Senioren. Ist das auch Aufgabe vom KI oder eher nicht?')).toEqual([
      'Ist das auch Aufgabe vom KI',
    ]);
  });

  it('should leave what the writer does not mean ("…, also nicht nur …") as context', () => {
    expect(asked('Begleiten die KIs Schulen auch längerfristig bei der Öffnung, also nicht nur mit einem einzelnen Workshop?')).toEqual([
      'Begleiten die KIs Schulen auch längerfristig bei der Öffnung',
    ]);
    expect(asked('Does the LaKI advise the centres, not just the municipalities?')).toEqual(['Does the LaKI advise the centres']);
    // "nicht nur" inside the question is part of it.
    expect(asked('Berät die LaKI nicht nur Kommunen?')).toEqual(['Berät die LaKI nicht nur Kommunen?']);
    // After "und" in a question, as after a comma; in a statement it is part of what is told.
    expect(asked('Mich würde interessieren, ob die KIs Schulen begleiten, also längerfristig und nicht nur mit einem Workshop.')).toEqual([
      'ob die KIs Schulen begleiten, also längerfristig',
    ]);
    expect(asked('Ein Kollege meinte, die KIs machen auch was mit Kultur und nicht nur Schule. Stimmt das?')).toEqual(['Stimmt das?']);
  });

  it('should ask the one clause besides the doubted alternative of a sentence with "?", whatever verb opens it', () => {
    const message =
      'Wir machen 5.800 Untersuchungen im Jahr. Fällt Gesundheit überhaupt unter das, was die KIs machen, oder geht es da nur um Schule und Kita? ' +
      'Wir überlegen nämlich, mehrsprachige Infos auszugeben.';
    expect(asked(message)).toEqual([
      'Fällt Gesundheit überhaupt unter das, was die KIs machen',
    ]);
  });

  it('should leave when the writer would like it ("…, am liebsten im Oktober") as context, and read "ich such" as a request', () => {
    expect(asked('Wir haben 38 Mitarbeitende. Ich such noch jemanden für eine Fortbildung zum Umgang mit Vielfalt, am liebsten im Oktober an zwei Nachmittagen.')).toEqual([
      'Ich such noch jemanden für eine Fortbildung zum Umgang mit Vielfalt',
    ]);
    expect(asked('Berät die LaKI auch Kitas, gern noch vor dem Kita-Jahr ab 1. August?')).toEqual(['Berät die LaKI auch Kitas']);
    // A date that is part of what is asked stays in it.
    expect(asked('Berät die LaKI auch im Oktober?')).toEqual(['Berät die LaKI auch im Oktober?']);
  });

  it('should read "wie früher" and "wie gesagt" as comparing, not asking', () => {
    const result = focus('Wir schicken das mit der Post, auf Papier, wie früher halt. Ich bräuchte die richtige Anschrift.');
    expect(result.parts.map((part) => part.text)).toEqual(['Ich bräuchte die richtige Anschrift.']);
    // "die richtige Anschrift": an article before a dropped adjective, not a pronoun.
    expect(result.parts[0]!.leansOn).toBeUndefined();
  });

  it('should leave any doubted alternative with "eher" or "nur" as context ("oder denken die eher gesamtstädtisch?", "oder nur Beratung?")', () => {
    expect(asked('Spielt das Quartier beim KI eine Rolle oder denken die eher gesamtstädtisch?')).toEqual([
      'Spielt das Quartier beim KI eine Rolle',
    ]);
    expect(asked('macht das KI sowas oder nur beratung?')).toEqual(['macht das KI sowas']);
  });

  it('should let a lower-case "sie" point into the sentence before it, but not the formal "Sie"', () => {
    const she = focus('Die LaKI sitzt ja in Dortmund. Aber bei welcher Behörde ist sie angesiedelt?');
    expect(she.parts[0]!.leansOn).toBe('Die LaKI sitzt ja in Dortmund.');
    const formal = focus('Ich bin neu im Jugendamt. Können Sie mir die Telefonnummer der LaKI nennen?');
    expect(formal.parts[0]!.leansOn).toBeUndefined();
  });

  it('should keep a question word whose verb is joined by "und" to a second verb as one question', () => {
    expect(focus('wen beraten und schulen sie eigentlich?').parts).toHaveLength(1);
    expect(focus('Wer berät und begleitet die Kommunen?').parts).toHaveLength(1);
    // A question word with more than its verb asks on its own before "und".
    expect(focus('Wen berät die LaKI und gibt es dafür Material?').parts).toHaveLength(2);
  });

  it('should keep "Wodurch genau und von wem …" as one question', () => {
    expect(focus('Wodurch genau und von wem wird dieser Rahmen festgelegt?').parts).toHaveLength(1);
  });

  it('should not read "den" before a generic noun ("den Namen") as a pronoun', () => {
    const result = focus('Die Adresse habe ich schon. Wie finde ich den Namen des Programms für Eltern heraus?');
    expect(result.parts[0]!.leansOn).toBeUndefined();
  });

  it('should read an unmarked last sentence that opens with a verb as the question', () => {
    const result = focus('bei uns geht es um sprachförderung im kitaalltag. ist das bei den integrationszentren auch ein thema');
    expect(result.parts.map((part) => part.text)).toEqual(['ist das bei den integrationszentren auch ein thema']);
    expect(result.parts[0]!.leansOn).toBe('bei uns geht es um sprachförderung im kitaalltag.');
  });

  it('should read a clause of an unmarked last sentence that opens with a verb addressing the reader as the question', () => {
    expect(asked('ehrlich gesagt weiß ich gar nicht was das KI bei uns im Kreis macht, kannst du mir kurz erklären was die KIs so machen')).toEqual(['kannst du mir kurz erklären was die KIs so machen']);
    // "könntest du", "hast du", "weißt du" open it like "kannst du".
    expect(asked('ich bin neu hier und kenn mich nicht aus, könntest du mir bitte die Kernaufgaben der LaKI nennen')).toEqual(['könntest du mir bitte die Kernaufgaben der LaKI nennen']);
    // So do spoken forms with "du" fused on ("kannste", "haste").
    expect(asked('ich bin neu hier und kenn mich nicht aus, kannste mir bitte die Kernaufgaben der LaKI nennen')).toEqual(['kannste mir bitte die Kernaufgaben der LaKI nennen']);
    // Lower-case "sie" after the comma is a third person: the statement stays whole.
    expect(asked('Die Eltern haben abends keine Zeit, kommen sie zu keinem Elternabend')).toEqual(['Die Eltern haben abends keine Zeit, kommen sie zu keinem Elternabend']);
  });

  it('should read a bare pair of options after a question as context for it, not as a question of its own', () => {
    const options = focus('Wer legt eigentlich fest welche Themen ein KI bearbeitet? Das Land oder die Stadt selber?');
    expect(options.parts.map((part) => part.text)).toEqual(['Wer legt eigentlich fest welche Themen ein KI bearbeitet?']);
    expect(options.parts[0]!.context).toContain('Das Land oder die Stadt selber?');
    // "Und …" goes on asking.
    expect(focus('Was macht die LaKI? Und die Telefonnummer oder die Mailadresse?').parts).toHaveLength(2);
  });

  it('should let "bei sowas" point into the sentence before it', () => {
    const result = focus('Unser Museum möchte sich interkulturell aufstellen. Kann das KI bei sowas helfen?');
    expect(result.parts[0]!.leansOn).toBe('Unser Museum möchte sich interkulturell aufstellen.');
  });

  it('should split "…, und kostet die Teilnahme was?" as a second question', () => {
    expect(asked('Bietet das KI Fortbildungen für Erzieherinnen an, und kostet die Teilnahme was?')).toEqual([
      'Bietet das KI Fortbildungen für Erzieherinnen an',
      'kostet die Teilnahme was?',
    ]);
  });

  it("should split an English message at \"and what's …\"", () => {
    expect(asked("Where is the LaKI located and what's the website?")).toEqual([
      'Where is the LaKI located',
      "what's the website?",
    ]);
  });

  it('should let a pronoun point at what follows "aber" in the statement before it', () => {
    const result = focus('Die Besuchsadresse hab ich schon, aber die Postanschrift ist eine andere. Wie lautet die genau?');
    expect(result.parts[0]!.antecedent).toBe('aber die Postanschrift ist eine andere.');
  });

  it('should read a plea of what to do, naming no thing, in a sentence naming nothing known, as context beside a question', () => {
    const known = (text: string) => /Integrationszentrum|Kita|Kinder/u.test(text);
    const roles = (message: string) => findFocus(message, isStopword, known).pieces.map((piece) => [piece.text, piece.role]);
    expect(roles('Gibt es eine Beratung für Familien? Wir wissen nicht, wohin wir uns wenden sollen.')).toContainEqual(['wohin wir uns wenden sollen.', 'context']);
    expect(roles('Die fragen mich immer, wo sie hingehen können. Gibt es eine Gruppe auf Arabisch?')).toContainEqual(['wo sie hingehen können.', 'context']);
    // Alone it is what the writer asks; with a thing named, or in a sentence naming one, it asks too.
    expect(roles('Wir wissen nicht, wohin wir uns wenden sollen.')).toContainEqual(['wohin wir uns wenden sollen.', 'question']);
    expect(roles('Die fragen oft, wie sie ihre Kinder unterstützen können. Gibt es da was?')).toContainEqual(['wie sie ihre Kinder unterstützen können.', 'question']);
    expect(roles('Wir wollen ein Integrationszentrum aufbauen, wissen aber nicht, wo wir anfangen sollen. Gibt es Hilfe?')).toContainEqual([
      'wo wir anfangen sollen.',
      'question',
    ]);
    // Typed in lower case, a thing named cannot be told from the rest: the plea stays a question.
    expect(roles('gibt es eine beratung? wir wissen nicht, wohin wir uns wenden sollen.')).toContainEqual(['wohin wir uns wenden sollen.', 'question']);
  });
  it('should read an aside between two dashes as the writer\'s example, not as a question', () => {
    const roles = (message: string) => findFocus(message, isStopword).pieces.map((piece) => [piece.text, piece.role]);
    expect(roles('Begleiten die KIs Schulen dabei, wenn sich – wie bei unseren 11 Partnergrundschulen – ein ganzes Kollegium öffnen will?')).toContainEqual([
      'wie bei unseren 11 Partnergrundschulen',
      'context',
    ]);
    expect(roles('Beraten die KIs auch Vereine – etwa unseren Sportverein in Marl – bei der Öffnung?')).toContainEqual(['etwa unseren Sportverein in Marl', 'context']);
    // A comparison carrying the "?" itself still asks ("Wie bei uns?"), and so does a question between dashes.
    expect(roles('Wie bei uns in Hamm?')).toContainEqual(['Wie bei uns in Hamm?', 'question']);
    expect(roles('Wir sind ein Kreis – wo finden wir die LaKI – und brauchen Hilfe.')).toContainEqual(['wo finden wir die LaKI', 'question']);
  });
});
