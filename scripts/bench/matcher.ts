/**
 * Matcher scaling: index build time, per-query match time and retained heap for a knowledge
 * base, measured in this process.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { buildKnowledgeBase, type Entry, type SynonymsFile } from '../../src/knowledge';
import { percentile } from './stats';

/** Exposes V8's `gc()` without a command-line flag, so heap deltas are not garbage noise. */
function collector(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

export interface MatcherResult {
  readonly label: string;
  readonly entries: number;
  readonly vocabulary: number;
  readonly buildMs: number;
  /**
   * CPU time of the build (user + system, `process.cpuUsage`): steadier than wall time when other
   * processes share the cores, but it also counts V8's helper threads (garbage collection).
   */
  readonly buildCpuMs: number;
  readonly queries: number;
  /** The mean decides throughput; p50 alone hides a slow tail. */
  readonly matchMeanMs: number;
  readonly matchP50Ms: number;
  readonly matchP99Ms: number;
  /** heapUsed after building minus before, with garbage collected on both sides. */
  readonly heapDeltaMb: number;
  /** How the queries split by outcome. */
  readonly outcomes: Record<string, number>;
}

/** Builds the index for `entries` once and times `questions` against it (after a short warm-up). */
export function measureMatcher(label: string, entries: readonly Entry[], synonyms: SynonymsFile, questions: readonly string[]): MatcherResult {
  const gc = collector();
  gc();
  gc();
  const heapBefore = process.memoryUsage().heapUsed;
  const cpuBefore = process.cpuUsage();
  const buildStarted = performance.now();
  const kb = buildKnowledgeBase({ entries, synonyms, files: [] });
  const buildMs = performance.now() - buildStarted;
  const cpu = process.cpuUsage(cpuBefore);
  const buildCpuMs = (cpu.user + cpu.system) / 1000;
  gc();
  gc();
  const heapDeltaMb = (process.memoryUsage().heapUsed - heapBefore) / (1024 * 1024);

  for (const question of questions.slice(0, 50)) kb.match(question);
  const times: number[] = [];
  const outcomes: Record<string, number> = {};
  for (const question of questions) {
    const started = performance.now();
    const result = kb.match(question);
    times.push(performance.now() - started);
    outcomes[result.outcome] = (outcomes[result.outcome] ?? 0) + 1;
  }
  return {
    label,
    entries: kb.entries.length,
    vocabulary: kb.vocabularySize,
    buildMs,
    buildCpuMs,
    queries: questions.length,
    matchMeanMs: times.reduce((total, time) => total + time, 0) / times.length,
    matchP50Ms: percentile(times, 50),
    matchP99Ms: percentile(times, 99),
    heapDeltaMb,
    outcomes,
  };
}
