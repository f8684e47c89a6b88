import path from 'node:path';
import { answerText, askedParts, buildKnowledgeBase, loadKnowledgeBase, type Entry, type IndexedKnowledgeBase } from '../../src/knowledge';

const root = path.join(__dirname, '../..');

/** Reading whole chat messages on the real knowledge base: context, several questions, follow-ups. */
describe('matchMessage', () => {
  let kb: IndexedKnowledgeBase;
  beforeAll(async () => {
    kb = await loadKnowledgeBase(path.join(root, 'knowledge'));
  });

  const answered = (text: string, context?: { lastEntryId: string }) => kb.matchMessage(text, context).main.answer?.id;

  it('should answer the question after a greeting and context with unknown names and roles', () => {
    const message =
      'Guten Tag, ich bin neu in der Kreisverwaltung Unna und soll für die Dienstbesprechung herausfinden, ' +
      'welches Dezernat der Bezirksregierung die Koordinierungsstelle ist. Können Sie helfen?';
    const result = kb.matchMessage(message);
    expect(result.parts).toHaveLength(1);
    expect(result.main.outcome).toBe('answer');
    expect(answerText(result.main.answer!)).toMatch(/Dezernat 37|Dez\. 37/);
  });

  it('should answer what the writer asks under a quoted mail, not the quoted question', () => {
    const quoted = '> Sind Senioren mit Migrationshintergrund ein Thema?\n> Und die Altenhilfe?\nWer unterstützt Unternehmer mit Migrationshintergrund?';
    expect(answered(quoted)).toBe('querschnitt-unternehmer');
    const forwarded = '-----Ursprüngliche Nachricht-----\nVon: Amt 40\nBetreff: Frage Lernmaterial?\nGibt es Fortbildungen für Hebammen?';
    expect(kb.matchMessage(forwarded).parts).toHaveLength(1);
    // The trace (`npm run ask -- --json`) shows what was read as typed.
    expect(kb.explainMessage(forwarded).typed).toBe('Gibt es Fortbildungen für Hebammen?');
  });

  it('should decline an unanswerable question under a quoted mail whose question the knowledge answers', () => {
    expect(kb.matchMessage('> Welche Ministerien fördern die LaKI?\n> Das MAIS und das MSW.\nWie hoch ist die Förderung pro Jahr?').main.outcome).toBe('none');
    expect(kb.matchMessage('> Wo sitzt die LaKI?\n> Ruhrallee 9 in Dortmund.\nGibt es dort einen Aufzug?').main.outcome).toBe('none');
  });

  it('should not read a signature under the closing greeting as context', () => {
    const message = 'Sehr geehrte Damen und Herren,\nwelche Ministerien fördern die LaKI?\nMit freundlichen Grüßen\ni.A. Müller\nSachgebiet 51.2 Integration und Bildung';
    const [part] = kb.explainMessage(message).parts;
    expect(part!.context).toEqual([]);
    expect(answered(message)).toBe('laki-foerderung');
  });

  it('should read a dictated message by the marks its words name', () => {
    expect(answered('hallo frage zum ki punkt wer berät uns beim aufbau fragezeichen')).toBe('laki-beratung-kommunen');
    expect(answered('frage an die laki doppelpunkt wer fördert euch eigentlich fragezeichen')).toBe('laki-foerderung');
  });

  it('should answer a question put in parentheses inside a statement', () => {
    expect(answered('Für die Vorlage im Ausschuss (wo sitzt die LaKI eigentlich?) brauche ich noch ein paar Infos.')).toBe('laki-besuchsadresse');
  });

  it('should read past an @-mention and the source after "lt."', () => {
    expect(answered('@LaKI-Assistent wer gibt den Rahmen für die Integrationszentren vor?')).toBe('ki-erlass');
    expect(answered('lt. Dezernent soll das KI auch Schulen beraten, stimmt das?')).toBe('schulentwicklung-beratung');
  });

  it('should not decline for a forward term in a context sentence, but for one in the question', () => {
    expect(answered('Die Frist habe ich schon notiert. Wie lautet die Telefonnummer der LaKI?')).toBe('laki-telefon');
    expect(kb.matchMessage('Bis wann läuft die Antragsfrist für ein Integrationszentrum?').main.outcome).toBe('none');
  });

  it('should not forward the LaKI\'s seat when it only says which office is meant', () => {
    // "Dortmund" is a forward term (only the address entries have it): in "die Landesstelle in Dortmund" it names the office.
    expect(kb.matchMessage('Wer bezahlt eigentlich die Landesstelle in Dortmund?').main.suggestions[0]?.id).toBe('laki-foerderung');
    expect(kb.matchMessage('Wer bezahlt eigentlich die Stadtbibliothek in Dortmund?').main.outcome).toBe('none');
  });

  it('should forward an amount asked as a noun and a time limit, though an entry says "hoher Stellenwert"', () => {
    // "Höhe" shares its stem with the social-space entry's "hohen Stellenwert"; the phrase does not.
    expect(kb.matchMessage('Und wenn ja, in welcher Höhe?').main.outcome).toBe('none');
    expect(kb.matchMessage('Und die Höhe?', { lastEntryId: 'ki-foerderung' }).main.outcome).toBe('none');
    expect(kb.matchMessage('Ist die Förderung der Kommunalen Integrationszentren befristet?').main.outcome).toBe('none');
    // Who founded the LaKI: its history (an entry calling the LaKI an "Einrichtung" folds like "einrichten").
    expect(kb.matchMessage('Wer hat die LaKI gegründet?').main.outcome).toBe('none');
    expect(answered('Wie wird ein Kommunales Integrationszentrum gegründet?')).toBe('ki-einrichten');
    // How often the centres meet: the flyer names their exchange, never its rhythm.
    expect(kb.matchMessage('Gibt es ein regelmäßiges Treffen der Integrationszentren?').main.outcome).toBe('none');
    expect(answered('Hat der Sozialraum einen hohen Stellenwert bei den Integrationszentren?')).toBe('querschnitt-sozialraum');
    expect(answered('Woher kommt der hohe Stellenwert der Sozialraumorientierung bei den KIs?')).toBe('querschnitt-sozialraum');
    // "läuft aus" side by side is a preposition as often as a time limit.
    expect(answered('Wie läuft aus den Schulen heraus der Übergang in den Beruf?')).toBe('uebergang-schule-beruf');
  });

  it('should not let an entry answer a thin part by the key noun of the piece it reads as its question', () => {
    // "woran … halten" names nothing; "Land" of the either-or question before must not pick the decree.
    const message = 'Bei uns gibt es Streit, ob das KI beim Jugendamt oder beim Schulamt angedockt werden soll. Schreibt das Land das vor oder entscheiden wir das? Und woran sollten wir uns dabei halten?';
    const second = kb.matchMessage(message).parts[1]!;
    expect(second.outcome).not.toBe('answer');
  });

  it('should not let the key noun of one alternative pick the answer to an either-or question', () => {
    const message = 'Wir diskutieren, wo das KI im Organigramm hängen soll. Gibt es da eine feste Vorgabe vom Land oder entscheiden wir das selbst?';
    expect(kb.matchMessage(message).main.answer?.id).not.toBe('ki-erlass');
    // Nor does the entry need it: the answer may be the other alternative (the decision lies with the municipality).
    const placing = 'Wir diskutieren, ob das KI beim Schulamt oder beim Sozialdezernat angesiedelt sein soll. Gibt das Land da was vor oder entscheiden wir das selbst?';
    expect(answered(placing)).toBe('ki-ausgestaltung-vor-ort');
    // The centre or the LaKI stays a key noun; a burden the writer fears ("oder müssen wir das selbst machen?") is no alternative asked.
    expect(answered('Organisiert die LaKI einen Austausch der KIs untereinander oder müssen wir das selbst machen?')).toBe('laki-austausch');
  });

  it('should not require "Leute" of the entry: it names whoever the question is about', () => {
    expect(answered('Gibt es von den KIs Fortbildungen auch für Leute im Ganztag?')).toBe('schulentwicklung-fortbildung');
  });

  it('should read "Wert legen auf" like the weight ("Stellenwert") the flyer gives its themes', () => {
    expect(answered('Worauf legen die KIs in der frühen Bildung besonders Wert?')).toBe('fruehe-bildung');
  });

  it('should read "geschult" as training, not as the school its stem spells', () => {
    expect(answered('Werden die Fachkräfte der KIs von der LaKI geschult?')).toBe('laki-qualitaetsentwicklung');
  });

  it('should read "das" after a sentence that only quotes a term as that term', () => {
    expect(answered('Mein Kollege sagt dauernd „LaKI“. Was ist das?')).toBe('laki-was-ist');
    // A sentence that names known things besides the quoted term is what "das" points at.
    const sentence =
      'Ich schreibe am Integrationsbericht: Die KIs sehen Integrationspolitik als „Querschnittsaufgabe“ – was ist damit gemeint, bzw. was machen sie in dem Zusammenhang?';
    expect(answered(sentence)).toBe('querschnitt');
  });

  it('should read "Kann das KI dafür ein Ansprechpartner sein?" as a question about the task the sentence before names', () => {
    expect(answered('Unser Museum möchte sich interkulturell öffnen. Kann das KI dafür ein Ansprechpartner sein?')).toBe('querschnitt-kultur');
    // Asking who that is asks for a person.
    expect(answered('Unser Museum möchte sich interkulturell öffnen. Wer wäre bei der LaKI dafür ein Ansprechpartner?')).toBe('laki-ansprechpersonen');
  });

  it('should send whether a Kreis must set up a centre to the LaKI: the flyer says what is funded, not what is obligatory', () => {
    expect(kb.matchMessage('Ist ein Kreis verpflichtet, ein KI einzurichten?').main.declineReason).toBe('forward-term');
  });

  it('should send an age limit written with a number word to the LaKI: the flyer names no ages', () => {
    expect(kb.matchMessage('Ist Rucksack-Kita für Kinder ab vier?').main.declineReason).toBe('forward-term');
  });

  it('should read a lower-case word with a noun ending as a noun, as if it were capitalised', () => {
    // "evaluation" is a key noun the law entry lacks, typed in lower case or not: no repeat of the
    // last answer (not even as the one choice: the knowledge does not say what the law says of it),
    // the same reading as for the capitalised message.
    const shown = (text: string) => {
      const main = kb.matchMessage(text, { lastEntryId: 'ki-rechtsgrundlage' }).main;
      return [main.outcome, main.answer?.id ?? main.suggestions.map((entry) => entry.id)];
    };
    expect(shown('und was steht dort zur evaluation?')).toEqual(shown('Und was steht dort zur Evaluation?'));
    expect(shown('und was steht dort zur evaluation?')[0]).toBe('none');
  });

  it('should name the entries near a declined part, and none for an answer, small talk or an off-topic question', () => {
    const nearbyOf = (text: string) => kb.matchMessage(text).parts.map((part) => part.nearby?.map((entry) => entry.id));
    expect(nearbyOf('Wie hoch ist die Förderung der LaKI?')).toEqual([['laki-foerderung']]);
    // A long message whose context kept it from an answer: the entry it came nearest.
    const message = 'Hallo, Wirtschaftsförderung Stadt Duisburg hier. Wir bekommen viele Anfragen von Gründerinnen und Gründern mit Migrationsgeschichte. Kann man die ans KI verweisen?';
    expect(kb.matchMessage(message).main.outcome).toBe('none');
    expect(nearbyOf(message)[0]).toContain('querschnitt-unternehmer');
    // In a message with several questions only the declined part has them.
    expect(nearbyOf('Wie ist die Telefonnummer der LaKI und wie hoch ist die Förderung der LaKI?')).toEqual([undefined, ['laki-foerderung']]);
    expect(nearbyOf('Wie backe ich einen Apfelkuchen?')).toEqual([undefined]);
    expect(nearbyOf('Hallo, vielen Dank!').every((ids) => ids === undefined)).toBe(true);
    // A part declined because what its words find is not what it points at names no nearby topics:
    // they would be the very entries ruled out (the LaKI's address for the local centre, the
    // centres' funding for a programme).
    expect(nearbyOf('Gibt es bei uns im Kreis ein KI, und wo sitzt das?')[1]).toBeUndefined();
    const funding = kb.matchMessage('und wer bezahlt das?', { lastEntryId: 'rucksack-kita' }).main;
    expect([funding.outcome, funding.nearby]).toEqual(['none', undefined]);
    expect(nearbyOf('Wie viel Geld bekommt ein KI pro Jahr?')).toEqual([undefined]);
  });

  it('should send which towns or companies do something to the LaKI: the flyer names none', () => {
    expect(kb.matchMessage('Mit welchen Betrieben arbeiten die KIs beim Übergang Schule-Beruf zusammen?').main.declineReason).toBe('forward-term');
    expect(kb.matchMessage('In welchen Städten gibt es schon solche Projekte?').main.declineReason).toBe('forward-term');
    expect(kb.matchMessage('Which cities run projects like that right now?').main.outcome).toBe('none');
    // The entry that answers for every municipality (centres exist in Kreise and kreisfreie Städte)
    // lists the phrases, so asking where centres exist is answered, in any wording of them.
    for (const question of [
      'In welchen Städten gibt es ein Kommunales Integrationszentrum?',
      'Welche Kreise können ein Integrationszentrum bekommen?',
      'In which cities are there integration centres?',
    ]) {
      expect(answered(question)).toBe('ki-traeger');
    }
  });

  it('should send whether funding goes on after its period to the LaKI: the flyer says who funds, never for how long', () => {
    // "Weiterförderung" shares its stem with the centre entry's "gefördert" and was answered with it.
    expect(kb.matchMessage('Wer ist dann für die Weiterförderung zuständig?').main.declineReason).toBe('forward-term');
    expect(kb.matchMessage('Gibt es eine Anschlussförderung für die Integrationszentren?').main.outcome).toBe('none');
    expect(answered('Wer fördert die Kommunalen Integrationszentren?')).toBe('ki-foerderung');
  });

  it('should read "geben … vor" and "gibt … vor" as the Vorgaben they give', () => {
    expect(answered('und was geben die vor?', { lastEntryId: 'laki-foerderung' })).toBe('ki-erlass');
    expect(answered('Wer gibt den Rahmen vor?')).toBe('ki-erlass');
    expect(answered('Gibt das Land da was vor oder entscheiden wir das selbst? Wir wollen das KI beim Schulamt ansiedeln.')).not.toBe('ki-erlass');
  });

  it('should read sending to the writer as the frame of a request, not as what is asked', () => {
    // "schicken" is a word of the fax and postal entries ("Wohin kann ich Unterlagen schicken?").
    expect(answered('Können Sie mir die Telefonnummer schicken?')).toBe('laki-telefon');
    expect(answered('Kannst du mir die Nummer schicken?')).toBe('laki-telefon');
    expect(answered('Bitte senden Sie mir die Telefonnummer.')).toBe('laki-telefon');
    expect(answered('Could you please send me the phone number?')).toBe('laki-telefon');
    expect(answered('Wohin kann ich Unterlagen schicken?')).toBe('laki-postanschrift');
    // "mailen" says how it is sent, not that the e-mail address is asked.
    expect(answered('Können Sie mir die Adresse der LaKI mailen?')).toBe('laki-postanschrift');
    expect(answered('Können Sie mir die Mailadresse schicken?')).toBe('laki-email');
  });

  it('should send how often something takes place to the LaKI: the flyer names no frequencies', () => {
    expect(kb.matchMessage('Wie oft finden die Austauschtreffen der Integrationszentren statt?').main.declineReason).toBe('forward-term');
    expect(kb.matchMessage('How often do the centres meet for exchange?').main.outcome).toBe('none');
  });

  it('should read a count of the writer\'s own things in the asked sentence as their situation, not as a figure asked', () => {
    expect(answered('Ich bin Schulrätin. Bieten die KIs Fortbildungen für unsere 14 Grundschulen an?')).toBe('schulentwicklung-fortbildung');
    expect(answered('Können wir für unsere 5 Familienzentren das Programm Rucksack-Kita bekommen?')).toBe('rucksack-kita');
    expect(answered('Wir haben 23 Kitas im Kreis. Können die KIs die Erzieherinnen in allen 23 Kitas fortbilden?')).toBe('fruehe-bildung-fortbildung');
    // A figure not counting the writer's things, and a span of time, are still asked.
    expect(kb.matchMessage('Bekommen wir für unsere 14 Grundschulen 14 Stellen?').main.outcome).toBe('none');
    expect(kb.matchMessage('Bieten die KIs alle 2 Wochen Fortbildungen für Schulen an?').main.outcome).toBe('none');
  });

  it('should read a message typed without punctuation that tells who writes after its question, and closes with thanks', () => {
    const early = 'hallo ich wollte fragen was die kommunalen integrationszentren im bereich frühe bildung machen wir sind eine kita in hamm und haben viele kinder mit migrationshintergrund danke';
    expect(answered(early)).toBe('fruehe-bildung');
    expect(answered('hallo wollt fragen wie die zwei strategien heißen nach denen die KIs arbeiten danke gruß aus bielefeld')).toBe('ki-strategien');
  });

  it('should read an art association or youth art school as a cultural institution the writer speaks for', () => {
    expect(answered('Wir sind ein Kunstverein in Hamm. Kann uns das KI da unterstützen?')).toBe('querschnitt-kultur');
    expect(answered('Wir sind die Jugendkunstschule in Unna. Hilft das KI auch Kultureinrichtungen wie uns?')).toBe('querschnitt-kultur');
    expect(kb.matchMessage('Wir sind ein Kunstverein in Hamm. Wie viel Fördergeld können wir beim KI beantragen?').main.outcome).toBe('none');
  });

  it("should read the writer's own plan closing the asked sentence as their situation, not as a date asked", () => {
    expect(answered('Familienzentrum Hagen. Kann uns das KI bei Rucksack-Kita unterstützen, wenn wir zum Kita-Jahr 2025/26 damit beginnen?')).toBe('rucksack-kita');
    expect(answered('Stadt Oberhausen, Sportamt. Ist Sport ein Handlungsfeld der KIs, wenn wir ab April Integrationsangebote in Vereinen fördern wollen?')).toBe('querschnitt');
    expect(answered('Hebammennetzwerk Kreis Warendorf. Gibt es Fortbildungen für Hebammen, die wir im zweiten Halbjahr für unsere 15 Kolleginnen nutzen könnten?')).toBe('fruehe-bildung-fortbildung');
    // A relative clause about the writer's own people, or one that names the writer, with its time, is the same.
    expect(answered('Grundschule Bottrop. Bieten die KIs Fortbildungen für unser Kollegium an, das ab dem Schuljahr 2025/26 im Ganztag arbeitet?')).toBe('schulentwicklung-fortbildung');
    expect(answered('Schulsozialarbeit Hattingen. Bieten die KIs auch Beratung für Schüler an, die seit dem Schuljahr 2024/25 bei uns sind?')).toBe('schulentwicklung-beratung');
    // What is asked before the plan still asks its own date or figure; a plan naming no time is what the thing is for.
    expect(kb.matchMessage('Kita in Bocholt. Wie lange dauert die Fortbildung für Erzieherinnen, wenn wir sie im Herbst für 6 Kolleginnen buchen?').main.outcome).toBe('none');
    expect(kb.matchMessage('Stadt Kleve. Welche Frist gilt für den Förderantrag, wenn wir im Mai ein KI beantragen wollen?').main.outcome).toBe('none');
  });

  it('should confirm a reported claim the knowledge holds, asked with "bestätigen" or in English', () => {
    expect(answered('Hallo, im Jugendhilfeausschuss wurde behauptet, die LaKI werde von zwei Ministerien gefördert. Können Sie das bestätigen?')).toBe('laki-foerderung');
    expect(answered('Hello, I work for the city of Cologne. A colleague told me the KIs are funded under a state law – is that right?')).toBe('ki-rechtsgrundlage');
  });

  it('should answer each question of a list numbered in parentheses', () => {
    const message = 'Sehr geehrte Frau Bainski,\nzwei Fragen:\n(1) Wie sorgt die LaKI dafür, dass alle KIs einen ähnlichen Standard erreichen?\n(2) Vertritt die LaKI die KIs auch gegenüber dem Land?\nBeste Grüße';
    expect(kb.matchMessage(message).parts.map((part) => part.answer?.id)).toEqual(['laki-qualitaetsstandard', 'laki-vertretung']);
  });

  it('should answer a plea handing on an indirect question that points back at a sentence', () => {
    const message = 'Sehr geehrte Damen und Herren, unsere Gemeinde bzw. unser Kreis überlegt, ein Kommunales Integrationszentrum einzurichten. Wir würden gern dafür Beratung in Anspruch nehmen. Können Sie uns sagen, wer uns da hilft?';
    expect(answered(message)).toBe('laki-beratung-kommunen');
  });

  it('should point a thin question at what someone is reported to have said, not at who said it', () => {
    expect(answered('Integrationsrat Moers. Unser Vorsitzender sagt, es gebe einen gemeinsamen Erlass für die KIs. Von wem ist der?')).toBe('ki-erlass');
    expect(answered('Stadtteilbüro Duisburg-Hochfeld. Unsere Quartiersmanagerin sagt, Sozialraumorientierung sei bei den KIs wichtig. Stimmt das?')).toBe('querschnitt-sozialraum');
    expect(answered('VHS Hagen. Unser Dezernent sagt, für die KIs gebe es einen verbindlichen Rahmen vom Land. Von wem kommt der?')).toBe('ki-erlass');
    expect(answered('Stadtteilbibliothek Gelsenkirchen-Horst. Unsere Ansprechpartnerin im KI hat erzählt, sie tausche sich regelmäßig mit den anderen KIs in NRW aus. Wer sorgt dafür?')).toBe('laki-austausch');
  });

  it('should not answer a thin question of who decides or pays leaning on a sentence whose nouns no answer names', () => {
    expect(kb.matchMessage('Stadt Gelsenkirchen. Das KI soll einen Dolmetscherpool aufbauen. Wer finanziert den?').main.outcome).toBe('none');
    expect(kb.matchMessage('Moscheeverein in Hamm. Wir möchten einen Sitz im Integrationsrat bekommen. Wer entscheidet das?').main.outcome).not.toBe('answer');
    expect(kb.matchMessage('Kreis Borken. Unser KI soll zwei neue Stellen bekommen. Wer zahlt die?').main.outcome).not.toBe('answer');
    expect(kb.matchMessage('Schule in Gelsenkirchen. Wir planen eine Klassenfahrt nach Istanbul. Zahlt das KI da was dazu?').main.outcome).toBe('none');
  });

  it('should read numbered questions on one line as separate questions', () => {
    const result = kb.matchMessage('Hi, 2 Fragen: 1. wer sind die Ansprechpartner bei der LaKI 2. wie lautet die Webseite');
    expect(result.parts.map((part) => part.answer?.id)).toEqual(['laki-ansprechpersonen', 'laki-webseite']);
  });

  it('should read taking part as a forward term only when someone other than the centre takes part', () => {
    expect(kb.matchMessage('Können wir bei Griffbereit mitmachen?').main.declineReason).toBe('forward-term');
    expect(kb.matchMessage('Kann man bei Griffbereit mitmachen?').main.declineReason).toBe('forward-term');
    // Whether the centre takes part in something is a question about its remit.
    expect(answered('Kann das KI bei der interkulturellen Öffnung von Kultureinrichtungen mitmachen?')).toBe('querschnitt-kultur');
  });

  it('should read the asker\'s own municipality ("bei uns im Kreis") like a place the flyer does not name', () => {
    // Local facts are not in the flyer: the LaKI's contact persons are not the answer.
    expect(kb.matchMessage('Wer ist bei uns im Kreis der Ansprechpartner für das KI?').main.outcome).toBe('none');
    expect(kb.matchMessage('Welche Telefonnummer hat das KI in unserer Stadt?').main.outcome).toBe('none');
    // What holds for every Kreis is still answered (its entry lists the phrase in a variant).
    expect(answered('Können wir bei uns im Kreis ein KI einrichten?')).toBe('ki-traeger');
    // In a context sentence it is context.
    expect(answered('Bei uns im Kreis sind viele Familien neu zugewandert. Was ist Griffbereit?')).toBe('griffbereit');
    // "in unserem Gebiet" names the writer's own region too.
    expect(kb.matchMessage('Welche Angebote hat das KI in unserem Gebiet?').main.outcome).toBe('none');
  });

  it('should forward a question about another local office ("das Jugendamt") and keep the office as context', () => {
    // The LaKI's e-mail address is not the youth office's.
    expect(kb.matchMessage('welche mailadresse hat das jugendamt?').main.declineReason).toBe('forward-term');
    expect(kb.matchMessage('Wie erreiche ich das Jobcenter telefonisch?').main.declineReason).toBe('forward-term');
    // Where the writer works is context.
    expect(answered('Ich arbeite im Jugendamt. Welche E-Mail-Adresse hat die LaKI?')).toBe('laki-email');
  });

  it('should read a question variant with context the way an editor wrote it', () => {
    // Known context that matters ("ein Kreis") is read with the question when the whole message answers.
    expect(answered('Wir sind ein Kreis – können wir ein KI aufbauen?')).toBe('ki-traeger');
    // …but not when the question sets itself against the context.
    expect(answered('Guten Morgen, die Adresse habe ich schon, aber wer fördert die LaKI eigentlich?')).toBe('laki-foerderung');
  });

  it('should read "dort" as the last place the sentence it points into names', () => {
    const message =
      'Ich bin Koordinatorin im Integrationszentrum in Herne und kenne bei der Landesstelle noch niemanden. Wer sind dort die Personen, an die ich mich wenden kann?';
    expect(answered(message)).toBe('laki-ansprechpersonen');
    expect(kb.matchMessage('Ich ziehe nach Bielefeld. Wo ist dort das KI?').main.outcome).toBe('none');
  });

  it('should read "da hin" as the destination the sentence it points into names, not as its other words', () => {
    // The visit's place is the LaKI; the writer's office, district and season are context.
    const visit = 'Moin! Wir vom Integrationsbüro im Kreis Olpe planen im Frühjahr einen Besuch bei der LaKI mit dem ganzen Team. Wo genau müssen wir da hin?';
    expect(answered(visit)).toBe('laki-besuchsadresse');
    // Asking the way there asks where the place is, also without a question word for a place.
    expect(answered('wir haben am montag einen termin bei der laki. wie kommen wir da hin?')).toBe('laki-besuchsadresse');
    // A destination the knowledge base does not know carries the part: no LaKI address for it.
    expect(kb.matchMessage('Ich fahre nächste Woche nach Bielefeld. Wie komme ich da hin?').main.outcome).toBe('none');
    // Nor for a local centre, named with its place or not, or another body.
    expect(kb.matchMessage('Ich will zum KI in Bielefeld. Wie komme ich da hin?').main.outcome).toBe('none');
    expect(kb.matchMessage('Wir planen einen Besuch beim KI im Kreis Lippe. Wie kommen wir da hin?').main.outcome).toBe('none');
    expect(kb.matchMessage('Ich schreibe bald einen Antrag beim Land. Wo schicke ich den da hin?').main.outcome).toBe('none');
    // "bis dahin" is a time, not a way.
    expect(kb.matchMessage('Wir beantragen die Förderung nach dem Teilhabe- und Integrationsgesetz. Was müssen wir bis dahin tun?').main.outcome).toBe('none');
  });

  it('should read a pointer at a sentence that gives a reason as pointing at what the sentence states', () => {
    // "sowas" stands for the new needs, not for the families' arrival the "weil" clause gives as their reason.
    const message =
      'Bei uns tauchen gerade ganz neue Bedarfe auf, weil viele Familien aus der Ukraine gekommen sind, und wir fragen uns, ob sowas landesweit aufgegriffen wird. Macht die LaKI sowas?';
    const [part] = kb.explainMessage(message).parts;
    expect(part!.leansOn).toBe('Bei uns tauchen gerade ganz neue Bedarfe auf');
    expect(answered(message)).toBe('laki-bedarfe-impulse');
  });

  it('should read a pointer at a sentence that concedes something as pointing at what the sentence before states', () => {
    // "sowas" stands for the older people staying away, not for how many live in the district.
    const message = 'Uns ist aufgefallen, dass ältere Zugewanderte kaum in unsere Seniorentreffs gehen, obwohl im Stadtteil viele wohnen. Wer kümmert sich um sowas?';
    expect(kb.explainMessage(message).parts[0]!.leansOn).toBe('dass ältere Zugewanderte kaum in unsere Seniorentreffs gehen');
    // A sentence that opens with "Obwohl …," states its own main clause: the sentence before is not what "sowas" means.
    const opening = 'Griffbereit haben wir schon in zwei Kitas. Obwohl es im Quartier viele Vereine gibt, weiß keiner, was die anderen machen. Wer kümmert sich um sowas?';
    expect(kb.explainMessage(opening).parts[0]!.leansOn).toBe('Obwohl es im Quartier viele Vereine gibt, weiß keiner');
    // A reason typed as a sentence of its own is still passed over.
    expect(answered('Bei uns tauchen neue Bedarfe auf. Weil viele Familien gekommen sind. Macht die LaKI sowas?')).toBe('laki-bedarfe-impulse');
    // "da" does not point into what is conceded either (it may point into a reason: "Was steht da drin?").
    const there = 'Wir merken seit Jahren, dass ältere Migrantinnen unsere Begegnungsstätten kaum nutzen, obwohl im Quartier viele wohnen. Kann das KI da was machen?';
    expect(kb.explainMessage(there).parts[0]!.leansOn).toBe('dass ältere Migrantinnen unsere Begegnungsstätten kaum nutzen');
    expect(answered(there)).toBe('querschnitt-senioren');
  });

  it('should decline a part naming only the centre when the sentence it leans on names nothing the knowledge knows', () => {
    const visa = 'Mein Schwager ist mit einem Visum zur Arbeitssuche eingereist, das läuft am 30. Juni ab. Kann das KI da was machen?';
    expect(kb.explainMessage(visa).parts[0]!.leansOn).toBe('Mein Schwager ist mit einem Visum zur Arbeitssuche eingereist');
    expect(kb.matchMessage(visa).main.outcome).toBe('none');
    // A known word in the sentence leaned on, or in the part itself, still lets it answer.
    expect(answered('Bei uns kommen ältere Zugewanderte kaum in die Seniorentreffs. Kann das KI da was machen?')).toBe('querschnitt-senioren');
  });

  it('should read whose duty it is as the frame of a part leaning on a sentence, not as its topic', () => {
    expect(answered('Bei uns kommen ältere Zugewanderte kaum in die Seniorentreffs. Wer ist für sowas zuständig?')).toBe('querschnitt-senioren');
    // What the sentence names must still be known: broken street lights are nobody's topic here.
    expect(kb.matchMessage('Bei uns sind seit Wochen die Straßenlaternen kaputt. Wer ist für sowas zuständig?').main.outcome).toBe('none');
    // Asked for the duties themselves, "Aufgaben" is the topic.
    expect(answered('Ich habe von der LaKI gehört. Welche Aufgaben hat sie?')).toBe('laki-kernaufgaben');
    expect(answered('In unserer Stadt gibt es ein KI. Welche Aufgaben hat das?')).toBe('ki-was-ist');
    expect(answered('Ich habe von der LaKI gehört. Wofür ist sie zuständig?')).toBe('laki-kernaufgaben');
    // Whether the reader takes care of it is asked like who does.
    expect(answered('Bei uns kommen ältere Zugewanderte kaum in die Seniorentreffs. Kümmert ihr euch um sowas?')).toBe('querschnitt-senioren');
  });

  it('should read "gehört das zu euren Aufgaben?" after a sentence as asking whose duty it is, not for the LaKI\'s tasks', () => {
    expect(answered('Guten Tag. Unsere Kitas wollen die Zusammenarbeit mit zugewanderten Eltern verbessern. Gehört das zu euren Aufgaben?')).toBe('eltern-zusammenarbeit');
    expect(answered('Wir wollen ältere Migrantinnen und Migranten besser in die Altenhilfe einbinden. Gehört das zu euren Aufgaben?')).toBe('querschnitt-senioren');
    // What the sentence names must still be known: a flat is nobody's duty here.
    expect(kb.matchMessage('Ich bin Erzieherin in einer Kita in Köln. Eine Familie sucht dringend eine größere Wohnung. Gehört das zu euren Aufgaben?').main.outcome).toBe('none');
    // Asked for the duties themselves, "Aufgaben" is the topic.
    expect(answered('Ich habe von der LaKI gehört. Welche Aufgaben hat sie?')).toBe('laki-kernaufgaben');
  });

  it('should read an office compound in a sentence a thin part points into as the writer\'s office, not the LaKI\'s', () => {
    // "Stadtteilbüro": the district is the topic; "Büro" is where the writer works, not the LaKI's visiting address.
    expect(answered('Wir sollen als Stadtteilbüro stärker im Quartier arbeiten. Ist das bei den KIs auch ein Thema?')).toBe('querschnitt-sozialraum');
    // Asked where, the office stays the place asked about.
    expect(answered('Wir wollen beim LaKI-Büro vorbeischauen. Wie kommen wir da hin?')).toBe('laki-besuchsadresse');
  });

  it('should let the writer\'s introduction tell the action area of a sentence a thin part points into', () => {
    // The sentence alone ("Familien", "Deutsch") leaves the area open; the midwife's further training answers.
    expect(answered('Ich bin Hebamme in Bielefeld. Viele meiner Familien sprechen kaum Deutsch. Gibt es da was von euch?')).toBe('fruehe-bildung-fortbildung');
    expect(answered('Ich bin Fachleiterin an einem Studienseminar in Essen. Unsere Referendare fühlen sich auf mehrsprachige Klassen schlecht vorbereitet. Könnt ihr da beraten?')).toBe(
      'schulentwicklung-beratung',
    );
    // Not when the sentence asks what the knowledge lacks: a date, an unknown thing.
    expect(kb.matchMessage('Ich bin Hebamme in Bielefeld. Wir brauchen für unsere Familien am 3. Mai eine Dolmetscherin. Könnt ihr da helfen?').main.outcome).toBe('none');
    expect(kb.matchMessage('Ich arbeite in einer Stadtbibliothek. Ein Besucher fragt nach einem Deutschkurs für Erwachsene am Abend. Bietet ihr sowas an?').main.outcome).toBe('none');
    // Nor when the sentence shares no word with the area: the introduction does not stand in for it.
    expect(kb.matchMessage('Wir sind ein Museum in Bochum mit 60.000 Besuchern. Unser Team möchte Angebote für Menschen mit Migrationsgeschichte entwickeln. Ist das auch euer Thema?').main.answer).toBeNull();
    // A writer working for a centre names no area.
    const staff = 'Hallo, ich bin neu im KI Kreis Coesfeld. Mein Chef meinte, die Zentren sprechen sich regelmäßig miteinander ab und die LaKI kümmert sich drum, dass das klappt. Stimmt das so? LG';
    expect(kb.matchMessage(staff).main.answer).toBeNull();
  });

  it('should offer the writer\'s area beside an answer that has none of the words naming the writer', () => {
    const firm = kb.matchMessage('Wir sind ein Unternehmen in Gütersloh. Wir möchten Fachkräfte aus Indien anwerben. Macht ihr sowas?').main;
    expect(firm.outcome).toBe('suggest');
    expect(firm.suggestions.map((entry) => entry.id)).toEqual(['querschnitt-unternehmer', 'handlungsfelder-ueberblick']);
    // An answer with a word naming the writer stays.
    expect(answered('Ich bin Erzieherin in einer Kita in Dortmund. Ich möchte mich zum Thema Mehrsprachigkeit weiterbilden. Macht ihr sowas?')).toBe('sprachbildung');
  });

  it('should not pass over a sentence that tells how long a problem has lasted, nor narrow "sowas" to a bare wish', () => {
    // "schon immer schwierig gewesen", "schon lange": the problem the writer asks about, not something already done.
    expect(answered('Wir sind Träger einer Kita. Die Zusammenarbeit mit Eltern ist schon immer schwierig gewesen. Wie unterstützt das KI da?')).toBe(
      'eltern-zusammenarbeit',
    );
    const lasting = 'Ich bin in der Verwaltung der Stadt Hamm. Wir beschäftigen uns schon lange mit dem Übergang von der Schule in den Beruf, gerade bei Geflüchteten. Was bietet das KI da?';
    expect(answered(lasting)).toBe('uebergang-schule-beruf');
    // What is already done is passed over for a context sentence, never for a question before it.
    const parts = kb.matchMessage('Was macht die LaKI? Wir haben bereits ein Integrationskonzept erstellt. Wer hilft uns da?').parts;
    expect(parts.map((part) => part.answer?.id)).toEqual(['laki-was-ist', 'laki-beratung-kommunen']);
    // A wish whose only topic word is its verb ("plant") says nothing the knowledge holds.
    expect(kb.matchMessage('Die Eltern in unserer Kita sprechen kaum Deutsch und die Leitung plant einen Elternabend. Unterstützt ihr sowas?').main.outcome).toBe('none');
    // "da drin" points into the text the sentence names, not at the wish.
    expect(kb.matchMessage('Ich habe den Erlass gelesen und wir planen jetzt ein eigenes KI. Was steht da drin?').main.outcome).not.toBe('answer');
  });

  it('should keep an asked statement and a bare "wie" with the questions they are', () => {
    // "Rucksack-Kita wird auch vom KI angeboten?" asks, though its verb stands second after a comma.
    const asked = kb.matchMessage('Noch was, Rucksack-Kita wird auch vom KI angeboten? Und wie ist die Telefonnummer?').parts;
    expect(asked.map((part) => part.answer?.id)).toEqual(['rucksack-kita', 'laki-telefon']);
    // "wissen aber nicht, wie." is the writer's question too.
    const how = askedParts(kb.matchMessage('Wir möchten ein KI gründen, wissen aber nicht, wie. Und wer fördert die LaKI?'));
    expect(how.map((part) => part.answer?.id)).toEqual(['ki-einrichten', 'laki-foerderung']);
  });

  it('should keep the rules of 7 December\'s fourth session to what they were written for (second review)', () => {
    // A duty fragment that asks for costs keeps its own reading: the knowledge does not say who pays.
    const costs = askedParts(kb.matchMessage('Bietet das KI Fortbildungen für Erzieherinnen an? Wer übernimmt dafür die Kosten?'));
    expect(costs.map((part) => part.outcome)).toEqual(['answer', 'none']);
    // "während der Ferien", "solange die Landesmittel fehlen" are part of what is asked.
    expect(kb.matchMessage('Gibt es Angebote für Kita-Kinder, während der Ferien?').main.outcome).toBe('none');
    expect(kb.matchMessage('Wer fördert das KI, solange die Landesmittel fehlen?').main.outcome).toBe('none');
    // Why or on which basis a body was founded the flyer tells.
    expect(answered('Nach welchem Gesetz wurden die KIs gegründet?')).toBe('ki-rechtsgrundlage');
    expect(answered('Wozu wurde die LaKI gegründet?')).toBe('laki-was-ist');
    // How often the centres meet, however it is asked.
    expect(kb.matchMessage('Treffen sich die KIs regelmäßig?').main.outcome).toBe('none');
    expect(kb.matchMessage('Gibt es einen regelmäßigen Austausch der Integrationszentren?').main.outcome).toBe('none');
    // In a sentence that asks, a statement after the comma of an asking clause is context.
    expect(answered('Gibt es Fortbildungen für Erzieherinnen, Haushaltsmittel sind dafür nicht eingeplant?')).toBe('fruehe-bildung-fortbildung');
    // "Wir hatten schon … verteilt" reports what is done, like "haben schon".
    const tried = 'Unsere Senioren kommen kaum in die Begegnungsstätten. Wir hatten schon Flyer verteilt, ohne Erfolg. Kann das KI da helfen?';
    expect(answered(tried)).toBe('querschnitt-senioren');
  });

  it('should keep the rules of 7 December\'s fifth session to what they were written for (first review)', () => {
    // A pointer at a thing ("da drin", "eins", "die") may point into a concession, which can name it.
    expect(answered('Unser KI macht viel für Kitas, obwohl der Erlass das gar nicht so vorsieht. Was steht da eigentlich drin?')).not.toBe('fruehe-bildung');
    expect(answered('Wir planen ein KI, obwohl wir noch kein Integrationskonzept haben. Brauchen wir da zwingend eins?')).toBe('ki-integrationskonzept');
    // A hedge after a yes/no question joins a second object of its verb, not a second thing asked for.
    expect(kb.matchMessage('Können Sie mir sagen, ob die LaKI Kommunen berät und vielleicht die Schulen?').main.outcome).not.toBe('answer');
    // Sentences and paragraphs of a law are facts asked about, not the answer's form.
    expect(kb.matchMessage('Regelt § 7 die Förderung in 2 Absätzen?').main.outcome).toBe('none');
    expect(kb.matchMessage('Wird die Förderung der KI im Gesetz in 2 Sätzen geregelt?').main.outcome).toBe('none');
    // An answer to an either-or question still names one alternative's nouns.
    expect(kb.matchMessage('Fördert das Land die Elternarbeit in Kitas oder zahlen das die Kommunen?').main.outcome).not.toBe('answer');
  });

  it('should answer the first alternative of an either-or question when a later one only names a town or body the knowledge does not know', () => {
    expect(answerText(kb.matchMessage('Sitzt die LaKI in Dortmund oder in Düsseldorf?').main.answer!)).toMatch(/Dortmund/);
    expect(answerText(kb.matchMessage('Ist die LaKI bei der Bezirksregierung Arnsberg angesiedelt oder bei der Bezirksregierung Köln?').main.answer!)).toMatch(/Arnsberg/);
    expect(answerText(kb.matchMessage('Wird die LaKI vom Land gefördert oder vom Bund?').main.answer!)).toMatch(/Ministerium/);
    // Not when the first alternative has an unknown word itself, nor when the later one is asked on top of it.
    expect(kb.matchMessage('Soll ich mich für den Integrationskurs beim BAMF oder bei der VHS anmelden?').main.outcome).toBe('none');
    expect(kb.matchMessage('Gibt es die Kommunalen Integrationszentren in NRW oder auch in Bayern?').main.outcome).toBe('none');
    // Nor when the later alternative is a question of its own, which the answer may affirm.
    expect(kb.matchMessage('Fördert das Land die Elternarbeit in Kitas oder zahlen das die Kommunen?').main.outcome).not.toBe('answer');
  });

  it('should forward "regelmäßig" only where it asks how often', () => {
    expect(answered('Bietet das KI regelmäßig Fortbildungen für Erzieherinnen an?')).toBe('fruehe-bildung-fortbildung');
    expect(kb.matchMessage('Wie regelmäßig trifft sich der Verbund?').main.outcome).toBe('none');
  });

  it('should answer "wer kümmert sich darum?" with the part before when its answer says who does it', () => {
    const shown = askedParts(kb.matchMessage('Tauschen sich die Integrationszentren untereinander aus, und wer kümmert sich darum?'));
    expect(shown.map((part) => [part.outcome, part.answer?.id])).toEqual([['answer', 'laki-austausch']]);
    // An answer that names nobody leaves the question as it was.
    const unnamed = kb.matchMessage('Was ist Rucksack-Kita, und wer kümmert sich darum?').parts;
    expect(unnamed[1]?.answer?.id).not.toBe('rucksack-kita');
  });

  it('should read "da" as the problem the writer describes, not as what they have already tried', () => {
    const message = 'In unseren Seniorentreffs kommen kaum ältere Zugewanderte an. Die Beratungsstelle hat schon Flyer auf Türkisch verteilt, ohne Erfolg. Kann das KI da helfen?';
    expect(answered(message)).toBe('querschnitt-senioren');
  });

  it('should read "sowas" as what the writer wants, not as the situation they describe before it', () => {
    // The numbers of the situation are unknown to the knowledge base; the wish is what is asked about.
    const message = 'Bei uns leben Familien aus 40 Herkunftsländern und das Kollegium wünscht sich Fortbildungen zur Sprachbildung. Bietet ihr sowas an?';
    expect(answered(message)).toBe('schulentwicklung-fortbildung');
  });

  it('should read an indirect question the writer did not know in the past as context, one they would like to know as asked', () => {
    // "wussten" (past) tells the story; "wüssten gern" hands the question on.
    for (const past of [
      'Unser Verein wollte schon länger mit der Verwaltung kooperieren, wir wussten aber nicht, an wen wir uns wenden sollen. Ist das KI dafür da?',
      'Wir wussten damals nie, an wen wir uns wenden sollen. Ist das KI dafür da?',
    ]) {
      expect(kb.explainMessage(past).parts.map((part) => part.text)).toEqual(['Ist das KI dafür da?']);
    }
    // Without a word of the story ("nie", "damals"), or with a wish typed without dots, it is asked.
    expect(kb.explainMessage('Wir wussten nicht, ob die Integrationszentren auch Seniorinnen und Senioren unterstützen. Wie erreiche ich die LaKI?').parts).toHaveLength(2);
    expect(kb.explainMessage('Hallo, ich wusste gern, wer bei der LaKI für Schulen zuständig ist. Und wie ist die Telefonnummer?').parts).toHaveLength(2);
    const wish = 'Unser Verein will mit der Verwaltung kooperieren, und wir wüssten gern, an wen wir uns wenden sollen. Ist das KI dafür da?';
    expect(kb.explainMessage(wish).parts).toHaveLength(2);
  });

  it('should decline a thin part whose "sie" stands for a person the part before asked about and the knowledge lacks', () => {
    const parts = kb.matchMessage('Wer leitet eigentlich das Integrationszentrum in Hamm, und wie erreiche ich sie?').parts;
    expect(parts.map((part) => part.outcome)).toEqual(['none', 'none']);
    // After a part that asks for no person, "sie" may stand for the LaKI: it asks for the LaKI's contact.
    expect(kb.matchMessage('Hat die LaKI einen Newsletter, und wie erreiche ich sie?').parts[1]!.answer?.id).toBe('laki-kontakt');
  });

  it('should answer a part leaning on a context sentence by its own words when the best entry has them all, far ahead', () => {
    // The sentence's many unknown words lowered the score below an answer's; "vernetzt" decides.
    const message = 'Im Viertel gibt es viele Initiativen, Vereine, Gemeinden und Träger, und jeder macht sein eigenes Ding. Vernetzt das KI sowas?';
    expect(answered(message)).toBe('ki-vernetzung');
    // Own words that name no topic ("Wie sehen die KIs das?") leave it to the choices or a decline.
    const view = 'Bei uns heißt es immer, Integration sei allein Sache des Sozialdezernats. Wie sehen die Integrationszentren das?';
    expect(kb.matchMessage(view).main.outcome).not.toBe('answer');
  });

  it('should read the occasion and chat words around a request as context', () => {
    // A school project is what the answer is for; "angeben" (state) and "auf die Schnelle" name no topic.
    expect(answered('Ich bin Azubi in der Stadtverwaltung Lünen und muss für meine Projektarbeit die Internetseite der Kommunalen Integrationszentren angeben. Hast du die?')).toBe('laki-webseite');
    expect(answered('Hallo, kurze Sache aus dem Ordnungsamt: ich bräuchte mal die telefonnummer von der laki, find die auf die schnelle nicht')).toBe('laki-telefon');
  });

  it('should read an informal request to be sent something as a part of its own', () => {
    const parts = kb.matchMessage('Bitte schick mir die Postanschrift der LaKI und sag mir, wer dort Ansprechpartner ist.').parts;
    expect(parts.map((part) => part.answer?.id)).toEqual(['laki-postanschrift', 'laki-ansprechpersonen']);
    // Only where it opens its clause: reported speech is no request.
    const reported = 'Meine Kollegin meinte, ich soll die LaKI fragen und die sag mir dann schon Bescheid. Wer berät Kommunen beim Aufbau eines KI?';
    expect(kb.matchMessage(reported).parts).toHaveLength(1);
  });

  it('should read "den" standing alone as pointing back, but not as the article of an adjective', () => {
    expect(answered('Wie unterstützt das KI die Kitas bei den neuen Familien?', { lastEntryId: 'laki-telefon' })).toBe('fruehe-bildung');
  });

  it('should let a pointer into a sentence with a reason point at the reason unless it asks for "sowas"', () => {
    expect(answered('Wir gründen kein KI, weil uns der Erlass zu kompliziert ist. Was steht da drin?')).toBe('ki-erlass');
  });

  it('should read an emoji before a space as the end of a sentence, also in a message of one clause', () => {
    const [part] = kb.matchMessage('Unser Amt will das per Fax schicken 🙄 habt ihr ne Faxnummer?').parts;
    expect([part!.text, part!.answer?.id]).toEqual(['habt ihr ne Faxnummer?', 'laki-fax']);
  });

  it('should read a bare phrase with "?" after a greeting as the question to the reader', () => {
    // Next to it, the indirect question the writer weighs is context, not a part of its own.
    const parts = kb.matchMessage('Wir überlegen gerade, wie wir die Elternarbeit besser organisieren. Moin, Telefonnummer der LaKI?').parts;
    expect(parts.map((part) => part.answer?.id)).toEqual(['laki-telefon']);
  });

  it('should read "sie" as the body a sentence names beside a thing when only a body is funded or seated', () => {
    const parts = kb.matchMessage('Was ist die Aufgabe der LaKI, wer fördert sie und wo ist sie angesiedelt?').parts;
    expect(parts.map((part) => part.answer?.id)).toEqual(['laki-kernaufgaben', 'laki-foerderung', 'laki-bezirksregierung']);
  });

  it('should read "Ist das ein Thema für die Kommunalen Integrationszentren?" after an asked piece as asking that piece of the centres', () => {
    // Not "what is a centre": the adjective belongs to the centres' name, so the part names only the actor.
    const message =
      'Wir haben viele Gründungen von Menschen mit Migrationshintergrund. Ich frage mich, ob das KI hier ein Partner für uns sein könnte. Ist das ein Thema für die Kommunalen Integrationszentren?';
    expect(kb.matchMessage(message).parts.map((part) => part.answer?.id)).not.toContain('ki-was-ist');
  });

  it('should answer what an abbreviation stands for only where an entry spells it out', () => {
    expect(kb.matchMessage('Wofür steht NRW?').main.outcome).toBe('none');
    expect(answered('Wofür steht LaKI?')).toBe('laki-was-ist');
    expect(answered('What does KI stand for?')).toBe('ki-was-ist');
    expect(answered('Was bedeutet die Abkürzung MSW?')).toBe('laki-foerderung');
    expect(answered('Was heißt KIs?')).toBe('ki-was-ist');
    // Also when the abbreviation is written in the sentence the part leans on.
    expect(kb.matchMessage('In unseren Unterlagen steht ständig NRW. Wofür steht die Abkürzung?').main.outcome).toBe('none');
  });

  it('should read "denen" in a follow-up as the LaKI when the last answer opens with it as its subject', () => {
    // "Die LaKI berät Kommunen bei der Einrichtung …" – "wie schreib ich denen ne mail?"
    expect(answered('ok. wie schreib ich denen ne mail?', { lastEntryId: 'ki-einrichten' })).toBe('laki-email');
    // After an answer about the centres, their mail address is a local fact.
    expect(kb.matchMessage('wie schreib ich denen ne mail?', { lastEntryId: 'ki-was-ist' }).main.outcome).toBe('none');
  });

  it('should read "da"/"dort" in a follow-up asking for a contact person as the LaKI when the last answer opens with it', () => {
    expect(answered('und wer ist dort die ansprechpartnerin?', { lastEntryId: 'laki-austausch' })).toBe('laki-ansprechpersonen');
    // After an answer about the centres' work with schools, the contact person is a local one.
    expect(kb.matchMessage('und wer ist da ansprechpartner?', { lastEntryId: 'schulentwicklung' }).main.outcome).toBe('none');
    // Naming another body, the part asks about that body's people.
    expect(kb.matchMessage('und wer ist dort in den Kommunen Ansprechpartner?', { lastEntryId: 'laki-austausch' }).main.outcome).toBe('none');
    // "wer ist da zuständig?" asks for the person there, not for the LaKI's tasks.
    expect(answered('und wer ist da zuständig?', { lastEntryId: 'laki-was-ist' })).toBe('laki-ansprechpersonen');
    expect(answered('wer ist dort zuständig?', { lastEntryId: 'laki-besuchsadresse' })).toBe('laki-ansprechpersonen');
    expect(kb.matchMessage('wer ist da zuständig?', { lastEntryId: 'schulentwicklung' }).main.outcome).toBe('none');
  });

  it('should decline a question for the centres of a region, although the LaKI sits in one', () => {
    const listing = kb.matchMessage('Welche KIs gibt es im Regierungsbezirk Arnsberg?').main;
    expect([listing.outcome, listing.nearby?.map((entry) => entry.id)]).toEqual(['none', ['laki-bezirksregierung']]);
    expect(answered('Bei welcher Bezirksregierung ist die LaKI?')).toBe('laki-bezirksregierung');
  });

  it('should decline a question for a size required, not one for a degree', () => {
    expect(kb.matchMessage('Wie groß muss ein Elternverein sein, damit er Multiplikatoren zur Fortbildung schicken kann?').main.outcome).toBe('none');
    expect(answered('Wie groß ist die Bedeutung der Bildung für die Arbeit der KIs?')).toBe('ki-strategien');
  });

  it('should read who within a body is responsible as a question for a person there', () => {
    // The LaKI's contact persons answer for the LaKI; a ministry's people are not in the flyer, and
    // neither its funding nor the LaKI's contact persons answer for them.
    expect(answered('Wer ist bei der LaKI zuständig?')).toBe('laki-ansprechpersonen');
    const ministry = kb.matchMessage('Wer ist im Ministerium für Arbeit, Integration und Soziales konkret für die Integrationszentren zuständig? Ich bräuchte einen Namen.');
    expect(ministry.main.outcome).toBe('none');
    expect(kb.matchMessage('Wer ist beim Schulministerium für die KIs verantwortlich?').main.outcome).toBe('none');
    // Who is responsible for a task, with no body to look into, asks for the body that does it;
    // so does one within a body that is not a named institution.
    expect(answered('Wer ist für die Evaluation zuständig?')).toBe('laki-zusammenarbeit-land');
    expect(answered('Wer ist im Kreis für die Einrichtung eines KI verantwortlich?')).toBe('ki-traeger');
    // "Referat" is a department here, not a talk the answer is for.
    expect(kb.matchMessage('Welche Ansprechperson ist für das Referat Integration zuständig?').main.outcome).toBe('none');
  });

  it('should read "die Abkürzung" as an abbreviation written before, and decline one the knowledge does not know', () => {
    expect(answered('In unseren Protokollen steht dauernd LaKI, und keiner erklärt es. Wofür steht die Abkürzung?')).toBe('laki-was-ist');
    expect(kb.matchMessage('Im Protokoll steht ständig BAMF. Wofür steht das Kürzel?').main.outcome).toBe('none');
    expect(kb.matchMessage('Die Kollegin sprach von den MSOs. Wofür steht die Abkürzung?').main.outcome).not.toBe('answer');
  });

  it('should not require an entry to have a generic noun of the question ("zu interkulturellen Themen")', () => {
    expect(answered('Berät das Kommunale Integrationszentrum auch Studienseminare zu interkulturellen Themen?')).toBe('schulentwicklung-beratung');
    expect(answered('Sind ältere Migrantinnen und Migranten auch eine Zielgruppe der Integrationszentren?')).toBe('querschnitt-senioren');
  });

  it('should not let a category overview that covers no more of the question contest the lead of an entry it lists', () => {
    // The transition overview holds the projects among its fields: the projects entry answers.
    expect(answered('Was tun die KIs beim Übergang der Jugendlichen in Ausbildung und Beruf?')).toBe('uebergang-projekte');
    // The early-years overview covers more of "programmes for parents" than the parents entry: it answers.
    expect(answered('Are there any programmes for parents from the integration centre?')).toBe('fruehe-bildung');
  });

  it('should read a part that names only the actor its pronoun stands for as a question about that actor', () => {
    // "die" is the LaKI: the part asks what the LaKI does, not again who funds it.
    const result = kb.matchMessage('Wer bezahlt die Landesstelle, und was macht die überhaupt?');
    expect(result.parts.map((part) => part.answer?.id)).toEqual(['laki-foerderung', 'laki-was-ist']);
  });

  it('should not answer "Kann das KI sowas?" after a question as a question of its own', () => {
    // It asks whether the centre does what the question before asked, not what a centre is.
    const result = kb.matchMessage('Unsere Schulleitungen fragen, ob es Beratung zur interkulturellen Öffnung von Schulen gibt. Kann das KI sowas?');
    expect(result.parts.map((part) => part.answer?.id)).toEqual(['schulentwicklung']);
    // Written apart too.
    expect(kb.matchMessage('Unsere Schulleitungen fragen, ob es Beratung zur interkulturellen Öffnung von Schulen gibt. Macht das KI so was?').parts).toHaveLength(1);
    // After a question about the other actor, it asks something of its own and stays a part.
    expect(kb.matchMessage('Wie ist die Telefonnummer der LaKI? Hat das KI sowas auch?').parts).toHaveLength(2);
  });

  it('should offer the first entry that has the key noun among the choices when the best one lacks it', () => {
    // The last answer (the LaKI's partners) scores highest but says nothing of the Land; of the
    // choices, "die" (the LaKI the last answer is about) picks the LaKI's work with the Land.
    const result = kb.matchMessage('und mit dem Land, was machen die da zusammen?', { lastEntryId: 'laki-kooperation-partner' }).main;
    expect(result.answer?.id).toBe('laki-zusammenarbeit-land');
  });

  it('should let the part before pick among the choices of a part that points at it with an adverb', () => {
    const result = kb.matchMessage('Welche Programme bieten die KI in der frühen Bildung an und für wen gibt es da Fortbildungen?');
    expect(result.parts.map((part) => part.answer?.id)).toEqual(['griffbereit', 'fruehe-bildung-fortbildung']);
  });

  it('should ask the last question of another subject when a follow-up names only the subject ("und die KIs?")', () => {
    expect(answered('und die KIs?', { lastEntryId: 'laki-foerderung' })).toBe('ki-foerderung');
    expect(answered('und die LaKI?', { lastEntryId: 'ki-foerderung' })).toBe('laki-foerderung');
    expect(answered('und die Faxnummer?', { lastEntryId: 'laki-telefon' })).toBe('laki-fax');
  });

  it('should let the conversation pick among the choices a follow-up\'s own words leave', () => {
    // Courses for schools or for the early years: after an early-years programme, the early years.
    expect(answered('und für wen gibt es Fortbildungen?', { lastEntryId: 'griffbereit' })).toBe('fruehe-bildung-fortbildung');
    // After the phone number, neither course entry is near: still a choice.
    expect(kb.matchMessage('und für wen gibt es Fortbildungen?', { lastEntryId: 'laki-telefon' }).main.outcome).toBe('suggest');
    // A question that asks anew is not bent towards the last answer's neighbour.
    expect(answered('wer kann so eins einrichten?', { lastEntryId: 'ki-was-ist' })).not.toBe('laki-was-ist');
  });

  it('should read a thin question that points into its context sentence with that sentence', () => {
    expect(answered('Bei uns gibt es viele ältere Migranten im Quartier. Können die KIs dort etwas machen?')).toBe('querschnitt-senioren');
    expect(answered('Wir wollen Jugendliche mit Migrationshintergrund beim Berufseinstieg begleiten. Woran orientieren sich die KIs dabei?')).toMatch(
      /^uebergang-/,
    );
    // The borrowed words help the question; its own forward terms still decline it.
    expect(kb.matchMessage('Wir interessieren uns für Griffbereit. Was kostet das?').main.outcome).toBe('none');
  });

  it.each([
    ['Ich benötige Auskunft über die Aufgaben der LaKI.', 'laki-kernaufgaben'],
    ['Können Sie mir die Postanschrift der LaKI zukommen lassen?', 'laki-postanschrift'],
    ['Wir suchen Infos zu Rucksack-Kita für unsere Familienzentren.', 'rucksack-kita'],
  ])('should not let the words of a request weigh as its topic: %j', (message, entryId) => {
    expect(answered(message)).toBe(entryId);
  });

  it('should still decline when an unknown word carries the question', () => {
    expect(kb.matchMessage('Ich arbeite in Dortmund. Gibt es Parkplätze bei der LaKI?').main.outcome).toBe('none');
    // Who heads an office is not in the flyer, though the office is.
    expect(kb.matchMessage('Ich muss ein Schreiben adressieren. Wer leitet das Dezernat 37 bei der Bezirksregierung Arnsberg?').main.outcome).toBe('none');
    expect(kb.matchMessage('Who is the head of the LaKI?').main.outcome).toBe('none');
  });

  it('should judge each question of a message alone', () => {
    const result = kb.matchMessage('Hallo, wie ist die Telefonnummer der LaKI und wie hoch ist die Förderung pro Jahr?');
    expect(result.parts.map((part) => [part.text, part.outcome])).toEqual([
      ['wie ist die Telefonnummer der LaKI', 'answer'],
      ['wie hoch ist die Förderung pro Jahr?', 'none'],
    ]);
    expect(result.parts[0]!.answer?.id).toBe('laki-telefon');
    expect(result.main.answer?.id).toBe('laki-telefon');
  });

  it('should read a paragraph number as one fact: § 7 is known, § 9 is not the 9 of an address', () => {
    expect(kb.matchMessage('Was regelt § 7 des Gesetzes?').main.answer?.id).toBe('ki-rechtsgrundlage');
    expect(kb.matchMessage('Was steht in § 9 des Teilhabe- und Integrationsgesetzes?').main.outcome).toBe('none');
    expect(kb.matchMessage('Was steht in Paragraph 9 des Teilhabegesetzes?').main.outcome).toBe('none');
    const result = kb.matchMessage('Was regelt § 7 und was steht in § 9 des Gesetzes?');
    expect(result.parts.map((part) => part.outcome)).toEqual(['answer', 'none']);
  });

  it('should answer both parts of a message with two covered questions', () => {
    const result = kb.matchMessage('Wer fördert die LaKI und wo sitzt sie?');
    expect(result.parts.map((part) => part.outcome)).toEqual(['answer', 'answer']);
    expect(answerText(result.parts[1]!.answer!)).toMatch(/Dortmund/);
  });

  it('should read an elliptic follow-up against the last answer', () => {
    const result = kb.matchMessage('und die Postleitzahl?', { lastEntryId: 'laki-besuchsadresse' });
    expect(result.main.outcome).toBe('answer');
    expect(answerText(result.main.answer!)).toMatch(/44139/);
  });

  it('should read "in die Richtung" as "along those lines", not as a topic', () => {
    expect(answered('gibt es noch was ähnliches in die richtung?', { lastEntryId: 'rucksack-kita' })).toBe('griffbereit');
  });

  it('should read "was heißt das genau?" as a question about the last answer', () => {
    const result = kb.matchMessage('Was bedeutet das?', { lastEntryId: 'laki-kernaufgaben' });
    expect(result.followUp).toEqual({ entryId: 'laki-kernaufgaben' });
    expect(result.main.outcome).not.toBe('none');
  });

  it('should read "gilt das auch für …?" as the same question about another target', () => {
    expect(answered('gilt das auch für Schulen?', { lastEntryId: 'fruehe-bildung-interkulturelle-oeffnung' })).toBe('schulentwicklung-oeffnung');
    expect(answered('gibts dazu auch was für Grundschulen?', { lastEntryId: 'rucksack-kita' })).toBe('schulentwicklung');
  });

  it('should not answer a follow-up that points back with an entry far from the topic, nor the last answer again when it asks for more', () => {
    const examples = kb.matchMessage('gibt es dafür Beispiele?', { lastEntryId: 'querschnitt' }).main;
    expect(examples.answer?.id).not.toBe('schulentwicklung-gute-praxis');
    // The topic's own entry, answered (it lists examples) or offered.
    expect([examples.answer?.id, ...examples.suggestions.map((entry) => entry.id)]).toContain('querschnitt');
    expect(answered('was machen die sonst noch?', { lastEntryId: 'querschnitt' })).not.toBe('querschnitt');
  });

  it('should not give the last answer again for a follow-up it does not hold', () => {
    // The flyer does not say who pays for Rucksack-Kita: forward it, do not repeat the programme.
    const funding = kb.matchMessage('und wer bezahlt das?', { lastEntryId: 'rucksack-kita' }).main;
    expect(funding.outcome).toBe('none');
    // Asked with its own words, the part finds the centres' funding: about something else than the programme.
    expect(kb.matchMessage('wer bezahlt das für die Kita?', { lastEntryId: 'rucksack-kita' }).main.answer?.id).not.toBe('rucksack-kita');
    expect(kb.matchMessage('und wer finanziert das?', { lastEntryId: 'griffbereit' }).main.outcome).toBe('none');
    // "die" is the LaKI of the last answer: its contact entry answers.
    expect(answered('und wie erreiche ich die?', { lastEntryId: 'laki-kernaufgaben' })).toBe('laki-kontakt');
    // Asking for the last answer again in other words still gets it.
    expect(kb.matchMessage('was heißt das genau?', { lastEntryId: 'rucksack-kita' }).main.outcome).not.toBe('none');
  });

  it('should not give the last answer again when asked which ones exactly it names only as a group', () => {
    const after = { lastEntryId: 'laki-kooperation-partner' };
    expect(kb.matchMessage('und wer genau sind diese Unterstützungseinrichtungen?', after).main.outcome).toBe('none');
    expect(kb.matchMessage('mit welchen genau?', after).main.outcome).toBe('none');
    // One thing the last answer names is answered again ("welcher Paragraph genau?" after the legal basis).
    expect(answered('und welcher Paragraph genau?', { lastEntryId: 'ki-rechtsgrundlage' })).toBe('ki-rechtsgrundlage');
    // A last answer that lists them by name is given again.
    expect(answered('Wer genau sind die Ansprechpersonen?', { lastEntryId: 'laki-ansprechpersonen' })).toBe('laki-ansprechpersonen');
    expect(answered('welche sind das genau?', { lastEntryId: 'laki-foerderung' })).toBe('laki-foerderung');
    expect(answered('welche sind das konkret?', { lastEntryId: 'handlungsfelder-ueberblick' })).toBe('handlungsfelder-ueberblick');
    expect(answered('von wem genau kommt der Erlass?', { lastEntryId: 'ki-erlass' })).toBe('ki-erlass');
  });

  it('should read "gibt es sowas auch für Schulen?" as being about schools, not the last answer', () => {
    const result = kb.matchMessage('gibt es sowas auch für Schulen?', { lastEntryId: 'fruehe-bildung' }).main;
    const shown = result.answer ? [result.answer] : result.suggestions;
    expect(shown[0]?.category).toBe('schulentwicklung');
  });

  it('should answer "was macht sie sonst noch?" with a related entry, not the last answer again', () => {
    const result = kb.matchMessage('was macht sie sonst noch?', { lastEntryId: 'laki-kernaufgaben' }).main;
    const shown = result.answer ? [result.answer.id] : result.suggestions.map((entry) => entry.id);
    expect(shown.length).toBeGreaterThan(0);
    expect(shown).not.toContain('laki-kernaufgaben');
    expect(shown.every((id) => kb.getEntry('laki-kernaufgaben')!.related.includes(id))).toBe(true);
  });

  it('should read a follow-up\'s pronoun as the actor the last answer is about, where its own words leave both actors', () => {
    // "die" after the LaKI's core tasks is the LaKI; after the centres' cross-cutting work, the centres.
    expect(answered('und wer finanziert die?', { lastEntryId: 'laki-kernaufgaben' })).toBe('laki-foerderung');
    expect(answered('Und wer finanziert sie?', { lastEntryId: 'laki-kernaufgaben' })).toBe('laki-foerderung');
    expect(answered('und wer bezahlt die?', { lastEntryId: 'querschnitt' })).toBe('ki-foerderung');
    // "das" stands for a thing or the situation, not for an actor: still the choice.
    expect(kb.matchMessage('und wer finanziert das?', { lastEntryId: 'laki-kernaufgaben' }).main.outcome).toBe('suggest');
  });

  it('should not offer the last answer again as the one choice for what it does not hold', () => {
    // The contact persons are named, but not who of them does what: the knowledge does not say.
    expect(kb.matchMessage('und wer davon ist für Schulen zuständig?', { lastEntryId: 'laki-ansprechpersonen' }).main.outcome).toBe('none');
    expect(kb.matchMessage('und namentlich für Schule?', { lastEntryId: 'laki-ansprechpersonen' }).main.outcome).toBe('none');
    // What the contact persons' neighbours hold still answers.
    expect(answered('und die Telefonnummer?', { lastEntryId: 'laki-ansprechpersonen' })).toBe('laki-telefon');
  });

  it('should answer "was macht sie sonst noch?" with the rest of the subject: its overview, or what its actor does', () => {
    // A programme's field: the early years' overview.
    expect(answered('und was genau machen die KIs da sonst noch?', { lastEntryId: 'rucksack-kita' })).toBe('fruehe-bildung');
    // One of the LaKI's tasks, in a category without an overview above it: what the LaKI does.
    expect(answered('was macht sie sonst noch?', { lastEntryId: 'laki-qualitaetsentwicklung' })).toBe('laki-was-ist');
    expect(answered('und was macht sie sonst noch?', { lastEntryId: 'laki-bildungsfoerderung' })).toBe('laki-was-ist');
    // "auch" asks for the same elsewhere, not for more: a place the knowledge does not know stays declined.
    expect(kb.matchMessage('Gibt es das auch bei uns in Hamm?', { lastEntryId: 'griffbereit' }).main.outcome).toBe('none');
  });

  it('should not answer the LaKI\'s tasks with its partners because an entry asks "Mit wem zusammen erfüllt die LaKI ihre Aufgaben?"', () => {
    const result = kb.matchMessage('Welche Aufgaben erfüllt die LaKI?').main;
    expect(result.outcome === 'answer' ? result.answer?.id : result.suggestions[0]?.id).toBe('laki-kernaufgaben');
    expect(answered('Mit wem zusammen erfüllt die LaKI ihre Aufgaben?')).toBe('laki-kooperation-partner');
  });

  it('should read "wer …" about what the last answer is about as asking for the other actor its own words find', () => {
    // "landesweit" is the LaKI's: after the centres in the districts, the LaKI's tasks answer.
    expect(answered('und wer kümmert sich landesweit um die?', { lastEntryId: 'ki-traeger' })).toMatch(/^laki-/);
    // With "mit wem", the pronoun is the one doing it (the centres): not the LaKI's partners.
    expect(answered('und mit wem arbeiten die dafür zusammen?', { lastEntryId: 'ki-transparenz' })).not.toBe('laki-kooperation-partner');
  });

  it('should offer the last answer\'s related entries when nothing else answers "was machen die sonst noch?"', () => {
    const result = kb.matchMessage('was machen die sonst noch?', { lastEntryId: 'querschnitt' }).main;
    expect(result.outcome).toBe('suggest');
    const related = kb.getEntry('querschnitt')!.related;
    expect(result.suggestions.map((entry) => entry.id)).toEqual(related.slice(0, result.suggestions.length));
  });

  it('should answer with the entry that has the key noun even when an unfitting entry scores far ahead', () => {
    // The centres' organisation entry shares "organisatorisch angesiedelt", but the question is about the LaKI.
    const explanation = kb.explain('Wo ist die LaKI organisatorisch angesiedelt?');
    expect(explanation.scored[0]!.entry.id).toBe('ki-ausgestaltung-vor-ort');
    expect(explanation.result.answer?.id).toBe('laki-bezirksregierung');
  });

  it('should answer two things asked for with "und" as two parts, and one thing named twice as one', () => {
    const two = kb.matchMessage('ich brauch die Besuchsadresse der LaKI und die Internetseite');
    expect(two.parts.map((part) => part.answer?.id)).toEqual(['laki-besuchsadresse', 'laki-webseite']);
    expect(two.parts.map((part) => part.text)).toEqual(['ich brauch die Besuchsadresse der LaKI', 'die Internetseite']);
    expect(kb.matchMessage('Welche Programme gibt es für Eltern und die Kinder?').parts).toHaveLength(1);
    // A hedge before the second thing ("und idealerweise eine …") and a purpose ("für den Text") are no topic.
    const hedged = kb.matchMessage('Ich bräuchte für den Text die Postanschrift der Koordinierungsstelle und idealerweise eine Telefonnummer.');
    expect(hedged.parts.map((part) => part.answer?.id)).toEqual(['laki-postanschrift', 'laki-telefon']);
    expect(kb.explainMessage('Ich bräuchte für den Text die Postanschrift der LaKI.').pieces.map((piece) => piece.text)).toContain('für den Text');
  });

  it('should read "und was machen die für Schulen?" by its new subject', () => {
    expect(answered('und was machen die für schulen?', { lastEntryId: 'fruehe-bildung' })).toBe('schulentwicklung');
  });

  it.each([
    // The sentence stage leaves the "und" with an opener, or the writer leaves it out.
    'Was machen die für Kitas?',
    'ok, und was machen die für Kitas?',
    'Danke! Was machen die für Kitas?',
  ])('should read %j after the schools\' answer by its new subject, not bent to the schools', (text) => {
    expect(answered(text, { lastEntryId: 'schulentwicklung' })).toBe('fruehe-bildung');
  });

  it('should split "…, und spielt der Stadtteilbezug eine Rolle?" as a second question', () => {
    const result = kb.matchMessage('Kümmert sich das KI auch um ältere Migranten, und spielt der Stadtteilbezug bei der Arbeit eine Rolle?');
    expect(result.parts.map((part) => part.answer?.id)).toEqual(['querschnitt-senioren', 'querschnitt-sozialraum']);
  });

  it('should answer a follow-up that asks into an overview with the related entry, not the overview again', () => {
    const lastEntryId = 'handlungsfelder-ueberblick';
    expect(answered('Was machen die da genau im Bereich Schule?', { lastEntryId })).toBe('schulentwicklung');
    // Asking to explain the overview itself still gets the overview.
    expect(answered('was heißt das genau?', { lastEntryId })).toBe(lastEntryId);
  });

  it('should answer a follow-up the last answer does not hold with an entry on the same subject', () => {
    // Another task of the LaKI, in the same topic group as the last answer.
    expect(answered('und vertritt sie die KIs auch nach außen?', { lastEntryId: 'laki-qualitaetsentwicklung' })).toBe('laki-vertretung');
    // The tasks entry does not say with whom: its neighbours do.
    const partners = kb.matchMessage('und mit wem arbeitet die dabei zusammen?', { lastEntryId: 'laki-kernaufgaben' }).main;
    expect(partners.outcome).not.toBe('none');
    const shown = partners.answer ? [partners.answer] : partners.suggestions;
    expect(shown.map((entry) => entry.id)).not.toContain('laki-kernaufgaben');
    expect(shown.every((entry) => entry.category === 'laki')).toBe(true);
  });

  it('should not answer a part that stands for something unknown named in the part before', () => {
    const result = kb.matchMessage('Was ist das Kommunale Integrationsmanagement und wie hängt das mit den KIs zusammen?');
    expect(result.parts.map((part) => part.outcome)).toEqual(['none', 'none']);
    // An unknown verb names no thing: "die" is the LaKI.
    const spelled = kb.matchMessage('Wofür steht LaKI ausgeschrieben, und zu welcher Bezirksregierung gehört die?');
    expect(spelled.parts[1]?.answer?.id).toBe('laki-bezirksregierung');
    // A pointing adverb does not make a complete request about the unknown thing.
    const phone = kb.matchMessage('Mein Chef fragt, ob die Frist am Freitag abläuft – dafür bräuchte ich die Telefonnummer der LaKI.');
    expect(phone.parts.map((part) => part.answer?.id)).toContain('laki-telefon');
    // So does "sowas" after a part about a town the flyer does not name, typed in lower case:
    // naming only the centre, "macht das KI sowas" asks that part of the centre, and it is declined.
    const local = kb.matchMessage('brauchen unterrichtsmaterial für unsere klasse in oberhausen, macht das KI sowas oder nur beratung?');
    expect(local.parts.map((part) => [part.text, part.outcome])).toEqual([['brauchen unterrichtsmaterial für unsere klasse in oberhausen', 'none']]);
    // So does "die Person" after a part about someone in a town the flyer does not name.
    const person = kb.matchMessage('Wer leitet das KI bei uns in Bielefeld, und wie erreiche ich die Person?');
    expect(person.parts.map((part) => part.outcome)).toEqual(['none', 'none']);
    // A thin question asking "da" about the unknown thing asks about it.
    const rule = kb.matchMessage('In welche Entgeltgruppe nach TVöD werden die Fachkräfte im KI eingruppiert? Gibt es da eine Vorgabe?');
    expect(rule.parts.map((part) => part.outcome)).toEqual(['none', 'none']);
    // "das" after a part about the asker's own municipality is the local centre, not the LaKI.
    const own = kb.matchMessage('Gibt es bei uns im Kreis überhaupt ein KI und wo sitzt das genau?');
    expect(own.parts.map((part) => part.outcome)).toEqual(['none', 'none']);
  });

  it('should ask for each of two bare nouns joined by "und" that share what follows them', () => {
    const pair = kb.matchMessage('faxnummer und besuchsadresse der laki bitte');
    expect(pair.parts.map((part) => part.answer?.id)).toEqual(['laki-fax', 'laki-besuchsadresse']);
    // Two things one entry answers together stay one part.
    expect(kb.matchMessage('Welche Programme gibt es für Eltern und Kinder im Elementarbereich?').parts).toHaveLength(1);
  });

  it('should read "wer von euch ist für … zuständig?" as asking for a person at the LaKI, not for the topic', () => {
    const who = kb.matchMessage('Hallo zusammen, wer von euch ist für Kitas zuständig?').main;
    expect(who.answer?.id).not.toBe('fruehe-bildung');
    expect(who.outcome).toBe('none');
  });

  it('should read the forward terms of the sentence a part naming only the actor leans on as asked', () => {
    const cut = kb.matchMessage('Ich bin Integrationsbeauftragte in Bergkamen. Die Stelle wird nächstes Jahr gestrichen. Kann die LaKI da etwas machen?');
    expect(cut.main.outcome).toBe('none');
    expect(cut.main.declineReason).toBe('forward-term');
    // What the sentence says the writer has is who they are: "Unsere Leitungen" asks for no head.
    const heard = kb.matchMessage('Wir sind ein Kita-Träger. Unsere Leitungen haben auf einer Dienstbesprechung von Griffbereit gehört. Läuft das über die KIs?');
    expect(heard.main.answer?.id).toBe('griffbereit');
  });

  it('should not ask about the places and figures of the situation a thin part points into', () => {
    // "in Mönchengladbach" is where the writer is, not what "wie läuft das?" asks about.
    expect(answered('Hallo zusammen, unser KI in Mönchengladbach will sich mit anderen KIs austauschen, wie läuft das? gibts da Treffen?')).toBe('laki-austausch');
    // Asked about ("dort"), the place stays: the flyer does not say where centres are.
    expect(kb.matchMessage('Wir sind in Gütersloh. Gibt es dort ein KI?').main.outcome).toBe('none');
  });

  it('should read the situation as asked when the question asks whether it holds "trotzdem"', () => {
    // The flyer does not say what a municipality under budget control may do.
    expect(kb.matchMessage('Unsere Stadt befindet sich in der Haushaltssicherung – können wir trotzdem ein KI einrichten?').main.outcome).toBe('none');
    // A situation the knowledge knows stays answerable.
    expect(answered('Wir sind ein kleiner Kreis. Können wir trotzdem ein KI aufbauen?')).toBe('ki-traeger');
  });

  it('should read English "work with" as working together ("Does the KI work together with schools?" is no school-to-work question)', () => {
    expect(answered('Does the KI work together with schools?')).not.toBe('uebergang-schule-beruf');
    expect(answered('Do the KIs work with welfare associations?')).toBe('ki-vernetzung');
  });

  it('should read praise ("Klasse, danke!") as asking nothing, and "Klasse" in a question as the school class', () => {
    for (const praise of ['Klasse, danke!', 'Ok klasse', 'Klasse!']) {
      expect(kb.matchMessage(praise).main.declineReason).toBe('empty');
    }
    expect(answered('Klasse! Und wie ist die Faxnummer?')).toBe('laki-fax');
    expect(answered('Gibt es Material für meine Klasse?')).toBe('schulentwicklung-materialien');
  });

  it('should send a question about the local centre of Dortmund to the LaKI, not answer with the LaKI\'s own address', () => {
    expect(kb.matchMessage('Wie erreiche ich das KI in Dortmund?').main.outcome).toBe('none');
    expect(kb.matchMessage('Wo sitzt das KI Dortmund?').main.outcome).toBe('none');
    expect(answered('Wo sitzt die LaKI in Dortmund?')).toBe('laki-besuchsadresse');
  });

  it('should send whether a fact still holds to the LaKI: the flyer cannot say what changed since', () => {
    expect(kb.matchMessage('Ist der Erlass von MSW und MAIS noch gültig?').main.declineReason).toBe('forward-term');
  });

  it('should send how long something takes to the LaKI in English as in German', () => {
    expect(kb.matchMessage('How long does it take to set up an integration centre?').main.declineReason).toBe('forward-term');
    expect(kb.matchMessage('Wie lange dauert es, ein KI einzurichten?').main.declineReason).toBe('forward-term');
  });

  it('should read English "drop by"/"drop in" as visiting the LaKI, not as the person asked for', () => {
    expect(answered('Can I just drop by in person? What is the visitor address of the LaKI?')).toBe('laki-besuchsadresse');
    expect(answered('Can I drop in at the LaKI?')).toBe('laki-besuchsadresse');
  });

  it('should read "auf Kreisebene" as the districts, not as an unknown word', () => {
    expect(answered('Gibt es die KIs auch auf Kreisebene?')).toBe('ki-traeger');
  });

  it('should send whether the work measurably worked to the LaKI: the flyer gives no results', () => {
    expect(kb.matchMessage('Haben die KIs messbar etwas bewirkt?').main.declineReason).toBe('forward-term');
    expect(kb.matchMessage('Ist die Arbeit der Integrationszentren nachweisbar wirksam?').main.declineReason).toBe('forward-term');
  });

  it('should read "umsetzen" as doing, no topic of its own ("und wie setzen die KIs das um?")', () => {
    expect(answered('und wie setzen die KIs das um?', { lastEntryId: 'schulentwicklung' })).toBe('schulentwicklung');
  });

  it('should read "erreichen" asked with "was" as the goal, not as contact', () => {
    expect(answered('Was wollen die Integrationszentren erreichen?')).not.toBe('laki-kontakt');
    expect(kb.matchMessage('Was sollen die KIs erreichen?').main.suggestions.map((entry) => entry.id)).not.toContain('laki-kontakt');
    expect(answered('Wie erreiche ich die LaKI?')).toBe('laki-kontakt');
    expect(answered('Was muss ich tun, um die LaKI zu erreichen?')).toBe('laki-kontakt');
  });

  it('should read an institution reaching a group of people as its audience, not as contact', () => {
    expect(answered('Hi, ich bin im Kulturamt Münster. Unser Museum möchte mehr Besucherinnen und Besucher mit Migrationsgeschichte erreichen. Ist das ein Thema, bei dem das KI unterstützt?')).toBe('querschnitt-kultur');
    const reached = kb.matchMessage('Guten Tag, ich arbeite im Kulturbüro Bochum. Unsere Museen und das Theater erreichen kaum Menschen mit Migrationsgeschichte. Ist das ein Thema, bei dem das Integrationszentrum mitmachen kann?').main.answer;
    expect(answerText(reached!)).toMatch(/Kultur/);
    expect(kb.explain('Unsere Museen erreichen kaum Menschen mit Migrationsgeschichte.').analysis.tokens).not.toContain('kontakt');
    // The writer reaching people may be contacting them; reaching the LaKI is contact.
    expect(kb.explain('Die Eltern erreichen wir kaum.').analysis.tokens).toContain('kontakt');
    expect(answered('Wie erreiche ich die LaKI?')).toBe('laki-kontakt');
  });

  it('should read "interessiert" and "verschiedene" as general words, no topic of an entry, and "Betriebsinhaber" as entrepreneurs', () => {
    const message = 'Wir sind eine Gesamtschule in Dortmund und haben in den letzten Jahren viele gute Projekte zur Sprachförderung entwickelt. Andere Schulen fragen immer wieder danach. Interessiert euch sowas?';
    // "Interessiert" was a word of the Rucksack entry only (from one of its questions), and answered it.
    const answer = kb.matchMessage(message).main.answer;
    expect(answer?.id).not.toBe('rucksack-kita');
    expect(answerText(answer!)).toMatch(/guter Praxis/);
    // "verschiedene" was a word of the networking entry only ("verschiedene Akteure").
    expect(kb.explain('Ist das die gleiche Adresse oder zwei verschiedene?').analysis.tokens).not.toContain('verschied');
    // "Betriebsinhaber" are business owners, as "Unternehmer" are.
    expect(kb.explain('Betriebsinhaber mit Migrationshintergrund').analysis.tokens).toContain(kb.explain('Unternehmer').analysis.tokens[0]);
  });

  it('should read "stellt … dar" in an entry as "darstellen", so that another "stellt" does not meet it', () => {
    // The public-relations entry asks "Wer stellt den Verbund in der Öffentlichkeit dar?".
    expect(answered('Wer stellt den Verbund in der Öffentlichkeit dar?')).toBe('laki-oeffentlichkeitsarbeit');
    expect(answered('Wie stellt man ein Integrationszentrum auf?')).not.toBe('laki-oeffentlichkeitsarbeit');
  });

  it('should read a filler verb of a question as no word of the entry that writes it ("welche Anschrift nehme ich?")', () => {
    expect(answered('Welche Mailadresse nehme ich da?')).toBe('laki-email');
  });

  it.each([
    'erzähl mir mehr über die Schulentwicklung',
    'zeigen Sie mir mal die Schulentwicklung',
    'erläutere mal die Schulentwicklung',
    'informier mich über die Schulentwicklung',
  ])('should read the verb of telling in %j as no topic, also after the overview it names', (text) => {
    // An unknown verb of telling would weigh as a word no entry holds, and the overview again would win.
    expect(answered(text)).toBe('schulentwicklung');
    expect(answered(text, { lastEntryId: 'handlungsfelder-ueberblick' })).toBe('schulentwicklung');
  });

  it('should ask one question about two things the part relates to each other', () => {
    for (const question of [
      'Wie hängen das KI und die LaKI miteinander zusammen?',
      'Worin unterscheiden sich das KI und die LaKI?',
      'What is the difference between a KI and the LaKI?',
    ]) {
      const related = kb.matchMessage(question);
      expect(related.parts.map((part) => part.answer?.id)).toEqual(['ki-laki-unterschied']);
    }
  });

  it('should ask for each compound of "Telefon- und Faxnummer" and of "… und außerdem die E-Mail-Adresse"', () => {
    const truncated = kb.matchMessage('Bitte einmal die Telefon- und Faxnummer der Koordinierungsstelle.');
    expect(truncated.parts.map((part) => part.answer?.id)).toEqual(['laki-telefon', 'laki-fax']);
    const also = kb.matchMessage('Hallo, ich brauche die Telefonnummer der LaKI und außerdem die E-Mail-Adresse, an die wir schreiben können?');
    expect(also.parts.map((part) => part.answer?.id)).toEqual(['laki-telefon', 'laki-email']);
  });

  it('should read a thin question about "this" with the context sentence it points into', () => {
    // An unknown verb of the question says how the centres relate to what the sentence names.
    const seniors = kb.matchMessage(
      'Wir haben immer mehr ältere Menschen mit Zuwanderungsgeschichte, die kaum bei unseren Angeboten ankommen. ' +
        'Ist das ein Thema, bei dem die Integrationszentren ansetzen?',
    );
    expect(seniors.main.answer?.id).toBe('querschnitt-senioren');
    // "in diesem Bereich" points at the field named before.
    const transition = kb.matchMessage(
      'Wir schauen uns gerade den Übergang Schule–Beruf bei Jugendlichen an. Woran orientieren sich die KIs in diesem Bereich grundsätzlich?',
    );
    expect(transition.main.answer?.id).not.toBe('ki-integrationskonzept');
  });

  it('should read "wo" as asking for a place: the address, not the description', () => {
    expect(answered('Wo ist die LaKI?')).not.toBe('laki-was-ist');
    expect(answered('Was ist die LaKI?')).toBe('laki-was-ist');
    expect(answered('Wo gibt es Kommunale Integrationszentren?')).toBe('ki-traeger');
    // English "where" is "wo".
    const where = kb.matchMessage('Hi, where exactly is the LaKI office?').main;
    expect(where.answer?.id ?? where.suggestions[0]?.id).toBe('laki-besuchsadresse');
    // In a follow-up that names nothing else, "wo" asks it of the last answer's subject.
    expect(answered('und wo gibt es die?', { lastEntryId: 'ki-was-ist' })).toBe('ki-traeger');
  });

  it('should read "Ist das auch Aufgabe vom KI oder eher nicht?" with the context sentence it points into', () => {
    const message =
      'Wir bauen mit der Altenhilfe ein Netzwerk für ältere Zugewanderte auf. Ist das auch Aufgabe vom KI oder eher nicht?';
    expect(kb.matchMessage(message).main.answer?.id ?? kb.matchMessage(message).main.suggestions[0]?.id).toBe('querschnitt-senioren');
  });

  it('should not let the frame noun of a thin part pointing into its context pick the answer ("Ist das auch Aufgabe vom KI?")', () => {
    const message =
      'Wir bauen mit der Altenhilfe ein Netzwerk für ältere Zugewanderte auf, die Nachfrage in Sennestadt ist enorm. Ist das auch Aufgabe vom KI oder eher nicht?';
    const main = kb.matchMessage(message).main;
    // The schools' entry has "Aufgabe" and nothing of the sentence: at most a suggestion, never the answer.
    expect(main.answer?.id).not.toBe('schulentwicklung');
    expect(main.answer?.id ?? main.suggestions[0]?.id).toBe('querschnitt-senioren');
  });

  it('should show an answer once when two parts bring the same entry (askedParts)', () => {
    const message = kb.matchMessage('Was ist mit Integration als Querschnittsaufgabe gemeint, welche Bereiche fallen da drunter? Und hat das KI dafür ein eigenes Budget?');
    expect(askedParts(message).map((part) => part.answer?.id ?? part.outcome)).toEqual(['querschnitt', 'none']);
  });

  it('should answer three things asked for in a list ("die Mailadresse, die Webseite und die Faxnummer")', () => {
    const result = kb.matchMessage('Ich brauche drei Infos: die Mailadresse der LaKI, die Webseite und die Faxnummer. Danke!');
    expect(result.parts.map((part) => part.answer?.id)).toEqual(['laki-email', 'laki-webseite', 'laki-fax']);
  });

  it('should read "dort" as asking about the town named before it, which the flyer does not cover', () => {
    const result = kb.matchMessage('Ich wechsle beruflich nach Bielefeld. Wo genau ist dort das Kommunale Integrationszentrum, welche Adresse hat das?');
    expect(result.parts.map((part) => part.outcome)).toEqual(['none', 'none']);
    // Without a town, "dort" at the LaKI stays answerable.
    const contacts = kb.matchMessage('Wir möchten jemanden von der LaKI einladen. Wer sind dort die Ansprechpersonen?');
    expect(contacts.main.answer?.id).toBe('laki-ansprechpersonen');
  });

  it('should read a pronoun standing for the actor the part before names ("…, und bei welcher Behörde ist sie angesiedelt?")', () => {
    const result = kb.matchMessage('Zwei Fragen für eine Vorlage: Wer fördert die Landeskoordinierungsstelle, und bei welcher Behörde ist sie angesiedelt?');
    expect(result.parts.map((part) => part.answer?.id)).toEqual(['laki-foerderung', 'laki-bezirksregierung']);
  });

  it('should not decline an English question for its function words ("its", "mean", "keep saying")', () => {
    expect(answered("My colleagues keep saying 'Querschnittsaufgabe'. What does that mean for the integration centres?")).toBe('querschnitt');
  });

  it('should not answer confidently with an entry that lacks what the question narrows itself to ("speziell für den Bereich Schule")', () => {
    const result = kb.matchMessage('Welche der drei Ansprechpersonen bei der LaKI ist speziell für den Bereich Schule zuständig?');
    expect(result.main.outcome).not.toBe('answer');
    // Narrowed to a word the knowledge base does not know, typed in lower case.
    expect(kb.matchMessage('wer von den ansprechpartnern bei der LaKI ist denn speziell für schulthemen zuständig?').main.outcome).not.toBe('answer');
    // Without the narrowing, the contact persons answer.
    expect(answered('Welche Ansprechpersonen gibt es bei der LaKI?')).toBe('laki-ansprechpersonen');
  });

  it('should read "von der Schule in den Job" as the transition, and still forward questions about jobs', () => {
    expect(answered('Wie gehen die Integrationszentren das Thema Übergang von der Schule in den Job an?')).toBe('uebergang-schule-beruf');
    expect(answered('What do the centres do to help young people move from school into a job?')).toBe('uebergang-schule-beruf');
    expect(kb.matchMessage('Gibt es Jobs bei der LaKI?').main.outcome).toBe('none');
    expect(kb.matchMessage('Are there any jobs at the LaKI?').main.outcome).toBe('none');
    expect(kb.matchMessage('Hat das KI in Hamm eine Stelle frei, ich suche einen Job').main.outcome).toBe('none');
  });

  it('should not let the writer\'s doubt ("oder sind wir da falsch?") decline the question', () => {
    const message = 'bei uns gibts immer mehr ältere menschen mit migrationshintergrund. macht das ki da auch was oder sind wir da falsch??';
    expect(answered(message)).toBe('querschnitt-senioren');
  });

  it('should read "qualifizieren" as training', () => {
    expect(answered('wen qualifizieren die KIs im Elementarbereich?')).toBe('fruehe-bildung-fortbildung');
  });

  it('should read English request verbs as function words and English names of the centres\' work as German ones', () => {
    expect(answered('Could you explain what the LaKI does?')).toBe('laki-was-ist');
    expect(answered('Please describe what the LaKI is.')).toBe('laki-was-ist');
    // "actors" are the "Akteure". "connect" is no synonym: it connects people too ("connect me with …").
    expect(answered('Which actors are in the network of a KI?')).toBe('ki-vernetzung');
    expect(kb.matchMessage('Can you connect me with someone at the LaKI?').main.outcome).toBe('none');
    expect(answered('How do the centres connect schools and parents?')).toBe('eltern-zusammenarbeit');
  });

  it('should read everyday English of the flyer\'s topics and question forms', () => {
    expect(answered('Do the integration centres do anything about health?')).toBe('querschnitt');
    expect(answered('Do the integration centres also work with sports clubs, or is it all about schools?')).toBe('querschnitt');
    expect(answered('What about older migrants, is there anything for them?')).toBe('querschnitt-senioren');
    expect(answered('We are a migrant-led association in Cologne. Do the centres bring groups like ours together with other local players?')).toBe('ki-vernetzung');
    // "focus on" frames the question; "when" joins a clause and asks no time.
    expect(answered('What do the centres focus on when young people move from school into work?')).toBe('uebergang-schule-beruf');
    // Asked who pays, the question is who funds; whether one has to pay stays an amount.
    expect(answered('Which ministries pay for the LaKI?')).toBe('laki-foerderung');
    expect(kb.matchMessage('Do teachers have to pay for the trainings offered by the integration centres?').main.outcome).toBe('none');
    // "What kind of support" asks for support, not about children ("Kind").
    const kind = kb.explainMessage('Our district is thinking about setting up its own integration centre. What kind of support can we get from the state level?');
    expect(kind.parts.at(-1)!.explanation.analysis.tokens).not.toContain('kind');
  });

  it('should read "include" as an English function word, not as an unknown word', () => {
    expect(answered('does that include teaching materials?', { lastEntryId: 'schulentwicklung' })).toBe('schulentwicklung-materialien');
  });

  it('should read who asked and the writer\'s state in English as chat, not as unknown words', () => {
    const reading = kb.explainMessage('My boss asked me whether the centres also work with migrant organisations. Do they?').parts[0]!;
    expect(reading.explanation.analysis.readings.filter((word) => word.kind === 'unknown')).toEqual([]);
    // ("work with" reads as working together: answered, where it was only offered.)
    expect(kb.matchMessage('My boss asked me whether the centres also work with migrant organisations. Do they?').main.answer?.id).toBe('ki-vernetzung');

    // Asked for, the boss or manager is who heads an office, and what is new is news: not in the flyer.
    for (const question of ['Who is the manager of the LaKI?', 'Wer ist der Boss der LaKI?', "What's new at the LaKI?", 'Are there centres around here?']) {
      expect(kb.matchMessage(question).main.outcome).toBe('none');
    }
  });

  it('should read ordinary English words of answerable questions through the English members of the synonym groups', () => {
    // "important" is "wichtig"/"Stellenwert", "classes" "Klassen", "newcomers" "Neuzugewanderte", "complement" "ergänzen".
    expect(answered('How important is the neighbourhood approach for the KIs?')).toBe('querschnitt-sozialraum');
    expect(answered('Do the centres develop teaching materials for classes with many newcomers?')).toBe('schulentwicklung-materialien');
    expect(answered('Do the KIs replace what the municipality already does, or do they complement it?')).toBe('ki-transparenz');
    expect(answered('Which ministries supported the LaKI financially?')).toBe('laki-foerderung');
    // What the flyer does not know stays with the LaKI: pay, wifi, invoices, reports, parking.
    for (const question of [
      'What does a coordinator at an integration centre earn? Just curious about the salary.',
      'Is there wifi for visitors at the LaKI office?',
      "What's the LaKI's tax number for our invoice?",
      'Are the centres supposed to report to the ministry every year?',
      'Is there parking near the LaKI office?',
    ]) {
      expect(kb.matchMessage(question).main.outcome).toBe('none');
    }
  });

  it('should answer a follow-up that points back but names the LaKI to call with the LaKI\'s contact data', () => {
    expect(answered('und wen können wir dazu bei der LaKI anrufen?', { lastEntryId: 'fruehe-bildung' })).toBe('laki-telefon');
    // Named as the pointer stage knows it: "Landesstelle" is the LaKI too.
    expect(answered('und wen können wir dazu bei der Landesstelle anrufen?', { lastEntryId: 'griffbereit' })).toBe('laki-telefon');
    // Without the LaKI named, what the part's own words find is not about the programme it points at.
    expect(kb.matchMessage('und wer bezahlt das?', { lastEntryId: 'rucksack-kita' }).main.outcome).toBe('none');
  });

  it('should not give the last answer again for a continuing follow-up whose own words another entry covers', () => {
    const result = kb.matchMessage('Okay, und wer darf eins einrichten?', { lastEntryId: 'ki-laki-unterschied' });
    expect(result.main.answer?.id).not.toBe('ki-laki-unterschied');
    expect([result.main.answer, ...result.main.suggestions].map((entry) => entry?.id)).toContain('ki-einrichten');
  });

  it('should read "Was genau passiert im Bereich Schule?" after the overview as a question into its school field', () => {
    expect(answered('Was genau passiert im Bereich Schule?', { lastEntryId: 'handlungsfelder-ueberblick' })).toBe('schulentwicklung');
  });

  it('should read "zusätzlich" as an adverb, not as complementing existing offers ("Gibt es zusätzlich einen Erlass?")', () => {
    expect(kb.matchMessage('Worauf beruhen die KIs rechtlich und gibt es zusätzlich einen Erlass?').parts.map((part) => part.answer?.id)).toEqual([
      'ki-rechtsgrundlage',
      'ki-erlass',
    ]);
  });

  it('should answer a follow-up pointing into the last answer with the neighbour that stays with its subject ("und wer wird da beraten?")', () => {
    expect(answered('und wer wird da beraten?', { lastEntryId: 'schulentwicklung' })).toBe('schulentwicklung-beratung');
    // Nothing on the programme's subject holds who pays: still declined.
    expect(kb.matchMessage('und wer bezahlt das?', { lastEntryId: 'rucksack-kita' }).main.outcome).toBe('none');
  });

  it('should read "Do they also do something for small children?" as the same question for a new subject', () => {
    expect(answered('Do they also do something for small children?', { lastEntryId: 'schulentwicklung' })).toBe('fruehe-bildung');
  });

  it('should read "für Leute wie mich" with the sentence in which the writer says who they are', () => {
    const message = 'hi ich arbeite als schulbegleiterin in einem inklusionsprojekt an einer gesamtschule. gibts vom KI auch fortbildungen für leute wie mich oder nur für lehrer';
    expect(kb.explainMessage(message).parts[0]!.leansOn).toMatch(/schulbegleiterin/);
    expect(answered(message)).toBe('schulentwicklung-fortbildung');
  });

  it('should read "Und wie sieht es in den Schulen aus?" as the same question about schools', () => {
    expect(answered('Danke! Und wie sieht es in den Schulen aus?', { lastEntryId: 'rucksack-kita' })).toBe('schulentwicklung');
  });

  it('should answer a follow-up pointing into the last answer with the one related entry that holds its words', () => {
    expect(answered('woran orientieren die sich dabei?', { lastEntryId: 'uebergang-schule-beruf' })).toBe('uebergang-staerken');
  });

  it('should read "wie läuft das ab?" as asking to explain the last answer and "noch was Ähnliches?" as asking for its neighbours', () => {
    expect(answered('und wie läuft das ab?', { lastEntryId: 'uebergang-staerken' })).toBe('uebergang-staerken');
    expect(answered('Gibt es da noch was Ähnliches?', { lastEntryId: 'rucksack-kita' })).toBe('griffbereit');
  });

  it('should read "bekommen" as naming no topic ("wer bekommt da fortbildungen" after the schools\' entry)', () => {
    expect(answered('wer bekommt da fortbildungen', { lastEntryId: 'schulentwicklung' })).toBe('schulentwicklung-fortbildung');
  });

  it('should keep a purpose clause ("…, damit es gefördert wird?") with its question', () => {
    const result = kb.matchMessage('Wie viele Vollzeitstellen muss ein KI mindestens haben, damit es gefördert wird?');
    expect(result.parts).toHaveLength(1);
    expect(result.main.outcome).toBe('none');
  });

  it('should read "mir fehlt nur noch die Mailadresse" as the request and "weil …" as its reason', () => {
    const message =
      'Hi, die Adresse in Dortmund hab ich schon, das Telefon auch, mir fehlt eigentlich nur noch die Mailadresse von der LaKI, ' +
      'weil ich unserer Ausschussvorlage die Kontaktdaten anhängen will. Danke schonmal!';
    const result = kb.matchMessage(message);
    expect(result.parts.map((part) => part.text)).toEqual(['mir fehlt eigentlich nur noch die Mailadresse von der LaKI']);
    expect(result.main.answer?.id).toBe('laki-email');
  });

  it('should let the pronoun of a follow-up pick the choice on the last answer\'s subject', () => {
    // Alone, "wer fördert die?" leaves the centres' and the LaKI's funding to choose from.
    expect(kb.matchMessage('wer fördert die?').main.outcome).toBe('suggest');
    expect(answered('und wer fördert die?', { lastEntryId: 'laki-besuchsadresse' })).toBe('laki-foerderung');
    expect(answered('und wer fördert die?', { lastEntryId: 'ki-was-ist' })).toBe('ki-foerderung');
    // In one message, the part before is what the pronoun stands for.
    const message = kb.matchMessage('Hallo, wo sitzt die LaKI eigentlich und wer fördert die?');
    expect(message.parts.map((part) => part.answer?.id)).toEqual(['laki-besuchsadresse', 'laki-foerderung']);
  });

  it('should forward a phrase like "freie Stellen" unless an entry says it as written', () => {
    // The networking entry has "freien Trägern" and the word "Stelle" apart, not "freie Stellen".
    expect(kb.matchMessage('Gibt es bei der LaKI grad freie Stellen?').main.outcome).toBe('none');
  });

  it('should read "ihr" and "euch" as the organisation the bot answers for (synonyms file addressee)', () => {
    expect(answered('kurze Frage: wer bezahlt euch eigentlich?')).toBe('laki-foerderung');
    expect(answered('Wie erreiche ich euch?')).toBe('laki-kontakt');
    expect(answered('Hallo zusammen, wer ist bei euch eigentlich zuständig, also mit wem red ich da?')).toBe('laki-ansprechpersonen');
  });

  it('should not bend a complete new question by the old topic', () => {
    const result = kb.matchMessage('Wie lautet die Faxnummer der LaKI?', { lastEntryId: 'griffbereit' });
    expect(result.main.answer?.id).toBe('laki-fax');
    expect(result.followUp).toBeUndefined();
  });

  it('should ignore a context entry that no longer exists', () => {
    expect(answered('Wie lautet die Faxnummer der LaKI?', { lastEntryId: 'deleted-entry' })).toBe('laki-fax');
  });

  it('should answer English questions about covered topics and decline the others', () => {
    expect(answered('What is the phone number of the LaKI?')).toBe('laki-telefon');
    expect(kb.matchMessage('Where can I park my car at the LaKI?').main.outcome).toBe('none');
  });

  it('should let the rare word of an English question decide, not a frequent phrase around it', () => {
    expect(answered('Do the municipal integration centres have a website?')).toBe('laki-webseite');
    expect(answered('Where can I find the website of the municipal integration centres?')).toBe('laki-webseite');
    expect(answered('What is the postcode of the LaKI?')).toBe('laki-postanschrift');
  });

  it.each([
    ['Unsere Schulen wollen sich interkulturell öffnen und brauchen Lernmaterialien. Wer gibt den Rahmen vor?', 'ki-erlass'],
    ['Wir arbeiten eng mit Migrantenselbstorganisationen und freien Trägern zusammen. Welche Aufgaben hat die Koordinierungsstelle?', 'laki-kernaufgaben'],
    ['Wir wollen Jugendliche beim Übergang in den Beruf stärken. Wer vertritt die KIs?', 'laki-vertretung'],
  ])('should not let on-topic context of another entry choose the answer: %j', (message, expected) => {
    expect(answered(message)).toBe(expected);
  });

  it('should let context choose among related entries when the question\'s own words agree', () => {
    const message = 'Guten Tag, ich arbeite in einer Kita und eine Kollegin hat von einem Elternprogramm erzählt. Welche Programme bieten die KIs im Elementarbereich an?';
    expect(kb.matchMessage(message).main.outcome).toBe('answer');
  });

  it.each([
    ['Wer hilft denen eigentlich? Wir haben viele ältere Migranten, die den Weg in die Altenhilfe nicht finden. Machen die KIs da was für Senioren?', 'querschnitt-senioren'],
    ['Bei uns gibt es viele Familien mit Kleinkindern. Wer hilft denen eigentlich? Gibt es Programme der KIs für Eltern mit ganz kleinen Kindern?', 'fruehe-bildung'],
    ['Unsere Grundschulen haben viele Seiteneinsteiger. Wer ist denn jetzt zuständig? Bieten die Integrationszentren Fortbildungen für Lehrkräfte an?', 'schulentwicklung-fortbildung'],
    ['könnt ihr da helfn? ich such die telefonnummer der laki', 'laki-telefon'],
  ])('should leave out a part that names nothing but help or a duty beside a real question: %j', (message, expected) => {
    const match = kb.matchMessage(message);
    expect(match.main.answer?.id).toBe(expected);
    expect(match.parts.map((part) => part.answer?.id)).not.toContain('laki-kernaufgaben');
  });

  it('should not answer "Wer hilft denen?" about people of the context with the LaKI\'s tasks, but show them nearby', () => {
    const match = kb.matchMessage('Bei uns kommen ständig neue Kinder aus der Ukraine an die Schulen, viele ohne Deutschkenntnisse. Wer hilft ihnen?');
    expect(match.main.outcome).toBe('none');
    expect(match.main.nearby?.map((entry) => entry.id)).toEqual(['laki-kernaufgaben']);
    expect(kb.matchMessage('Many refugee families live in our town and social services are overloaded. Who helps them?').main.outcome).toBe('none');
  });

  it.each([
    // The pronoun stands for the centres the sentence before names.
    ['Die Integrationszentren in NRW sind sehr unterschiedlich. Wer hilft denen eigentlich?', 'laki-kernaufgaben'],
    // A plea alone, or for an actor, or leaning on the sentence it points into.
    ['Könnt ihr helfen?', 'laki-kernaufgaben'],
    ['Wir bauen gerade ein Integrationszentrum auf. Wer kann uns dabei helfen?', 'ki-einrichten'],
  ])('should keep the answer of a help question that is the message\'s question or points at an actor: %j', (message, expected) => {
    expect(answered(message)).toBe(expected);
  });

  it('should keep a help question that follows up on the actor of the part before it', () => {
    const parts = kb.matchMessage('Was macht die LaKI eigentlich, und wem hilft sie?').parts;
    expect(parts.map((part) => part.answer?.id)).toEqual(['laki-was-ist', 'laki-kernaufgaben']);
  });

  it('should keep match() equal to the main result of matchMessage()', () => {
    for (const question of ['Wer fördert die LaKI und wo sitzt sie?', 'Hallo!', 'Telefon LaKI']) {
      expect(kb.match(question)).toEqual(kb.matchMessage(question).main);
    }
  });

  it('should weigh the unknown main verb of a question about what someone else does, not of one about the centre', () => {
    // What a school, a pupil or "man" does is what is asked, and the flyer does not say it (the school entries answered).
    expect(kb.matchMessage('Darf eine Schule ein neu zugewandertes Kind ablehnen, weil die Klassen voll sind?').main.outcome).toBe('none');
    expect(kb.matchMessage('Ein Schüler kann nach zwei Jahren noch kaum Deutsch. Muss er dann die Klasse wiederholen?').main.outcome).toBe('none');
    expect(kb.matchMessage('Wie meldet man so ein Kind korrekt von der Schule ab?').main.outcome).toBe('none');
    // What the centre does, or what the flyer itself says, is read against the entries whatever the verb.
    expect(answered('Welche Unterstützung kann ich als Schule vom Kommunalen Integrationszentrum erwarten?')).toBe('schulentwicklung');
    expect(answered('Dürfen auch Landkreise ein Integrationszentrum betreiben?')).toBe('ki-traeger');
    expect(answered('Wie können ältere Migrantinnen und Migranten besser in die Altenhilfe eingebunden werden?')).toBe('querschnitt-senioren');
  });

  it('should read a plea of what to do beside a question as context, not answer it with the contact entries', () => {
    const plea = 'Stellt das Sozialamt einer Familie im Asylverfahren eine Kostenübernahme für die Kita-Verpflegung aus? Wir wissen nicht, wohin wir uns wenden sollen.';
    expect(kb.matchMessage(plea).main.outcome).toBe('none');
    const others = 'Ich habe viele Mütter mit Babys. Die fragen mich immer, wo sie hingehen können. Gibt es in Iserlohn eine Griffbereit-Gruppe auf Arabisch?';
    expect(kb.matchMessage(others).main.outcome).toBe('none');
    expect(kb.matchMessage('Wir wissen nicht, an wen wir uns wenden sollen. Wer berät Kommunen bei der Einrichtung eines KI?').parts.map((part) => part.answer?.id)).toEqual([
      'laki-beratung-kommunen',
    ]);
    // A sentence naming what it is about keeps its question ("wo wir anfangen sollen" with setting up a centre).
    expect(answered('Unser Kreistag überlegt, ein eigenes Integrationszentrum aufzubauen, und wir wissen nicht, wo wir anfangen sollen. Gibt es dafür Unterstützung vom Land?')).toBe('ki-einrichten');
  });

  it('should read "so jemanden" as pointing at the person named before, which the knowledge does not know', () => {
    const message = 'Wir bräuchten einen Dolmetscher für Arabisch für die Einschulungsfeier am 12. August in Velbert. Vermittelt das KI so jemanden?';
    expect(kb.matchMessage(message).main.outcome).toBe('none');
  });

  it('should point into the relative clause too when the main clause names mostly the writer\'s own bodies and places', () => {
    const message =
      'Wir gründen in Lünen mit der Diakonie, dem Kinderschutzbund und dem TuS Brambauer einen Runden Tisch, der Integration als Querschnittsaufgabe versteht. Heißt das fürs KI konkret was?';
    expect(answered(message)).toBe('querschnitt');
    // A main clause naming what the knowledge knows keeps the pointer ("die unsere Angebote kaum nutzen" is not asked).
    expect(answered('Wir haben viele ältere Migrantinnen, die unsere Angebote kaum nutzen. Ist sowas Thema beim KI?')).toBe('querschnitt-senioren');
  });
});

