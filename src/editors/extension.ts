/**
 * The editors' workflow as a bot feature ({@link AppExtension}), used only in the LaKI channel:
 * "In die Wissensbasis übernehmen" on an answered ticket card, the commands "Neuer Eintrag" and
 * "Eintrag bearbeiten <Titel oder Frage>", "Eintrag anlegen"/"Eintrag bearbeiten" buttons of other
 * cards, and the draft card's "Prüfen", "Veröffentlichen", "Verwerfen" and "Rückgängig". Everyone
 * acting elsewhere, or not listed in `KNOWLEDGE_EDITORS` when that is set, gets a polite refusal.
 */
import type { Application } from '@microsoft/teams-ai';
import { ActivityTypes, MessageFactory, type Activity, type Attachment, type TurnContext } from 'botbuilder';
import type { z } from 'zod/v4';
import type { AppExtension } from '../bot';
import type { Logger } from '../logger';
import { parseSubmit, verbForLog } from '../chat';
import { plainMessageText } from '../chat';
import type { AppTurnState } from '../bot';
import { isFromLakiChannel, type LakiChannelIdentity } from '../escalation';
import type { Ticket } from '../escalation';
import type { IndexedKnowledgeBase } from '../knowledge';
import { fold } from '../knowledge';
import type { DraftContent, EditorActor, EntryDraft } from '../storage';
import { entryChoiceCard } from './cards/entryChoiceCard';
import { entryDraftCard } from './cards/entryDraftCard';
import { discardedCard, publishedCard, undoneCard } from './cards/publishedCard';
import { uniqueQuestions } from './draftContent';
import { EditorMessages as M } from '../chat';
import type { Review } from './review';
import type { EditorService } from './service';
import {
  draftActionPayloadSchema,
  editEntryPayloadSchema,
  EditorVerb,
  EntryInput,
  fromTicketPayloadSchema,
  newDraftPayloadSchema,
  undoPayloadSchema,
  type DraftActionPayload,
} from '../chat';

/** "Neuer Eintrag" on its own. */
export const NEW_ENTRY_PATTERN = /^\s*neuer\s+eintrag\s*[.!]?\s*$/i;
/** "Eintrag bearbeiten <Titel oder Frage>". */
export const EDIT_ENTRY_PATTERN = /^\s*eintrag\s+bearbeiten\b[\s:]*(.*)$/is;

export interface EditorsExtensionDeps {
  readonly service: EditorService;
  readonly knowledge: { current(): IndexedKnowledgeBase };
  /** Answered tickets, for "In die Wissensbasis übernehmen". */
  readonly tickets: { getByNumber(number: string): Promise<Ticket | undefined> };
  /** Where editing is allowed; absent: nowhere. */
  readonly lakiChannel?: LakiChannelIdentity;
  /** `KNOWLEDGE_EDITORS` (lower-case Entra object ids); absent: everyone in the LaKI channel. */
  readonly editors?: readonly string[];
  readonly logger: Logger;
}

