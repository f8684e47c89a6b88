/**
 * Which question sets `npm run bench:quality` evaluates when it is given no file.
 *
 * The development set lives outside the repository (`../shared/eval/dev-questions.yaml`, next to
 * the project's checkout on the team's machines). A fresh clone elsewhere does not have it, so the
 * benchmark then falls back to the independent set that ships in the repository instead of failing.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';

/** The development set, relative to the project root. */
export const DEV_SET = path.join('..', 'shared', 'eval', 'dev-questions.yaml');
/** The independent set committed with the project, relative to the project root. */
export const IN_REPO_SET = path.join('test', 'fixtures', 'eval', 'extra-questions.yaml');

export interface DefaultSets {
  readonly files: readonly string[];
  /** Said on stderr when the fallback is used, so nobody mistakes its figures for the dev set's. */
  readonly note?: string;
}

/** The dev set when it is present next to `root`, otherwise the in-repo independent set. */
export function defaultQuestionSets(root: string): DefaultSets {
  const dev = path.resolve(root, DEV_SET);
  if (existsSync(dev)) return { files: [dev] };
  return {
    files: [path.resolve(root, IN_REPO_SET)],
    note: `${DEV_SET} not found; evaluating the in-repository set ${IN_REPO_SET} instead.`,
  };
}

/**
 * True for a held-out set (`…holdout…` in its file name): measured, never read. The benchmarks
 * print its figures only, not its missed questions, unless asked with `--show-held-out`.
 */
export function isHeldOut(file: string): boolean {
  return path.basename(file).includes('holdout');
}

/** Said instead of a held-out set's misses. */
export const HELD_OUT_NOTE = '(held-out set: its missed questions are not printed; --show-held-out prints them)';
