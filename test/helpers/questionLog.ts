import type { QuestionEvent, QuestionLog } from '../../src/storage/types';

/** An in-memory QuestionLog for unit tests of the bot; the product uses the SQLite one. */
export class MemoryQuestionLog implements QuestionLog {
  readonly events: QuestionEvent[] = [];

  async record(event: QuestionEvent): Promise<void> {
    this.events.push(event);
  }
}
