/**
 * `npm run kb:history`: every publish and undo as editors and auditors read it — when, who, which
 * entry, and (with `full`) the entry before and after as YAML.
 */
import { entrySchema } from '../knowledge';
import type { KnowledgeRevision } from '../storage';
import { printEntry } from './entryYaml';
import { EditorMessages as M, germanDateTime } from '../chat';

/** One block per revision, newest first as given. */
export function formatHistory(revisions: readonly KnowledgeRevision[], options: { readonly full?: boolean } = {}): string {
  if (revisions.length === 0) return M.historyEmpty;
  return revisions.map((revision) => formatRevision(revision, options.full ?? false)).join('\n\n');
}

function formatRevision(revision: KnowledgeRevision, full: boolean): string {
  const who = revision.actor.aadObjectId ? `${revision.actor.name} (${revision.actor.aadObjectId})` : revision.actor.name;
  const undone = revision.undoneSeq ? ` (#${revision.undoneSeq})` : '';
  const head =
    `#${revision.seq}  ${germanDateTime(revision.at)}  ${M.historyAction[revision.action]}${undone}  ` +
    `[${revision.entryId}] ${revision.title}  ${revision.file}  ${who}`;
  const versions = `    ${revision.beforeHash} → ${revision.afterHash}`;
  if (!full) return `${head}\n${versions}`;
  return [head, versions, `  ${M.historyBefore}`, yamlOf(revision.before), `  ${M.historyAfter}`, yamlOf(revision.after)].join('\n');
}

function yamlOf(entry: Readonly<Record<string, unknown>> | undefined): string {
  if (!entry) return `    ${M.historyAbsent}`;
  const parsed = entrySchema.safeParse(entry);
  const text = parsed.success ? printEntry(parsed.data) : JSON.stringify(entry, null, 2);
  return text
    .split('\n')
    .map((line) => `    ${line}`)
    .join('\n');
}
