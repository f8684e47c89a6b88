/**
 * Renders a check result as editors read it in a terminal or CI log: findings grouped per
 * file, one line each as `datei.yaml:ZEILE  feld  Meldung`, then a summary and the next step.
 */
import { CheckMessages } from './checkMessages';
import { DRAFTS_DIR, type CheckResult, type Finding } from './check';

/** Number of errors and warnings, for the exit code and the summary. */
export function countFindings(findings: readonly Finding[]): { errors: number; warnings: number } {
  const errors = findings.filter((finding) => finding.severity === 'error').length;
  return { errors, warnings: findings.length - errors };
}

/** One finding as one line (without the file group heading). */
export function formatFinding(finding: Finding): string {
  const where = finding.line ? `${finding.file}:${finding.line}` : finding.file;
  const severity = finding.severity === 'error' ? CheckMessages.severityError : CheckMessages.severityWarning;
  return `${where}  ${finding.field ?? '-'}  ${severity}: ${finding.message}`;
}

/** The whole output of `npm run kb:check`. */
export function formatCheckResult(result: CheckResult): string {
  const byFile = new Map<string, Finding[]>();
  const sorted = [...result.findings].sort(
    (a, b) =>
      Number(a.file.startsWith(`${DRAFTS_DIR}/`)) - Number(b.file.startsWith(`${DRAFTS_DIR}/`)) ||
      a.file.localeCompare(b.file) ||
      (a.line ?? 0) - (b.line ?? 0),
  );
  for (const finding of sorted) {
    const list = byFile.get(finding.file) ?? [];
    list.push(finding);
    byFile.set(finding.file, list);
  }
  const lines: string[] = [];
  let draftsHeadingShown = false;
  for (const [file, findings] of byFile) {
    if (file.startsWith(`${DRAFTS_DIR}/`) && !draftsHeadingShown) {
      lines.push(`== ${CheckMessages.draftsHeading} ==`, '');
      draftsHeadingShown = true;
    }
    lines.push(file, ...findings.map((finding) => `  ${formatFinding(finding)}`), '');
  }
  const { errors, warnings } = countFindings(result.findings);
  lines.push(CheckMessages.summary(errors, warnings, result.files, result.entries, result.drafts));
  lines.push(errors > 0 ? CheckMessages.nextStepErrors : warnings > 0 ? CheckMessages.nextStepWarnings : CheckMessages.nextStepClean);
  if (result.findings.some((finding) => finding.message.startsWith('YAML-Syntaxfehler'))) lines.push(CheckMessages.yamlFirst);
  return lines.join('\n');
}
