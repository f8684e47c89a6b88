/**
 * Everything the service stores about one person, for data protection requests (DSGVO Art. 15
 * Auskunft, Art. 17 Löschung): `npm run privacy:export` and `npm run privacy:delete`.
 *
 * A person is named by their Teams user id (`29:…`) or their Entra object id; ids found on their
 * tickets widen the search (an Entra id finds the Teams id and the other way round). What is
 * found, on SQLite and PostgreSQL alike:
 * - tickets they asked (question, name, Kommune, conversation reference, answer) and their
 *   delivery jobs — deleted;
 * - tickets they took or answered as a LaKI member — their name and ids there are replaced by
 *   "LaKI" (the ticket belongs to its asker);
 * - bot turn state: their user state, the personal chat of their tickets, and in shared chats the
 *   parts that name them (e.g. an unsent draft) — deleted or cut out;
 * - entry drafts they started or changed and knowledge revisions they published or undid as a LaKI
 *   editor — their name and ids there are replaced by "LaKI" (the knowledge and its history belong
 *   to the LaKI; a published entry's source line is knowledge text and is corrected by an editor).
 * The question log holds no identity and is not touched.
 */
import { randomUUID } from 'node:crypto';
import type { Actor, Job, Ticket } from '../../escalation';
import { jobFromRow, type JobRow } from '../shared/jobs';
import { ticketFromRow, type TicketRow } from '../shared/tickets';
import { ExportNotes } from './messages';
import { mentionsAny, scrubPerson } from './scrub';
import type { PersonalDataDb, Query } from './sql';

export { postgresPersonalDataDb, sqlitePersonalDataDb, type PersonalDataDb } from './sql';
export { ExportNotes, PrivacyCliText } from './messages';

/** What stands in for a LaKI member who asked to be deleted. */
export const DELETED_ACTOR: Actor = Object.freeze({ id: 'deleted', name: 'LaKI' });

/** A ticket a LaKI member worked on, as far as it concerns them. */
export interface HandledTicket {
  readonly number: string;
  readonly roles: ReadonlyArray<'assignee' | 'answeredBy'>;
  readonly actor: Actor;
}

/** A draft or revision an editor worked on, as far as it concerns them. */
export interface EditorialWork {
  readonly kind: 'draft' | 'revision';
  /** The draft's id, or the revision's sequence number. */
  readonly ref: string;
  readonly title: string;
  readonly roles: ReadonlyArray<'createdBy' | 'updatedBy' | 'actor'>;
}

/** One piece of turn state: a whole row, or what a shared row holds about the person. */
export interface TurnStateItem {
  readonly key: string;
  readonly scope: 'whole' | 'part';
  readonly value: unknown;
}

/** The export handed to the person (JSON). */
export interface PersonalDataExport {
  readonly subject: string;
  readonly exportedAt: string;
  readonly identities: { readonly teamsUserIds: readonly string[]; readonly aadObjectIds: readonly string[] };
  readonly ticketsAsked: readonly Ticket[];
  readonly deliveryJobs: readonly Job[];
  readonly ticketsHandled: readonly HandledTicket[];
  readonly turnState: readonly TurnStateItem[];
  readonly editorialWork: readonly EditorialWork[];
  readonly notes: readonly string[];
}

/** Counts of what {@link deletePersonalData} removed or changed. */
export interface PersonalDataDeletion {
  readonly ticketsDeleted: number;
  readonly deliveryJobsDeleted: number;
  readonly ticketsPseudonymised: number;
  readonly turnStateRowsDeleted: number;
  readonly turnStateRowsScrubbed: number;
  readonly editorialRecordsPseudonymised: number;
}

interface Found {
  readonly ids: ReadonlySet<string>;
  readonly teamsUserIds: string[];
  readonly aadObjectIds: string[];
  readonly asked: Ticket[];
  readonly jobs: Job[];
  readonly handled: Array<HandledTicket & { readonly ticketId: string; readonly assignee?: Actor; readonly answeredBy?: Actor }>;
  readonly wholeRows: Array<{ key: string; value: unknown }>;
  readonly partRows: Array<{ key: string; kept: unknown; removed: unknown[]; drop: boolean }>;
  readonly editorial: EditorialWork[];
}

/** Reads everything stored about `subject` (one consistent transaction). */
export async function exportPersonalData(
  db: PersonalDataDb,
  subject: string,
  options: { readonly now?: Date; readonly questionLogRetentionDays: number },
): Promise<PersonalDataExport> {
  const found = await db.transaction((query) => find(db, query, subject));
  return {
    subject,
    exportedAt: (options.now ?? new Date()).toISOString(),
    identities: { teamsUserIds: found.teamsUserIds, aadObjectIds: found.aadObjectIds },
    ticketsAsked: found.asked,
    deliveryJobs: found.jobs,
    ticketsHandled: found.handled.map(({ number, roles, actor }) => ({ number, roles, actor })),
    turnState: [
      ...found.wholeRows.map(({ key, value }) => ({ key, scope: 'whole' as const, value })),
      ...found.partRows.map(({ key, removed }) => ({ key, scope: 'part' as const, value: removed })),
    ],
    editorialWork: found.editorial,
    notes: [
      ExportNotes.questionLog(options.questionLogRetentionDays),
      ExportNotes.outsideStore,
      ...(found.editorial.length > 0 ? [ExportNotes.knowledgeSources] : []),
      ExportNotes.logs,
    ],
  };
}

