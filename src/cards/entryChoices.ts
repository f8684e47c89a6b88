import { type ShowEntryPayload, Verb } from '../chat';
import type { Entry } from '../knowledge';
import { CardElement, choiceList } from './elements';

/**
 * One button per entry that opens its answer: the "Meinten Sie …" choices, the related entries
 * under an answer and the similar topics under "no answer". `question` is the question the card
 * is about, when the opened entry's card should carry it.
 */
export function entryChoices(
  entries: readonly Entry[],
  origin: ShowEntryPayload['origin'],
  question: string | undefined,
  extra: Record<string, unknown> = {},
): CardElement {
  return choiceList(
    entries.map((entry) => ({
      title: entry.title,
      data: { verb: Verb.ShowEntry, entryId: entry.id, origin, ...(question ? { question } : {}) } satisfies ShowEntryPayload,
    })),
    extra,
  );
}