describe('answer fit', () => {
  function entry(id: string, title: string, questions: string[], answer: string): Entry {
    return { id, title, questions, answer, keywords: [], category: 'test', related: [], source: { document: 'Test', section: 'Test' }, reviewed: '2026-11-28' };
  }

  /** A knowledge base of these entries, without synonyms or forward terms. */
  function knowledgeOf(entries: Entry[], addressee?: string) {
    return buildKnowledgeBase({ entries, synonyms: { groups: [], forward: [], ...(addressee ? { addressee } : {}) }, files: [] });
  }

  it('should forward the local phrases of the synonyms file and decline a part that points at such a part', () => {
    const entries = [
      entry('sitz', 'Sitz des Zentrums', ['Wo sitzt das Zentrum?', 'Gibt es in jedem Viertel ein Zentrum?'], 'Das Zentrum sitzt in Dortmund.'),
      entry('kita', 'Kita', ['Was macht die Kita?'], 'Die Kita betreut Kinder.'),
    ];
    // A phrase of the editors' own (not one of the usual "bei uns im Kreis" forms).
    const message = 'Gibt es hier im Viertel ein Zentrum, und wo sitzt das?';
    const withLocal = buildKnowledgeBase({ entries, synonyms: { groups: [], forward: [], local: ['hier im Viertel'] }, files: [] });
    expect(withLocal.matchMessage(message).parts.map((part) => [part.outcome, part.declineReason])).toEqual([
      ['none', 'forward-term'],
      ['none', 'uncovered-terms'],
    ]);
    // Without the phrase, the same message asks about the one centre the knowledge names.
    expect(knowledgeOf(entries).matchMessage(message).parts.map((part) => part.answer?.id)).toEqual(['sitz', 'sitz']);
  });

  it('should not answer confidently when the key noun of the question is missing from the entry', () => {
    const kb = knowledgeOf([
      entry('organisation', 'Organisation der Zentren vor Ort', ['Wie organisiert sich ein Zentrum vor Ort?', 'Organisation Zentrum'], 'Jedes Zentrum organisiert sich selbst.'),
      entry('schulen', 'Schulen', ['Was machen die Schulen?'], 'Die Räumlichkeiten der Schulen werden geteilt.'),
      entry('kita', 'Kita', ['Was macht die Kita?'], 'Die Kita betreut Kinder.'),
    ]);
    expect(kb.match('Wie organisiert sich ein Zentrum vor Ort?').answer?.id).toBe('organisation');
    const result = kb.match('Wie organisiert ein Zentrum vor Ort seine Räumlichkeiten?');
    expect(result.outcome).not.toBe('answer');
  });

  it('should take every noun about as rare as the rarest as a key noun, not only the rarest', () => {
    const kb = knowledgeOf([
      entry('felder', 'Handlungsfelder der Zentren', ['Welche Aufgaben haben die Zentren?', 'Handlungsfelder der Zentren'], 'Die Zentren haben Aufgaben in Schule und Kita.'),
      entry('stelle', 'Die Stelle', ['Was ist die Stelle?'], 'Die Stelle berät die Zentren.'),
      entry('stelle-sitz', 'Sitz der Stelle', ['Wo sitzt die Stelle?'], 'Die Stelle sitzt in Dortmund.'),
    ]);
    // "Aufgaben" is the rarest noun, but the question is about the tasks of the Stelle: the
    // overview of the centres' tasks lacks "Stelle" and must not answer it confidently.
    const explanation = kb.explain('Welche Aufgaben hat die Stelle?');
    expect(explanation.keyNouns).toEqual(expect.arrayContaining(['aufgab', 'stell']));
    expect(explanation.result.outcome).not.toBe('answer');
  });

  it('should borrow the addressee only when the editors name one', () => {
    const entries = [
      entry('stelle-geld', 'Förderung der Stelle', ['Wer fördert die Stelle?'], 'Das Land fördert die Stelle.'),
      entry('zentren-geld', 'Förderung der Zentren', ['Wer fördert die Zentren?'], 'Das Land fördert die Zentren.'),
    ];
    const withAddressee = knowledgeOf(entries, 'Stelle');
    const without = knowledgeOf(entries);
    expect(withAddressee.match('Wer fördert euch?').answer?.id).toBe('stelle-geld');
    expect(without.match('Wer fördert euch?').outcome).toBe('suggest');
  });

  it('should count a compound of the entry whose last word is the key noun as that noun', () => {
    const kb = knowledgeOf([
      entry('elementar', 'Elementarbereich', ['Was tun die Zentren im Elementarbereich für die Kita?'], 'Im Elementarbereich stärken die Zentren jede Kita.'),
      entry('schule', 'Schule', ['Was tun die Zentren in der Schule?'], 'Im Bereich Schule beraten die Zentren die Lehrkräfte.'),
    ]);
    // "Bereich" is the head of "Elementarbereich"; "Lehrkräfte" is in no word of the entry.
    expect(kb.match('Was tun die Zentren im Bereich Kita?').answer?.id).toBe('elementar');
    expect(kb.match('Was tun die Zentren für Lehrkräfte in der Kita?').outcome).not.toBe('answer');
  });

  it('should answer with a close entry that has the key noun when the best one lacks it', () => {
    const kb = knowledgeOf([
      entry('mail', 'E-Mail der Stelle', ['Wie erreiche ich die Stelle per Mail?'], 'Die E-Mail der Stelle: stelle@example.org.'),
      entry('post', 'Postanschrift der Stelle', ['Wohin schicke ich der Stelle einen Brief?', 'Wie erreiche ich die Stelle mit einem Brief?'], 'Briefe an die Stelle: Ruhrallee 1, Dortmund.'),
      entry('telefon', 'Telefon der Stelle', ['Unter welcher Nummer erreiche ich die Stelle?'], 'Das Telefon der Stelle: 0231 5215 (nicht für Briefe).'),
    ]);
    // "per Mail?" shares more words with the question, but only the postal entry has "Brief".
    const explanation = kb.explain('Wie erreiche ich die Stelle per Brief?');
    expect(explanation.scored[0]!.entry.id).toBe('mail');
    expect(explanation.result).toMatchObject({ outcome: 'answer', answer: { id: 'post' } });
  });

  it('should measure the lead against rivals that have the key noun, not against one that lacks it', () => {
    const kb = knowledgeOf([
      entry('fax', 'Fax der Stelle', ['Faxnummer der Stelle', 'Stelle per Fax kontaktieren'], 'Das Fax der Stelle: 0231 5230.'),
      entry('mail', 'E-Mail der Stelle', ['Wie erreiche ich die Stelle per E-Mail?', 'Mailadresse der Stelle'], 'Die E-Mail der Stelle: stelle@example.org.'),
    ]);
    const result = kb.match('Wie erreiche ich die Stelle per Fax?');
    expect(result.outcome).toBe('answer');
    expect(result.answer?.id).toBe('fax');
    // Without a key noun that tells them apart, close entries stay suggestions.
    expect(kb.match('Wie erreiche ich die Stelle per Post?').outcome).not.toBe('answer');
  });
});
