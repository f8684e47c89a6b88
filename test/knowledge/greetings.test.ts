import { COURTESY } from '../../src/knowledge/chatWords';
import { GREETINGS, REGARDS, REGARDS_ABBREVIATIONS, THANKS, TIMES_OF_DAY } from '../../src/knowledge/greetings';
import { plainMessage } from '../../src/knowledge/mailText';
import { splitSentences } from '../../src/knowledge/sentenceSplit';
import { findFocus } from '../../src/knowledge/sentences';
import { isStopword } from '../../src/knowledge/text';

describe('greetings', () => {
  it('should name no topic: its greetings are stopwords and courtesy words', () => {
    for (const word of [...GREETINGS, ...TIMES_OF_DAY, ...REGARDS]) expect(isStopword(word)).toBe(true);
    for (const word of [...GREETINGS, ...THANKS, ...REGARDS, ...REGARDS_ABBREVIATIONS]) expect(COURTESY.has(word)).toBe(true);
  });

  it('should read every greeting of the vocabulary at every stage', () => {
    // The e-mail's salutation line, as the sentence stage reads a salutation: "Tach", "Hello" too.
    expect(plainMessage('Hello,\nwie ist die Faxnummer?')).toBe('wie ist die Faxnummer?');
    expect(plainMessage('Tach,\nwie ist die Faxnummer?')).toBe('wie ist die Faxnummer?');
    // A closing greeting with any adjective an e-mail's closing line has.
    const closing = findFocus('Wer fördert die LaKI? Kollegiale Grüße aus Herne', isStopword).pieces.at(-1);
    expect(closing).toEqual({ text: 'Kollegiale Grüße aus Herne', role: 'courtesy', why: 'a closing greeting' });
    // Thanks name no topic: not context of the question.
    expect(findFocus('Wer fördert die LaKI? Dankeschön!', isStopword).parts[0]!.context).toEqual([]);
    // A run-on message: the greeting before its question, the adjective before its closing greeting.
    expect(splitSentences('hello wer fördert die laki und wo sitzt sie')).toEqual(['hello', 'wer fördert die laki und wo sitzt sie']);
    expect(splitSentences('was machen die kis für kitas freundliche grüße aus hamm')).toEqual(['was machen die kis für kitas', 'freundliche grüße aus hamm']);
  });
});
