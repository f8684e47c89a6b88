/**
 * Stages 2–3 for a whole message, read once. The stages ask for the analysis of several texts
 * of one message: each asked part, its context sentences joined, the piece it refers to, the
 * whole message when it is read as one question; and a part is read again without its context
 * or against the last answer's topic. All of them are pieces of the message, so its written
 * words are found by one pass and looked up once (`Analyzer.writtenWord`), and each piece's
 * analysis is built from the words that lie inside it, with the casing and clause they have in
 * that piece ({@link WordGaps}): the same analysis as `analyzeQuery(piece)`, without scanning
 * and looking up the piece's words again. Each text is analysed once per message.
 *
 * A text that is no piece of the message (the last answer's topic), or a message whose
 * normalising changes it ("§", characters NFKC rewrites), is read on its own.
 */
import type { Analysis, Analyzer, WrittenWord } from './analyzer';
import { placedWords, WordGaps, type Word } from './text';

/** Where a piece lies in the message: its offset and its words (`first` … `last - 1`). */
interface Place {
  readonly offset: number;
  readonly first: number;
  readonly last: number;
}

/** Separator of texts read as one (a part's context sentences), as the matcher joins them. */
const JOINED = ' . ';

export class MessageWords {
  private readonly analyses = new Map<string, Analysis>();
  private readonly places = new Map<string, Place | null>();
  private readonly raws: readonly string[] = [];
  private readonly starts: readonly number[] = [];
  private readonly written: Array<WrittenWord | undefined> = [];
  private readonly placed: boolean;

  constructor(
    private readonly analyzer: Analyzer,
    private readonly message: string,
  ) {
    const words = placedWords(message);
    this.placed = words !== undefined;
    if (words) {
      this.raws = words.raws;
      this.starts = words.starts;
    }
  }

  /** The analysis of `text`, as `analyzeQuery(text)` gives it. */
  analyze(text: string): Analysis {
    return this.analyzeJoined([text]);
  }

  /** The analysis of texts read as one, joined by " . " (a part's context). */
  analyzeJoined(texts: readonly string[]): Analysis {
    const joined = texts.length === 1 ? texts[0]! : texts.join(JOINED);
    let analysis = this.analyses.get(joined);
    if (!analysis) {
      analysis = this.fromMessage(texts, joined) ?? this.analyzer.analyzeQuery(joined);
      this.analyses.set(joined, analysis);
    }
    return analysis;
  }

  /** The analysis of `joined` from the message's words, when each of `texts` is a piece of it. */
  private fromMessage(texts: readonly string[], joined: string): Analysis | undefined {
    if (!this.placed) return undefined;
    const gaps = new WordGaps(joined);
    const words: WrittenWord[] = [];
    const casings: Array<Word['casing']> = [];
    const clauses: number[] = [];
    let offset = 0;
    for (const text of texts) {
      const place = this.place(text);
      if (!place) return undefined;
      for (let index = place.first; index < place.last; index++) {
        const raw = this.raws[index]!;
        casings.push(gaps.next(raw, this.starts[index]! - place.offset + offset));
        clauses.push(gaps.clause);
        words.push((this.written[index] ??= this.analyzer.writtenWord(raw)));
      }
      offset += text.length + JOINED.length;
    }
    return this.analyzer.analyzeWords(words, casings, clauses);
  }

  /**
   * Where `text` lies in the message with no word cut by its edges, so that its own words are
   * exactly the message's words inside it; null when it lies nowhere like that.
   */
  private place(text: string): Place | null {
    let place = this.places.get(text);
    if (place !== undefined) return place;
    place = null;
    const { raws, starts } = this;
    for (let offset = this.message.indexOf(text); offset !== -1 && !place; offset = this.message.indexOf(text, offset + 1)) {
      const end = offset + text.length;
      let first = 0;
      while (first < raws.length && starts[first]! + raws[first]!.length <= offset) first++;
      let last = first;
      while (last < raws.length && starts[last]! < end) last++;
      const cut = (first < raws.length && starts[first]! < offset) || (last > first && starts[last - 1]! + raws[last - 1]!.length > end);
      if (!cut) place = { offset, first, last };
    }
    this.places.set(text, place);
    return place;
  }
}