/** Builds the feature; pass it in `createApp({ extensions: [...] })`. */
export function createEditorsExtension(deps: EditorsExtensionDeps): AppExtension {
  const { service, logger } = deps;

  /** The refusal for this activity's sender, or `undefined` when they may edit. */
  function refusalFor(activity: Partial<Activity>): string | undefined {
    if (!deps.lakiChannel || !isFromLakiChannel(activity, deps.lakiChannel)) return M.notInLakiChannel;
    if (deps.editors && !deps.editors.includes((activity.from?.aadObjectId ?? '').toLowerCase())) return M.notAnEditor;
    return undefined;
  }

  /** Sends the refusal and logs it (ids only); true when refused. */
  async function refused(context: TurnContext, what: string): Promise<boolean> {
    const reply = refusalFor(context.activity);
    if (!reply) return false;
    logger.warn(
      { what, conversationType: context.activity.conversation?.conversationType, fromAad: context.activity.from?.aadObjectId },
      'editors: action refused',
    );
    await context.sendActivity(reply);
    return true;
  }

  function parse<T extends z.ZodType>(context: TurnContext, schema: T, data: unknown): Promise<z.infer<T> | undefined> {
    return parseSubmit(context, schema, data, { logger, reply: M.invalidAction });
  }

  function cardFor(draft: EntryDraft, review?: Review, notice?: string): Attachment {
    const kb = deps.knowledge.current();
    const categories = [...new Set(kb.entries.map((entry) => entry.category))];
    const entries = [...kb.entries].sort((a, b) => a.title.localeCompare(b.title, 'de')).map((entry) => ({ id: entry.id, title: entry.title }));
    return entryDraftCard({ draft, categories, entries, ...(review ? { review } : {}), ...(notice ? { notice } : {}) });
  }

  /** Replaces the card the click came from; sends a new one when that is not possible. */
  async function replaceCard(context: TurnContext, card: Attachment): Promise<void> {
    const cardActivityId = context.activity.replyToId;
    if (cardActivityId) {
      try {
        await context.updateActivity({ id: cardActivityId, type: ActivityTypes.Message, attachments: [card] });
        return;
      } catch (error) {
        logger.warn({ err: error }, 'editors: could not replace the card; sending a new one');
      }
    }
    await context.sendActivity(MessageFactory.attachment(card));
  }

  async function showNewDraft(context: TurnContext, draft: EntryDraft | undefined, missing: string): Promise<void> {
    if (!draft) {
      await context.sendActivity(missing);
      return;
    }
    logger.info({ draftId: draft.id, entryId: draft.baseEntryId, ticket: draft.ticketNumber }, 'editors: draft opened');
    await context.sendActivity(MessageFactory.attachment(cardFor(draft)));
  }

  async function editCommand(context: TurnContext, query: string): Promise<void> {
    const text = query.trim();
    if (!text) {
      await context.sendActivity(M.editUsage);
      return;
    }
    const kb = deps.knowledge.current();
    const key = comparable(text);
    const exact = kb.entries.find((entry) => entry.id === text || comparable(entry.title) === key);
    const result = exact ? undefined : kb.match(text);
    const target = exact ?? result?.answer ?? undefined;
    if (target) {
      await showNewDraft(context, await service.openForEntry(target.id, actorOf(context.activity)), M.entryNotFound(target.id));
      return;
    }
    const choices = result?.outcome === 'suggest' ? result.suggestions : (result?.candidates ?? []).slice(0, 3).map((c) => c.entry);
    if (choices.length === 0) {
      await context.sendActivity(M.editNoMatch(text.slice(0, 200)));
      return;
    }
    await context.sendActivity(MessageFactory.attachment(entryChoiceCard(choices)));
  }

  async function draftAction(context: TurnContext, data: unknown): Promise<void> {
    const payload = await parse(context, draftActionPayloadSchema, data);
    if (!payload) return;
    const actor = actorOf(context.activity);
    const draft = await service.getDraft(payload.draftId);
    if (!draft) return void (await context.sendActivity(M.draftNotFound));
    if (draft.status !== 'open') return void (await context.sendActivity(M.draftClosed));
    if (payload.verb === EditorVerb.Discard) {
      await service.discard(draft.id, actor);
      logger.info({ draftId: draft.id }, 'editors: draft discarded');
      await replaceCard(context, discardedCard());
      return;
    }
    const saved = await service.saveDraft(draft.id, contentFromInputs(payload, draft), actor, payload.version);
    if (!saved) return void (await context.sendActivity(M.draftNotFound));
    if (saved.stale) {
      await replaceCard(context, cardFor(saved.draft, undefined, M.draftStale(saved.draft.updatedBy.name)));
      return;
    }
    if (payload.verb === EditorVerb.Check) {
      const review = await service.review(saved.draft);
      logger.info({ draftId: draft.id, findings: review.findings.length }, 'editors: draft checked');
      await replaceCard(context, cardFor(saved.draft, review));
      return;
    }
    const outcome = await service.publish(draft.id, actor);
    switch (outcome?.outcome) {
      case undefined:
        await context.sendActivity(M.draftNotFound);
        return;
      case 'closed':
        await context.sendActivity(M.draftClosed);
        return;
      case 'published':
        logger.info({ draftId: draft.id, entryId: outcome.revision.entryId, seq: outcome.revision.seq }, 'editors: entry published');
        await replaceCard(context, publishedCard(outcome.revision));
        return;
      case 'blocked':
        logger.info({ draftId: draft.id, findings: outcome.review.findings.length }, 'editors: publish blocked by the check');
        await replaceCard(context, cardFor((await service.getDraft(draft.id)) ?? saved.draft, outcome.review, M.publishBlocked));
        return;
      case 'conflict':
        logger.info({ draftId: draft.id }, 'editors: publish refused, the entry changed meanwhile');
        await replaceCard(context, cardFor((await service.getDraft(draft.id)) ?? saved.draft, outcome.review, outcome.message));
        return;
    }
  }

  async function undo(context: TurnContext, data: unknown): Promise<void> {
    const payload = await parse(context, undoPayloadSchema, data);
    if (!payload) return;
    const outcome = await service.undo(payload.seq, actorOf(context.activity));
    logger.info({ seq: payload.seq, outcome: outcome.outcome }, 'editors: undo');
    switch (outcome.outcome) {
      case 'undone':
        await replaceCard(context, undoneCard(outcome.revision));
        return;
      case 'not-found':
        await context.sendActivity(M.revisionNotFound);
        return;
      case 'already-undone':
        await context.sendActivity(M.undoAlready);
        return;
      case 'not-latest':
        await context.sendActivity(M.undoNotLatest);
        return;
      case 'blocked':
        await context.sendActivity(`${M.undoBlocked}\n\n${outcome.problems.map((problem) => `- ${problem}`).join('\n')}`);
        return;
    }
  }

  /** Registers a card verb behind the permission check. */
  function onSubmit(app: Application<AppTurnState>, verb: string, handler: (context: TurnContext, data: unknown) => Promise<void>): void {
    app.adaptiveCards.actionSubmit(verb, async (context, _state, data) => {
      if (await refused(context, verbForLog(data))) return;
      await handler(context, data);
    });
  }

  return {
    name: 'editors',
    register(app: Application<AppTurnState>) {
      app.message(NEW_ENTRY_PATTERN, async (context) => {
        if (await refused(context, 'newEntry')) return;
        await showNewDraft(context, await service.openBlank(actorOf(context.activity)), M.draftNotFound);
      });
      app.message(EDIT_ENTRY_PATTERN, async (context) => {
        if (await refused(context, 'editEntry')) return;
        const text = plainMessageText(context.activity.text ?? '');
        await editCommand(context, EDIT_ENTRY_PATTERN.exec(text)?.[1] ?? '');
      });
      onSubmit(app, EditorVerb.FromTicket, async (context, data) => {
        const payload = await parse(context, fromTicketPayloadSchema, data);
        if (!payload) return;
        const ticket = await deps.tickets.getByNumber(payload.ticketNumber);
        if (!ticket) return void (await context.sendActivity(M.ticketNotFound(payload.ticketNumber)));
        if (!ticket.answer) return void (await context.sendActivity(M.ticketNotAnswered(ticket.number)));
        await showNewDraft(context, await service.openFromTicket(ticket, actorOf(context.activity)), M.draftNotFound);
      });
      onSubmit(app, EditorVerb.NewDraft, async (context, data) => {
        const payload = await parse(context, newDraftPayloadSchema, data);
        if (payload) await showNewDraft(context, await service.openBlank(actorOf(context.activity), payload.questions ?? []), M.draftNotFound);
      });
      onSubmit(app, EditorVerb.EditEntry, async (context, data) => {
        const payload = await parse(context, editEntryPayloadSchema, data);
        if (payload) await showNewDraft(context, await service.openForEntry(payload.entryId, actorOf(context.activity)), M.entryNotFound(payload.entryId));
      });
      for (const verb of [EditorVerb.Check, EditorVerb.Publish, EditorVerb.Discard]) onSubmit(app, verb, draftAction);
      onSubmit(app, EditorVerb.Undo, undo);
    },
  };
}

