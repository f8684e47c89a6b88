import { existsSync } from 'node:fs';
import path from 'node:path';
import { loadKnowledgeBase, type IndexedKnowledgeBase } from '../../src/knowledge';
import { evaluateCase, isRight, itemsOf, readCases, tally } from '../../scripts/quality/evaluate';

const root = path.join(__dirname, '../..');
const devSet = path.join(root, '../shared/eval/dev-questions.yaml');
const extraSet = path.join(root, 'test/fixtures/eval/extra-questions.yaml');
const realMessages = path.join(root, 'test/fixtures/eval/real-messages.yaml');
const realMessages2 = path.join(root, 'test/fixtures/eval/real-messages-2.yaml');
const realMessages3 = path.join(root, 'test/fixtures/eval/real-messages-3.yaml');
/** Tuning sets of 6 and 7 December: [file, cases right at least, confident wrong parts/turns at most] — figures at the end of the session that last raised each. */
const laterTuningSets = [
  ['real-messages-4.yaml', 117, 1],
  ['real-messages-5.yaml', 94, 0],
  ['real-messages-6.yaml', 68, 0],
  // Written in the afternoon of 6 December; each was measured before it was tuned on (README).
  ['real-messages-7.yaml', 91, 0],
  ['real-messages-8.yaml', 94, 0],
  ['real-messages-9.yaml', 89, 1],
  ['real-messages-10.yaml', 92, 0],
  ['real-messages-11.yaml', 94, 1],
  // Written on 6 December (second session of that day); 72 right and 4 confident wrong at first sight.
  ['real-messages-12.yaml', 90, 1],
  // Written on 6 December (second session): 75 long messages with context, 25 unanswerable; 66 right
  // on that morning's code, 67 on arrival.
  ['real-messages-13.yaml', 80, 1],
  // Written on 6 December (third session): 45 long messages with context, 15 English, 10 follow-ups,
  // 10 with several questions, 20 unanswerable; 77 right and 5 confident wrong at first sight.
  ['real-messages-14.yaml', 86, 0],
  // Written on 6 December (third session), emphasis on follow-up conversations (30 of 100); 76 right
  // on the code of that session's start, 75 on arrival.
  ['real-messages-15.yaml', 92, 2],
  // Written at the end of that session: 40 conversations, 10 messages with several questions, 10
  // unanswerable; 43 of 60 right on the code of that session's start, 45 on arrival.
  ['real-messages-16.yaml', 55, 0],
  // Written at the start of 6 December's fourth session, emphasis on situations told in everyday words (50
  // long messages with context of 100); 77 right at first sight, 85 at that session's end.
  ['real-messages-17.yaml', 86, 0],
  // Written at the start of 6 December's fifth session, emphasis on honesty near covered topics and
  // follow-ups; 79 right and 6 confident wrong parts/turns at first sight.
  ['real-messages-18.yaml', 93, 2],
  // Written at the start of 7 December's second session, emphasis on long messages whose question is thin
  // or points into the context, and on honesty; 77 right and 4 confident wrong parts/turns at first sight, 84 and 2 at its end.
  ['real-messages-19.yaml', 85, 2],
  // Written in 7 December's second session, emphasis on follow-up conversations (40) and messages with
  // several questions (25); 79 right and 14 confident wrong parts/turns at first sight, 85 and 9 at its end.
  ['real-messages-20.yaml', 89, 7],
  // Written at the start of 7 December's third session, emphasis on honesty near covered topics (30
  // unanswerable) and follow-ups (30); 77 right and 6 confident wrong parts/turns at first sight.
  ['real-messages-21.yaml', 87, 2],
  // Written in 7 December's third session, emphasis on long messages with context from many professions
  // (50), English (15) and follow-ups (15); 80 right and 6 confident wrong parts/turns at first sight.
  ['real-messages-22.yaml', 88, 3],
  // Written at the start of 7 December's fourth session, emphasis on long messages whose question is thin or
  // a request (35) and on follow-ups (25); 74 right and 3 confident wrong parts/turns at first sight, 80 and 2 at its end.
  ['real-messages-23.yaml', 85, 2],
  // Written at the start of 7 December's fifth session, emphasis on long messages whose question is thin or
  // points back into the situation (40) and on follow-ups (25); 76 right and 6 confident wrong parts/turns at first sight, 82 and 3 at its end.
  ['real-messages-24.yaml', 86, 1],
  // Written at the start of 7 December's sixth session, emphasis on English (15), follow-ups (25) and long
  // messages whose question sits in the middle or is a statement (30); 73 right and 5 confident wrong parts/turns at first sight, 79 and 4 at its end.
  ['real-messages-25.yaml', 82, 2],
  // Written at the start of 7 December's seventh session, emphasis on long messages whose question comes first or as a
  // wish, with rhetorical questions and the writer's own figures in the context, and on near-miss unanswerable ones; 77 right and 11 confident wrong parts/turns at first sight, 89 and 3 at its end.
  ['real-messages-26.yaml', 90, 2],
  // Written at the start of 7 December's eighth session, emphasis on writers from clubs and institutions whose decisive
  // word sits outside the asked sentence, everyday English, follow-ups after declined turns and near-misses using
  // flyer words in another sense; 71 right and 9 confident wrong parts/turns at first sight, 83 and 7 at its end (84 and 6 at the end of the ninth, 85 and 4 on 8 December).
  ['real-messages-27.yaml', 85, 4],
  // Written at the start of 7 December's ninth session, emphasis on office mails with numbered or bulleted questions,
  // figures and claims in reported speech, wish clauses, the topic only in the context and near-misses asking who runs,
  // decides or pays; 60 right and 11 confident wrong parts/turns at first sight, 68 and 4 at its end (70 and 3 on 8 December).
  ['real-messages-28.yaml', 70, 3],
  // Written at the start of the session of 8 December, emphasis on context full of unknown local words with a short
  // question pointing back, relative clauses, comparatives, English "or" choices, follow-ups asking for one's own
  // centre's contact and short add-ons, near-misses with figures written as words; 67 right and 10 confident wrong parts/turns at first sight, 72 and 7 at its end.
  ['real-messages-29.yaml', 72, 7],
] as const;
/** Held-out sets: measured, never tuned on (see the README); their floors only catch losses. */
const heldOut = [
  // [file, cases right at least, confident wrong parts/turns at most, unanswerable cases answered at most]
  // — figures at the end of 6 December 2026, raised in its second to sixth sessions (and in the sessions of 7 December) where it gained (checked by summary figures only).
  ['real-messages-holdout.yaml', 64, 0, 0],
  ['real-messages-holdout-2.yaml', 78, 1, 0],
  ['real-messages-holdout-3.yaml', 94, 2, 0],
  ['real-messages-holdout-4.yaml', 104, 3, 1],
  // Written on 6 December, measured at the start of that afternoon's work and at its end, never read.
  ['real-messages-holdout-5.yaml', 102, 1, 0],
  // Written on 6 December (second set of that day), measured on arrival (before any work on it), never read.
  ['real-messages-holdout-6.yaml', 92, 1, 0],
  // Written on 6 December (second session), measured once on the code of that session's start
  // (80 right) and at its end (85), never read.
  ['real-messages-holdout-7.yaml', 92, 3, 1],
  // Written on 6 December (third session), measured on arrival on the code of that session's start
  // (91 right), never read.
  ['real-messages-holdout-8.yaml', 98, 3, 1],
  // Written at the start of 6 December's fourth session, measured on arrival on the code of
  // that session's start (92 right, 6 confident wrong parts/turns; 93 at its end), never read.
  ['real-messages-holdout-9.yaml', 96, 5, 2],
  // Written at the start of 6 December's fifth session, measured on arrival on the code of that
  // session's start (102 right, 1 confident wrong part/turn), never read.
  ['real-messages-holdout-10.yaml', 104, 1, 0],
  // Written at the start of 6 December's sixth session, measured on arrival on the code of that
  // session's start (112 right, 1 confident wrong part/turn, 2 of 25 unanswerable not declined; 113 and
  // 1 at its end), never read.
  ['real-messages-holdout-11.yaml', 115, 0, 0],
  // Written at the start of 7 December's session, measured on arrival on the code of that session's
  // start (111 right, no confident wrong part/turn, 1 of 25 unanswerable offered choices; 112 at its
  // end, 114 at the end of the second session). Never read, but bench:conversations printed its nine
  // misses once (not tuned on).
  ['real-messages-holdout-12.yaml', 117, 0, 1],
  // Written at the start of 7 December's second session, measured on arrival on the code of that
  // session's start (98 right, 5 confident wrong parts/turns, 2 of 25 unanswerable not declined; 99 at its end), never read.
  ['real-messages-holdout-13.yaml', 102, 5, 2],
  // Written at the start of 7 December's third session, measured on arrival on the code of that
  // session's start (104 right, 5 confident wrong parts/turns, all 25 unanswerable declined), never read.
  ['real-messages-holdout-14.yaml', 104, 5, 0],
  // Written at the start of 7 December's fourth session, measured on arrival on the code of that
  // session's start (102 right, 4 confident wrong parts/turns, 2 of 25 unanswerable not declined), never read.
  ['real-messages-holdout-15.yaml', 105, 3, 1],
  // Written at the start of 7 December's fifth session, measured on arrival on the code of that
  // session's start (107 right, 1 confident wrong part/turn, all 25 unanswerable declined), never read.
  ['real-messages-holdout-16.yaml', 109, 1, 0],
  // Written at the start of 7 December's sixth session, measured on arrival on the code of that
  // session's start (96 right, 9 confident wrong parts/turns, 2 of 25 unanswerable not declined; 97 at its end;
  // 100, 7 and 1 at the end of the seventh), never read.
  ['real-messages-holdout-17.yaml', 102, 7, 1],
  // Written at the start of 7 December's seventh session, measured on arrival on the code of that
  // session's start (96 right, 2 confident wrong parts/turns, 1 of 25 unanswerable not declined; 98 at its end, 99 at the end of the eighth), never read.
  ['real-messages-holdout-18.yaml', 100, 1, 0],
  // Written at the start of 7 December's eighth session (office writing: forwarded e-mails, signatures, numbered
  // questions, abbreviations, dictation), measured on arrival on the code of that session's start (97 right,
  // 7 confident wrong parts/turns, 2 of 25 unanswerable not declined; 97 and 6 at its end, 100 at the end of the ninth), never read.
  ['real-messages-holdout-19.yaml', 100, 6, 2],
  // Written at the start of 7 December's ninth session (schools, youth welfare, job centre, health office and council
  // members, typed on a phone in several lines, the question sometimes first), measured on arrival on the code of that
  // session's start (97 right, 4 confident wrong parts/turns, 3 of 25 unanswerable not declined; 98 at its end, 99 on 8 December), never read.
  ['real-messages-holdout-20.yaml', 99, 4, 3],
  // Written at the start of the session of 8 December (people setting up or running something new; the topic in a
  // relative clause, comparisons, negated and wrapped questions, corrections in follow-ups), measured on arrival on the
  // code of that session's start (96 right, 6 confident wrong parts/turns, 3 of 25 unanswerable not declined; 98, 5 and 2 at its end), never read.
  ['real-messages-holdout-21.yaml', 98, 5, 2],
] as const;

