/**
 * The individual rules of the editors' check, each over entries located in their files:
 * duplicate questions, question variants the matcher sends elsewhere, thin or stale entries,
 * ambiguous synonyms. `check.ts` runs them on the served knowledge and on drafts.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { CheckMessages } from './checkMessages';
import {
  type LoadProblem,
  type IndexedKnowledgeBase,
  parseYaml,
  entryFileSchema,
  SYNONYMS_FILE,
  synonymsFileSchema,
  type Entry,
  fold,
  synonymStems,
} from '../knowledge';

export type Severity = 'error' | 'warning';

/** One finding, located like a loader problem (file relative to the knowledge directory). */
export interface Finding extends LoadProblem {
  readonly severity: Severity;
}

/** Where each entry and its questions sit, to put a line number on every finding. */
export interface Located {
  readonly entry: Entry;
  readonly file: string;
  /** Line of a field of this entry, e.g. `['questions', 2]`. */
  lineOf(fieldPath: ReadonlyArray<PropertyKey>): number | undefined;
}

/**
 * Pairs each validated entry with its file and a line finder. The files were just validated,
 * so parsing them again cannot fail; entries are joined by id, which is unique by then.
 */
export async function locateEntries(dir: string, files: readonly string[], entries: readonly Entry[], prefix = ''): Promise<Located[]> {
  const byId = new Map(entries.map((entry) => [entry.id, entry]));
  const located: Located[] = [];
  for (const file of files) {
    if (file === SYNONYMS_FILE) continue;
    const parsed = parseYaml(file, await readFile(path.join(dir, file), 'utf8'), entryFileSchema, []);
    parsed?.value.entries.forEach((raw, index) => {
      const entry = byId.get(String((raw as { id?: unknown }).id));
      if (!entry) return;
      byId.delete(entry.id);
      located.push({ entry, file: prefix + file, lineOf: (fieldPath) => parsed.lineOf(['entries', index, ...fieldPath]) });
    });
  }
  return located;
}

/**
 * The same question in two entries (after folding case, umlauts and punctuation): the matcher
 * cannot tell them apart, so users asking it only get "Meinten Sie …". `onlyIds` limits the
 * findings to some entries (drafts).
 */
export function checkDuplicateQuestions(located: readonly Located[], severity: Severity, onlyIds?: ReadonlySet<string>): Finding[] {
  const firstSeen = new Map<string, { item: Located; index: number }>();
  const findings: Finding[] = [];
  for (const item of located) {
    item.entry.questions.forEach((question, index) => {
      const key = fold(question).replace(/[^a-z0-9]+/g, ' ').trim();
      const previous = firstSeen.get(key);
      if (!previous) {
        firstSeen.set(key, { item, index });
        return;
      }
      if (previous.item.entry.id === item.entry.id || (onlyIds && !onlyIds.has(item.entry.id))) return;
      const where = `${previous.item.file}:${previous.item.lineOf(['questions', previous.index]) ?? '?'}`;
      findings.push({
        file: item.file,
        line: item.lineOf(['questions', index]),
        field: `${item.entry.id}.questions[${index}]`,
        severity,
        message: CheckMessages.duplicateQuestion(question, previous.item.entry.id, where),
      });
    });
  }
  return findings;
}

/**
 * Asks the matcher every question variant. A variant another entry answers directly is an
 * error for served entries (users asking it get the wrong answer); a variant that only gets
 * "Meinten Sie …" or no answer is a warning. Pairs of entries whose variants land on each
 * other are reported once, as competing. `onlyIds` limits the check to some entries (drafts).
 */