/** The acting person as the store records them. */
function actorOf(activity: Partial<Activity>): EditorActor {
  return {
    id: activity.from?.id ?? '',
    name: activity.from?.name?.trim() || 'Unbekannt',
    ...(activity.from?.aadObjectId ? { aadObjectId: activity.from.aadObjectId } : {}),
  };
}

function comparable(text: string): string {
  return fold(text).replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/**
 * The card's inputs as draft content. An input the client did not send keeps the draft's value
 * (a client may omit inputs); a sent one replaces it, even when empty.
 */
export function contentFromInputs(payload: DraftActionPayload, draft: EntryDraft): DraftContent {
  const current = draft.content;
  const pick = <T>(id: (typeof EntryInput)[keyof typeof EntryInput], fallback: T, convert: (value: string) => T): T => {
    const value = payload[id];
    return value === undefined ? fallback : convert(value);
  };
  const list = (separator: RegExp) => (value: string) => value.split(separator).map((item) => item.trim()).filter(Boolean);
  const newCategory = categorySlug(payload[EntryInput.NewCategory] ?? '');
  return {
    ...current,
    title: pick(EntryInput.Title, current.title, (value) => value.replace(/\s+/g, ' ').trim()),
    answer: pick(EntryInput.Answer, current.answer, (value) => value.replace(/\r\n/g, '\n').trim()),
    questions: pick(EntryInput.Questions, current.questions, (value) => uniqueQuestions(list(/\r?\n/)(value))),
    keywords: pick(EntryInput.Keywords, current.keywords, list(/[,;\n]/)),
    category: newCategory || pick(EntryInput.Category, current.category, (value) => value.trim()),
    related: pick(EntryInput.Related, current.related, list(/,/)),
    source: {
      ...current.source,
      document: pick(EntryInput.SourceDocument, current.source.document, (value) => value.trim()),
      section: pick(EntryInput.SourceSection, current.source.section, (value) => value.trim()),
    },
  };
}

/** "Neue Förderung" → "neue-foerderung" (categories are kebab-case). */
function categorySlug(text: string): string {
  return text
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
}