/**
 * Deletes everything stored about `subject` in one transaction (nothing or all). With
 * `dryRun` it only counts.
 */
export async function deletePersonalData(
  db: PersonalDataDb,
  subject: string,
  options: { readonly dryRun?: boolean; readonly now?: Date } = {},
): Promise<PersonalDataDeletion> {
  return db.transaction(async (query) => {
    const found = await find(db, query, subject);
    const result: PersonalDataDeletion = {
      ticketsDeleted: found.asked.length,
      deliveryJobsDeleted: found.jobs.length,
      ticketsPseudonymised: found.handled.length,
      turnStateRowsDeleted: found.wholeRows.length + found.partRows.filter((row) => row.drop).length,
      turnStateRowsScrubbed: found.partRows.filter((row) => !row.drop).length,
      editorialRecordsPseudonymised: found.editorial.length,
    };
    if (options.dryRun) return result;

    const askedIds = found.asked.map((ticket) => ticket.id);
    if (askedIds.length > 0) {
      await query(`DELETE FROM jobs WHERE ticket_id IN (${marks(askedIds)})`, askedIds);
      await query(`DELETE FROM tickets WHERE id IN (${marks(askedIds)})`, askedIds);
    }
    for (const handled of found.handled) await pseudonymise(query, handled, found.ids);
    const dropped = [...found.wholeRows.map((row) => row.key), ...found.partRows.filter((row) => row.drop).map((row) => row.key)];
    for (const key of dropped) await query('DELETE FROM bot_state WHERE key = ?', [key]);
    const now = db.codec.time(options.now ?? new Date());
    for (const row of found.partRows.filter((candidate) => !candidate.drop)) {
      await query('UPDATE bot_state SET value = ?, etag = ?, updated_at = ? WHERE key = ?', [
        JSON.stringify(row.kept),
        randomUUID(),
        now,
        row.key,
      ]);
    }
    await pseudonymiseEditorialWork(query, found.editorial);
    return result;
  });
}

async function find(db: PersonalDataDb, query: Query, subject: string): Promise<Found> {
  const ids = new Set([subject]);
  const teams = new Set<string>();
  const aad = new Set<string>();
  const remember = (teamsId: string | undefined, aadId: string | undefined) => {
    if (teamsId) (teams.add(teamsId), ids.add(teamsId));
    if (aadId) (aad.add(aadId), ids.add(aadId));
  };

  // Tickets they asked; a second round with the ids the first one found.
  let asked: Ticket[] = [];
  for (let round = 0; round < 2; round++) {
    const list = [...ids];
    const rows = await query(
      `SELECT * FROM tickets WHERE asker_user_id IN (${marks(list)}) OR asker_aad_object_id IN (${marks(list)}) ORDER BY created_at`,
      [...list, ...list],
    );
    asked = rows.map((row) => ticketFromRow(db.codec, row as TicketRow<unknown>));
    for (const ticket of asked) remember(ticket.askerUserId, ticket.askerAadObjectId);
  }

  // Tickets they worked on as a LaKI member (actors are stored as JSON text).
  const actorOf = (actor: Actor | undefined) => (isPerson(actor, ids) ? actor : undefined);
  const acted = await query('SELECT * FROM tickets WHERE assignee IS NOT NULL OR answered_by IS NOT NULL ORDER BY created_at');
  const handled: Found['handled'] = [];
  for (const ticket of acted.map((row) => ticketFromRow(db.codec, row as TicketRow<unknown>))) {
    const assignee = actorOf(ticket.assignee);
    const answeredBy = actorOf(ticket.answeredBy);
    if (!assignee && !answeredBy) continue;
    const actor = (assignee ?? answeredBy)!;
    remember(actor.id.startsWith('29:') ? actor.id : undefined, actor.aadObjectId);
    const roles = [...(assignee ? (['assignee'] as const) : []), ...(answeredBy ? (['answeredBy'] as const) : [])];
    handled.push({ ticketId: ticket.id, number: ticket.number, roles, actor, assignee: ticket.assignee, answeredBy: ticket.answeredBy });
  }

  const askedIds = asked.map((ticket) => ticket.id);
  const jobs =
    askedIds.length === 0
      ? []
      : (await query(`SELECT * FROM jobs WHERE ticket_id IN (${marks(askedIds)}) ORDER BY created_at, id`, askedIds)).map((row) =>
          jobFromRow(db.codec, row as JobRow<unknown>),
        );

  // Turn state: their user state, the personal chats of their tickets, and mentions elsewhere.
  const personalChats = new Set(
    asked
      .map((ticket) => ticket.askerConversationReference.conversation)
      .filter((conversation) => conversation?.conversationType === 'personal' && conversation.id)
      .map((conversation) => conversation!.id),
  );
  const wholeRows: Found['wholeRows'] = [];
  const partRows: Found['partRows'] = [];
  for (const row of await query('SELECT key, value FROM bot_state ORDER BY key')) {
    const key = String(row.key);
    const value: unknown = JSON.parse(String(row.value));
    const owned =
      [...teams, subject].some((id) => key.endsWith(`/users/${id}`)) ||
      [...personalChats].some((id) => key.endsWith(`/conversations/${id}`));
    if (owned) wholeRows.push({ key, value });
    else if (mentionsAny(value, ids)) {
      const { kept, removed } = scrubPerson(value, ids);
      partRows.push({ key, kept, removed: removed.length > 0 ? removed : [value], drop: mentionsAny(kept, ids) });
    }
  }

  // Drafts and revisions they worked on as an editor (actors are stored as JSON text). Their ids
  // there widen the search first, so the roles are judged by every id found.
  const parse = (raw: unknown) => JSON.parse(String(raw)) as Actor;
  const records: Array<Omit<EditorialWork, 'roles'> & { readonly actors: Partial<Record<EditorialWork['roles'][number], Actor>> }> = [
    ...(await query('SELECT id, title, created_by, updated_by FROM entry_drafts ORDER BY created_at, id')).map((row) => ({
      kind: 'draft' as const,
      ref: String(row.id),
      title: String(row.title),
      actors: { createdBy: parse(row.created_by), updatedBy: parse(row.updated_by) },
    })),
    ...(await query('SELECT seq, title, actor FROM knowledge_revisions ORDER BY seq')).map((row) => ({
      kind: 'revision' as const,
      ref: String(row.seq),
      title: String(row.title),
      actors: { actor: parse(row.actor) },
    })),
  ];
  for (const record of records) {
    for (const actor of Object.values(record.actors)) {
      if (isPerson(actor, ids)) remember(actor.id.startsWith('29:') ? actor.id : undefined, actor.aadObjectId);
    }
  }
  const editorial: EditorialWork[] = [];
  for (const { actors, ...record } of records) {
    const roles = (Object.keys(actors) as Array<keyof typeof actors>).filter((role) => isPerson(actors[role], ids));
    if (roles.length > 0) editorial.push({ ...record, roles });
  }

  return { ids, teamsUserIds: [...teams], aadObjectIds: [...aad], asked, jobs, handled, wholeRows, partRows, editorial };
}

