/**
 * `npm run kb:robustness`: asks every question variant of the knowledge base once more with that
 * variant removed (leave-one-out) and lists, per entry, the variants the bot would then miss.
 * Advisory for editors (German output, exit 0); it takes a few seconds per hundred variants.
 */
import { loadConfig } from '../../src/config';
import { readKnowledgeSource } from '../../src/knowledge/loader';
import { leaveOneOut, type RobustnessOutcome } from '../../src/editors/robustness';

function describe(outcome: RobustnessOutcome): string {
  switch (outcome.kind) {
    case 'answered':
      return 'beantwortet';
    case 'suggested':
      return 'nur noch als „Meinten Sie …“';
    case 'declined':
      return 'keine Antwort mehr';
    case 'other-entry':
      return `beantwortet mit „${outcome.entryId}“`;
  }
}

async function main(): Promise<void> {
  const dir = loadConfig(process.env).knowledgeDir;
  const results = leaveOneOut(await readKnowledgeSource(dir));
  const misses = results.filter((result) => result.outcome.kind !== 'answered');
  console.log(`Robustheit der Wissensbasis in "${dir}" (jede Frage einmal ohne sich selbst gestellt)\n`);
  let current = '';
  for (const miss of misses) {
    if (miss.entryId !== current) console.log(`\n${(current = miss.entryId)}`);
    console.log(`  - „${miss.question}“: ${describe(miss.outcome)}`);
  }
  const answered = results.length - misses.length;
  console.log(
    `\n${answered} von ${results.length} Fragen (${Math.round((100 * answered) / Math.max(results.length, 1))} %) ` +
      'findet der Bot auch ohne ihren genauen Wortlaut.',
  );
  if (misses.length > 0) {
    console.log(
      'Nächster Schritt: Ergänzen Sie für die genannten Fragen Synonyme (knowledge/synonyms.yaml) oder Schlagwörter, ' +
        'statt weitere wörtliche Varianten anzulegen; „beantwortet mit …“ zeigt Einträge, die sich überschneiden.',
    );
  }
}

main().catch((error: unknown) => {
  console.error(`Die Prüfung konnte nicht laufen: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 2;
});
