import type { Storage } from 'botbuilder';
import type { JobStore, Ticket, TicketStore } from '../escalation';
import type { QuestionLog, QuestionLogRetention } from '../questionLog';
import type { EditorStore } from './editorTypes';

export type * from './editorTypes';

export type { CreatedTicket, JobCounts, JobStore, NewTicket, TicketMutator, TicketStore } from '../escalation';
export type {
  QuestionEvent,
  QuestionLog,
  QuestionLogReader,
  QuestionLogRetention,
  StoredQuestionEvent,
} from '../questionLog';

/** Tickets LaKI has answered, for the editors' report and drafts (`npm run kb:draft`). */
export interface AnsweredTicketReader {
  /** Tickets with an answer (status `answered` or `closed`), newest answer first. */
  listAnswered(): Promise<Ticket[]>;
}

/** Tickets still waiting for the LaKI, for the weekly report's "offen" figure. */
export interface OpenTicketReader {
  /** Tickets with status `open` or `assigned` (reopened ones included). */
  countOpen(): Promise<number>;
}

/**
 * Everything the app persists, opened once in the composition root. `botState` is a botbuilder
 * `Storage` so the bot's turn state (e.g. a half-finished escalation draft) survives a restart.
 */
export interface Store {
  readonly questionLog: QuestionLog & QuestionLogRetention;
  readonly tickets: TicketStore;
  readonly jobs: JobStore;
  readonly botState: Storage;
  /** Entry drafts and the knowledge revisions editors publish in Teams. */
  readonly editors: EditorStore;
  /** Closes the underlying database; the store must not be used afterwards. */
  close(): Promise<void>;
}