export function checkVariants(
  kb: IndexedKnowledgeBase,
  located: readonly Located[],
  competingThreshold: number,
  answeredByOtherSeverity: Severity,
  onlyIds?: ReadonlySet<string>,
): Finding[] {
  const findings: Finding[] = [];
  const landings = new Map<string, number>();
  const checked = located.filter((item) => !onlyIds || onlyIds.has(item.entry.id));
  for (const { entry, file, lineOf } of checked) {
    entry.questions.forEach((question, index) => {
      const result = kb.match(question);
      if (result.outcome === 'answer' && result.answer?.id === entry.id) return;
      const at = { file, line: lineOf(['questions', index]), field: `${entry.id}.questions[${index}]` };
      let landedOn: string[] = [];
      if (result.outcome === 'answer' && result.answer) {
        landedOn = [result.answer.id];
        findings.push({
          ...at,
          severity: answeredByOtherSeverity,
          message: CheckMessages.answeredByOther(question, result.answer.title, result.answer.id),
        });
      } else if (result.outcome === 'suggest') {
        const ids = result.suggestions.map((suggestion) => suggestion.id);
        landedOn = ids.filter((id) => id !== entry.id);
        findings.push({ ...at, severity: 'warning', message: CheckMessages.onlySuggested(question, ids, ids.includes(entry.id)) });
      } else {
        findings.push({ ...at, severity: 'warning', message: CheckMessages.notAnswered(question, result.declineReason) });
      }
      for (const other of landedOn) {
        const key = [entry.id, other].sort().join('\u0000');
        landings.set(key, (landings.get(key) ?? 0) + 1);
      }
    });
  }
  const byId = new Map(located.map((item) => [item.entry.id, item]));
  for (const [key, count] of landings) {
    if (count < competingThreshold) continue;
    const [a, b] = key.split('\u0000') as [string, string];
    // Report on the side being checked (a draft), else on the first id in alphabetical order.
    const [here, there] = onlyIds && !onlyIds.has(a) ? [b, a] : [a, b];
    const item = byId.get(here)!;
    findings.push({
      file: item.file,
      line: item.lineOf(['id']),
      field: `${here}`,
      severity: 'warning',
      message: CheckMessages.competing(there, byId.get(there)?.file ?? '?', count),
    });
  }
  return findings;
}

/** Too few question variants, and reviews older than the allowed age. */
export function checkEntryHygiene(located: readonly Located[], minQuestions: number, maxAgeMonths: number, now: Date): Finding[] {
  const findings: Finding[] = [];
  const cutoff = new Date(now);
  cutoff.setUTCMonth(cutoff.getUTCMonth() - maxAgeMonths);
  const cutoffDay = cutoff.toISOString().slice(0, 10);
  for (const { entry, file, lineOf } of located) {
    if (entry.questions.length < minQuestions) {
      findings.push({
        file,
        line: lineOf(['questions']),
        field: `${entry.id}.questions`,
        severity: 'warning',
        message: CheckMessages.fewQuestions(entry.questions.length, minQuestions),
      });
    }
    if (entry.reviewed < cutoffDay) {
      findings.push({
        file,
        line: lineOf(['reviewed']),
        field: `${entry.id}.reviewed`,
        severity: 'warning',
        message: CheckMessages.staleReview(entry.reviewed, maxAgeMonths),
      });
    }
  }
  return findings;
}

/** The lists of groups in the synonyms file. */
type SynonymGroupKey = 'groups' | 'fillers';

/** A member of a synonym group, where it stands in the synonyms file. */
interface Member {
  readonly term: string;
  readonly line: number | undefined;
  readonly field: string;
}

/**
 * Synonym members the matcher reads otherwise than the editor meant:
 * - a term listed in two groups, or two terms read as the same word ("Gründer" and "gründen"
 *   share their stem) in two groups: only the first group counts, by file order;
 * - a phrase whose other words are fillers ("work with" is read as "work"): it then holds for
 *   every sentence with that one word;
 * - a member made only of fillers ("machen", "who"): it never matches anything;
 * - a member that splits a word of the entries into itself and a filler (see
 *   {@link checkFillerCompounds}).
 */