/** Column of each role {@link find} records on editorial work. */
const EDITORIAL_COLUMNS = Object.freeze({ createdBy: 'created_by', updatedBy: 'updated_by', actor: 'actor' });

/** Replaces the person as the author of drafts and revisions, in the columns that name them; the knowledge itself stays. */
async function pseudonymiseEditorialWork(query: Query, work: readonly EditorialWork[]): Promise<void> {
  const deleted = JSON.stringify(DELETED_ACTOR);
  for (const item of work) {
    for (const role of item.roles) {
      if (item.kind === 'draft') await query(`UPDATE entry_drafts SET ${EDITORIAL_COLUMNS[role]} = ? WHERE id = ?`, [deleted, item.ref]);
      else await query(`UPDATE knowledge_revisions SET ${EDITORIAL_COLUMNS[role]} = ? WHERE seq = ?`, [deleted, Number(item.ref)]);
    }
  }
}

/** True when `actor` is the person, by their Teams user id or Entra object id. */
function isPerson(actor: Actor | undefined, ids: ReadonlySet<string>): actor is Actor {
  return actor !== undefined && (ids.has(actor.id) || (actor.aadObjectId !== undefined && ids.has(actor.aadObjectId)));
}

/** Replaces the person on a ticket they handled, and their name in its delivery jobs. */
async function pseudonymise(query: Query, handled: Found['handled'][number], ids: ReadonlySet<string>): Promise<void> {
  const replace = (actor: Actor | undefined) => (isPerson(actor, ids) ? DELETED_ACTOR : actor);
  const assignee = replace(handled.assignee);
  const answeredBy = replace(handled.answeredBy);
  await query('UPDATE tickets SET assignee = ?, answered_by = ? WHERE id = ?', [
    assignee ? JSON.stringify(assignee) : null,
    answeredBy ? JSON.stringify(answeredBy) : null,
    handled.ticketId,
  ]);
  // Asker messages carry the answering person's name (`answeredBy`) for the asker's chat.
  for (const row of await query('SELECT id, payload FROM jobs WHERE ticket_id = ?', [handled.ticketId])) {
    const payload = JSON.parse(String(row.payload)) as Record<string, unknown>;
    if (payload.answeredBy !== handled.actor.name) continue;
    await query('UPDATE jobs SET payload = ? WHERE id = ?', [JSON.stringify({ ...payload, answeredBy: DELETED_ACTOR.name }), row.id]);
  }
}

function marks(values: readonly unknown[]): string {
  return values.map(() => '?').join(', ');
}
