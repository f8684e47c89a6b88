import { type AskPayload, Verb } from '../chat';
import { CardElement, choiceList } from './elements';

/** Example questions as clickable rows; a click asks the question as if typed. */
export function exampleButtons(examples: readonly string[]): CardElement {
  return choiceList(
    examples.map((question) => ({ title: question, data: { verb: Verb.Ask, question } satisfies AskPayload })),
    { spacing: 'Small' },
  );
}