export async function checkSynonyms(
  dir: string,
  files: readonly string[],
  kb: IndexedKnowledgeBase,
  located: readonly Located[],
): Promise<Finding[]> {
  if (!files.includes(SYNONYMS_FILE)) return [];
  const parsed = parseYaml(SYNONYMS_FILE, await readFile(path.join(dir, SYNONYMS_FILE), 'utf8'), synonymsFileSchema, []);
  if (!parsed) return [];
  const firstSeen = new Map<string, { readonly key: SynonymGroupKey; readonly group: number; readonly term: string }>();
  /** The first member (by file order) that brings each stem into the matcher's vocabulary. */
  const memberOfStem = new Map<string, Member>();
  const findings: Finding[] = [];
  const groups = [
    ...parsed.value.groups.map((group, index) => ({ key: 'groups' as const, group, index })),
    ...(parsed.value.fillers ?? []).map((group, index) => ({ key: 'fillers' as const, group, index })),
  ];
  groups.forEach(({ key: groupKey, group, index: groupIndex }) => {
    const inThisGroup = new Set<string>();
    const stemsOfGroup = group.map(synonymStems);
    group.forEach((term, termIndex) => {
      const at = { file: SYNONYMS_FILE, line: parsed.lineOf([groupKey, groupIndex, termIndex]), field: `${groupKey}[${groupIndex}][${termIndex}]` };
      const stems = stemsOfGroup[termIndex]!;
      for (const stem of stems) if (!memberOfStem.has(stem)) memberOfStem.set(stem, { term, line: at.line, field: at.field });
      const written = fold(term).replace(/\s+/g, ' ').trim();
      // "auf Landesebene" next to "Landesebene" says nothing new; "work with" alone would be "work".
      const alsoAlone = stemsOfGroup.some((other, index) => index !== termIndex && other.length === 1 && other[0] === stems[0]);
      // "besser werden": both words are fillers, so the member never matches anything.
      if (stems.length === 0) findings.push({ ...at, severity: 'warning', message: CheckMessages.fillerMember(term) });
      if (written.includes(' ') && stems.length === 1 && !alsoAlone) {
        findings.push({ ...at, severity: 'warning', message: CheckMessages.phraseReadAsWord(term, stems[0]!) });
      }
      const key = stems.join(' ');
      if (!key || inThisGroup.has(key)) return;
      inThisGroup.add(key);
      const previous = firstSeen.get(key);
      if (previous === undefined) {
        firstSeen.set(key, { key: groupKey, group: groupIndex, term });
        return;
      }
      const otherLine = parsed.lineOf([previous.key, previous.group]);
      const sameTerm = fold(previous.term).replace(/\s+/g, ' ').trim() === written;
      findings.push({
        ...at,
        severity: 'warning',
        message: sameTerm ? CheckMessages.ambiguousSynonym(term, otherLine) : CheckMessages.sameWordInTwoGroups(term, previous.term, otherLine),
      });
    });
  });
  findings.push(...checkFillerCompounds(kb, located, memberOfStem));
  return findings;
}

/**
 * A member that makes the matcher split a word of the entries into a compound whose other part
 * carries no meaning: with "Geld" in a group, "Geldgeber" is read as "Geld" + "geben", and
 * "geben" stands in the group of words no entry uses. Such a part puts that group's token into
 * the entry, so questions with any of its words (who, geben, laufen …) lean towards it and
 * answers elsewhere change without a sign. Without the member the word was read as itself (or
 * split otherwise): only splits that need a stem no entry writes are reported, at the member
 * that brings it; where the filler itself brings the split ("Arbeitgeber" as "Arbeit" +
 * "geben"), at the filler. Splits into meaningful parts ("Sprachförderung") are fine, and
 * pieces that are stopwords or shorter than three letters are never split off by the analyzer.
 */
function checkFillerCompounds(kb: IndexedKnowledgeBase, located: readonly Located[], memberOfStem: ReadonlyMap<string, Member>): Finding[] {
  const findings: Finding[] = [];
  for (const compound of kb.synonymCompounds()) {
    const filler = compound.parts.find((part) => part.filler);
    if (!filler) continue;
    const cause = compound.parts.find((part) => part.written === undefined && !part.filler) ?? filler;
    const member = memberOfStem.get(cause.stem);
    const fillerMember = memberOfStem.get(filler.stem);
    if (!member || !fillerMember) continue;
    const shown = compound.parts.map((part) => part.written ?? memberOfStem.get(part.stem)?.term ?? part.stem);
    findings.push({
      file: SYNONYMS_FILE,
      line: member.line,
      field: member.field,
      severity: 'warning',
      message: CheckMessages.fillerCompound(member.term, compound.written, whereWritten(located, compound.written), shown, fillerMember.term, fillerMember.line),
    });
  }
  return findings;
}

/** Where an entry writes a word ("laki.yaml:330"), and how many more places do. */
function whereWritten(located: readonly Located[], word: string): string {
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`, 'iu');
  const places: string[] = [];
  for (const { entry, file, lineOf } of located) {
    const lines: Array<number | undefined> = [];
    const fields: Array<[ReadonlyArray<PropertyKey>, string]> = [
      [['title'], entry.title],
      ...entry.questions.map((question, index): [PropertyKey[], string] => [['questions', index], question]),
      ...entry.keywords.map((keyword, index): [PropertyKey[], string] => [['keywords', index], keyword]),
      [['answer'], entry.answer],
      [['contact'], entry.contact ? JSON.stringify(entry.contact) : ''],
    ];
    for (const [field, text] of fields) if (pattern.test(text)) lines.push(lineOf(field));
    lines.sort((a, b) => (a ?? Infinity) - (b ?? Infinity));
    places.push(...lines.map((line) => `${file}:${line ?? '?'}`));
  }
  return CheckMessages.places(places);
}