/** Answer-quality regression: the targets of the answering-bot issue, on the real knowledge base. */
describe('answer quality', () => {
  let kb: IndexedKnowledgeBase;
  beforeAll(async () => {
    kb = await loadKnowledgeBase(path.join(root, 'knowledge'));
  });

  function run(file: string) {
    const results = readCases(file).map((c) => evaluateCase(kb, c));
    const answerable = tally(results.filter((r) => r.expect !== 'none'));
    const unanswerable = tally(results.filter((r) => r.expect === 'none'));
    const describeMisses = () =>
      results
        .filter((r) => !isRight(r))
        .map((r) => `${r.verdict}: ${r.q} → ${r.outcome} ${r.shown.join(',')}`)
        .join('\n');
    /** Share of a category's cases that are right (answered correctly, or declined when unanswerable). */
    const share = (cat: string) => {
      const subset = results.filter((r) => r.cat === cat);
      return subset.filter(isRight).length / subset.length;
    };
    const items = itemsOf(results);
    /** Parts and turns answered directly and wrongly. */
    const confidentWrong = items.filter((item) => item.verdict === 'wrong' && item.outcome === 'answer').length;
    return { results, answerable, unanswerable, describeMisses, share, items, confidentWrong };
  }

  (existsSync(devSet) ? it : it.skip)('should meet the targets on the development set', () => {
    const { answerable, unanswerable, describeMisses } = run(devSet);
    const misses = describeMisses();
    expect({ correctShare: answerable.correct / answerable.total >= 0.95, misses }).toEqual({ correctShare: true, misses: expect.any(String) });
    expect({ declined: unanswerable.declined, misses }).toEqual({ declined: unanswerable.total, misses });
    expect({ wrong: answerable.wrong + unanswerable.wrong, misses }).toEqual({ wrong: 0, misses });
  });

  it('should not regress on our own independent question set', () => {
    const { answerable, unanswerable, describeMisses } = run(extraSet);
    const misses = describeMisses();
    const total = answerable.total + unanswerable.total;
    expect({ correctShare: answerable.correct / answerable.total >= 0.8, misses }).toEqual({ correctShare: true, misses });
    expect({ declinedShare: unanswerable.declined / unanswerable.total >= 0.94, misses }).toEqual({ declinedShare: true, misses });
    expect({ wrongShare: (answerable.wrong + unanswerable.wrong) / total <= 0.02, misses }).toEqual({ wrongShare: true, misses });
    // Two wrong answers before messages were read sentence by sentence: never more.
    expect({ atMostTwoWrong: answerable.wrong + unanswerable.wrong <= 2, misses }).toEqual({ atMostTwoWrong: true, misses });
  });

  it('should meet the thresholds on real chat messages (context, requests, several questions, follow-ups, English)', () => {
    const { describeMisses, share, items, confidentWrong } = run(realMessages);
    const misses = describeMisses();
    expect({
      crisp: share('crisp') === 1,
      context: share('context') >= 0.85,
      request: share('request') >= 0.85,
      en: share('en') >= 0.95,
      multi: share('multi') >= 0.8,
      followup: share('followup') >= 0.8,
      none: share('none') === 1,
      confidentWrong: confidentWrong / items.length <= 0.02,
      misses,
    }).toEqual({ crisp: true, context: true, request: true, en: true, multi: true, followup: true, none: true, confidentWrong: true, misses });
  });

  it('should meet the floors on the third round of real messages (context of another topic, half-answerable, follow-ups)', () => {
    const { describeMisses, share, confidentWrong } = run(realMessages2);
    const misses = describeMisses();
    // Floors at the figures of 5 December 2026 (context 19/23, request 6/7, followup 6/9, none 16/17).
    expect({
      crisp: share('crisp') === 1,
      context: share('context') >= 0.8,
      request: share('request') >= 0.85,
      en: share('en') === 1,
      multi: share('multi') === 1,
      followup: share('followup') >= 0.65,
      none: share('none') >= 0.94,
      confidentWrong,
      misses,
    }).toEqual({ crisp: true, context: true, request: true, en: true, multi: true, followup: true, none: true, confidentWrong: 0, misses });
  });

  it('should meet the floors on the fourth round of real messages (typed on a phone, salutations, purposes, follow-ups)', () => {
    const { results, describeMisses, share, confidentWrong } = run(realMessages3);
    const misses = describeMisses();
    // Floors at the figures of 6 December 2026 (96/103 right; context 27/30, followup 14/15, none 20/20).
    expect({
      right: results.filter(isRight).length >= 96,
      crisp: share('crisp') === 1,
      context: share('context') >= 0.9,
      followup: share('followup') >= 0.93,
      none: share('none') >= 0.95,
      confidentWrong: confidentWrong <= 0,
      misses,
    }).toEqual({ right: true, crisp: true, context: true, followup: true, none: true, confidentWrong: true, misses });
  });

  it.each(laterTuningSets)('should meet the floors on the tuning set %s', (file, rightAtLeast, confidentWrongAtMost) => {
    const { results, describeMisses, confidentWrong } = run(path.join(root, 'test/fixtures/eval', file));
    const misses = describeMisses();
    expect({ right: results.filter(isRight).length >= rightAtLeast, confidentWrong: confidentWrong <= confidentWrongAtMost, misses }).toEqual({
      right: true,
      confidentWrong: true,
      misses,
    });
  });

  // A held-out set stays held out only while nobody reads its cases: a failure reports figures, not questions.
  it.each(heldOut)('should not lose quality on the held-out set %s', (file, rightAtLeast, confidentWrongAtMost, noneAnsweredAtMost) => {
    const { results, confidentWrong } = run(path.join(root, 'test/fixtures/eval', file));
    const unanswerable = results.filter((r) => r.cat === 'none');
    const figures = { right: results.filter(isRight).length, confidentWrong, unanswerableDeclined: unanswerable.filter(isRight).length };
    expect({
      right: figures.right >= rightAtLeast,
      confidentWrong: figures.confidentWrong <= confidentWrongAtMost,
      noneDeclined: unanswerable.length - figures.unanswerableDeclined <= noneAnsweredAtMost,
      figures,
    }).toEqual({ right: true, confidentWrong: true, noneDeclined: true, figures });
  });
});
