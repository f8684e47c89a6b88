/**
 * Leave-one-out robustness: for every question variant of every entry, the variant is removed
 * and asked again. A variant the bot still answers with its entry is covered by the entry's
 * other wording and the synonyms; one it no longer answers shows where unseen wordings of real
 * users will fail, and where a synonym or keyword would help more than another verbatim variant.
 */
import { buildKnowledgeBase, type MatcherSettings, type KnowledgeSource } from '../knowledge';

/** What happens to a variant once it is no longer listed. */
export type RobustnessOutcome =
  | { readonly kind: 'answered' }
  | { readonly kind: 'suggested' }
  | { readonly kind: 'declined' }
  | { readonly kind: 'other-entry'; readonly entryId: string };

export interface VariantResult {
  readonly entryId: string;
  readonly question: string;
  readonly outcome: RobustnessOutcome;
}

/** Rebuilds the index once per variant: seconds for a few hundred variants, by design offline. */
export function leaveOneOut(source: KnowledgeSource, settings: Partial<MatcherSettings> = {}): VariantResult[] {
  const results: VariantResult[] = [];
  source.entries.forEach((entry, entryIndex) => {
    entry.questions.forEach((question, questionIndex) => {
      const entries = source.entries.map((other, index) =>
        index === entryIndex ? { ...other, questions: other.questions.filter((_, q) => q !== questionIndex) } : other,
      );
      const result = buildKnowledgeBase({ ...source, entries }, settings).match(question);
      const outcome: RobustnessOutcome =
        result.answer?.id === entry.id
          ? { kind: 'answered' }
          : result.answer
            ? { kind: 'other-entry', entryId: result.answer.id }
            : result.suggestions.some((suggestion) => suggestion.id === entry.id)
              ? { kind: 'suggested' }
              : { kind: 'declined' };
      results.push({ entryId: entry.id, question, outcome });
    });
  });
  return results;
}
