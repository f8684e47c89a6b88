import type { AskPayload } from '../bot/payloads';
import { Verb } from '../bot/verbs';
import { actionSet, CardElement, submitAction } from './elements';

/** Example questions as buttons; a click asks the question as if typed. */
export function exampleButtons(examples: readonly string[]): CardElement {
  return actionSet(
    examples.map((question) => submitAction<AskPayload>(question, { verb: Verb.Ask, question })),
    { spacing: 'Small' },
  );
}
