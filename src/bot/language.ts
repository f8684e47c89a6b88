/**
 * Whether a message is English, for the one English line the bot adds ("The answer is in
 * German"). The matcher's own reading wins when it reports a language; this small word count is
 * the fallback. It only decides that extra line, never what is answered, so a miss costs a line.
 */

/** Frequent English function words that are not German words (folded to lower case). */
const ENGLISH_WORDS = new Set([
  'the', 'what', 'who', 'whom', 'which', 'where', 'when', 'why', 'how', 'is', 'are', 'was', 'were',
  'do', 'does', 'did', 'can', 'could', 'would', 'should', 'of', 'to', 'for', 'with', 'at', 'on',
  'a', 'an', 'and', 'address', 'number', 'funds', 'phone', 'email', 'or', 'my', 'me', 'you', 'your', 'i', 'we', 'our', 'they', 'their', 'it', 'its',
  'this', 'that', 'there', 'please', 'need', 'tell', 'give', 'any', 'about', 'from', 'have', 'has',
]);

/** Frequent German function words, some of which look English ("die", "was", "an"). */
const GERMAN_WORDS = new Set([
  'der', 'die', 'das', 'den', 'dem', 'des', 'ein', 'eine', 'einen', 'ist', 'sind', 'wie', 'wer', 'wo',
  'welche', 'welcher', 'welches', 'und', 'oder', 'ich', 'sie', 'wir', 'es', 'gibt', 'für', 'fur', 'mit',
  'bei', 'zu', 'von', 'im', 'in', 'auf', 'nicht', 'auch', 'hat', 'haben', 'kann', 'können', 'konnen',
  'bitte', 'mir', 'uns', 'ihre', 'unser', 'unsere', 'mal', 'noch', 'schon', 'denn', 'eigentlich',
]);

/**
 * `'en'` when English function words clearly outnumber German ones (two without any German one,
 * else at least three and more than twice as many), else `undefined`. "Was" and "an" count for both languages, so a German
 * question is never taken for English by them alone.
 */
export function detectEnglish(text: string): 'en' | undefined {
  const words = text.toLowerCase().match(/[a-zäöüß]+/g) ?? [];
  let english = 0;
  let german = 0;
  for (const word of words) {
    if (ENGLISH_WORDS.has(word)) english++;
    if (GERMAN_WORDS.has(word)) german++;
  }
  const clearly = german === 0 ? english >= 2 : english >= 3 && english > 2 * german;
  return clearly ? 'en' : undefined;
}
