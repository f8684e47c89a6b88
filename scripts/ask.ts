/**
 * `npm run ask -- "Frage"`: prints what the bot would answer, from the same knowledge base and
 * matcher, without starting a server. `--json` prints every stage of reading the message: its
 * pieces and their roles (which part was taken as the question and why), each part's word
 * readings, tokens, context words, candidates and decision. `--after ENTRY_ID` reads the message
 * as a follow-up to that entry's answer.
 */
import { Messages } from '../src/chat/messages';
import { answerText, loadKnowledgeBase, type MatchResult, type MessageTrace } from '../src/knowledge';

function render(result: MatchResult): string {
  if (result.answer) {
    const { answer } = result;
    return [
      `${answer.title}  [${answer.id}]`,
      '',
      answerText(answer),
      '',
      `${Messages.answerSourcePrefix} ${answer.source.document}, ${Messages.answerSectionPrefix} ${answer.source.section}`,
    ].join('\n');
  }
  if (result.outcome === 'suggest') {
    return [Messages.suggestTitle, ...result.suggestions.map((entry) => `- ${entry.title}  [${entry.id}]`)].join('\n');
  }
  const nearby = result.nearby ?? [];
  return [
    Messages.noAnswerTitle,
    Messages.noAnswerExplanation,
    ...(nearby.length ? ['', `${Messages.noAnswerNearbyHeading}: ${Messages.noAnswerNearbyIntro}`, ...nearby.map((entry) => `- ${entry.title}  [${entry.id}]`)] : []),
  ].join('\n');
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

/** Every stage's result as plain JSON. */
function stages(trace: MessageTrace): unknown {
  return {
    typed: trace.typed,
    sentencesAndFocus: trace.pieces,
    parts: trace.parts.map(({ text, why, context, leansOn, elliptic, followUp, explanation }) => {
      const { analysis, scored, result, contextTokens, contextAsQuestion } = explanation;
      return {
        text,
        why,
        context,
        leansOn,
        elliptic,
        followUp,
        contextAsQuestion,
        words: analysis.readings,
        tokens: analysis.tokens,
        contextTokens,
        forwardTerms: analysis.forwardTerms,
        nouns: analysis.nounTokens,
        keyNouns: explanation.keyNouns,
        candidates: scored.slice(0, 5).map((c) => ({ id: c.entry.id, score: round(c.score), coverage: round(c.coverage) })),
        outcome: result.outcome,
        declineReason: result.declineReason,
        shown: result.answer ? [result.answer.id] : result.suggestions.map((entry) => entry.id),
      };
    }),
    main: { outcome: trace.match.main.outcome, answer: trace.match.main.answer?.id ?? null, nearby: trace.match.main.nearby?.map((entry) => entry.id) },
    followUp: trace.match.followUp,
  };
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const json = args.includes('--json');
  const afterIndex = args.indexOf('--after');
  const after = afterIndex === -1 ? undefined : args[afterIndex + 1];
  const question = args
    .filter((arg, index) => arg !== '--json' && (afterIndex === -1 || (index !== afterIndex && index !== afterIndex + 1)))
    .join(' ')
    .trim();
  if (!question) {
    console.error('Usage: npm run ask -- "Ihre Frage" [--json] [--after ENTRY_ID]');
    process.exit(2);
  }
  const kb = await loadKnowledgeBase(process.env.KNOWLEDGE_DIR ?? 'knowledge');
  const trace = kb.explainMessage(question, after ? { lastEntryId: after } : undefined);
  if (json) {
    console.log(JSON.stringify(stages(trace), null, 2));
    return;
  }
  const parts = trace.match.parts;
  console.log(parts.length === 1 ? render(parts[0]!) : parts.map((part) => `» ${part.text}\n${render(part)}`).join('\n\n'));
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
