/**
 * `npm run ask -- "Frage"`: prints what the bot would answer, from the same knowledge base and
 * matcher, without starting a server. `--json` prints how the question was read and scored.
 */
import { Messages } from '../src/chat/messages';
import { answerText, loadKnowledgeBase, type MatchResult } from '../src/knowledge';

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
  return `${Messages.noAnswerTitle}\n${Messages.noAnswerExplanation}`;
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const json = args.includes('--json');
  const question = args.filter((arg) => arg !== '--json').join(' ').trim();
  if (!question) {
    console.error('Usage: npm run ask -- "Ihre Frage" [--json]');
    process.exit(2);
  }
  const kb = await loadKnowledgeBase(process.env.KNOWLEDGE_DIR ?? 'knowledge');
  const { analysis, scored, result } = kb.explain(question);
  if (json) {
    const candidates = scored.slice(0, 5).map((c) => ({ id: c.entry.id, score: round(c.score), coverage: round(c.coverage) }));
    const { readings, tokens, forwardTerms } = analysis;
    console.log(JSON.stringify({ outcome: result.outcome, declineReason: result.declineReason, tokens, readings, forwardTerms, candidates }, null, 2));
    return;
  }
  console.log(render(result));
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
