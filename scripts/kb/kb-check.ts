/**
 * `npm run kb:check`: checks the knowledge base in `KNOWLEDGE_DIR` (default `knowledge`) and its
 * drafts, prints every finding with file and line in German, and exits 1 when there are errors
 * (warnings alone exit 0). CI runs it as part of `npm test`.
 */
import { loadConfig } from '../../src/config';
import { checkKnowledge } from '../../src/editors/check';
import { countFindings, formatCheckResult } from '../../src/editors/checkFormat';

async function main(): Promise<void> {
  const dir = loadConfig(process.env).knowledgeDir;
  const result = await checkKnowledge(dir);
  console.log(`Prüfung der Wissensbasis in "${dir}"\n`);
  console.log(formatCheckResult(result));
  process.exitCode = countFindings(result.findings).errors > 0 ? 1 : 0;
}

main().catch((error: unknown) => {
  console.error(`Die Prüfung konnte nicht laufen: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 2;
});
