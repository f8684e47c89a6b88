/**
 * `GET /api/entries/:id`: one knowledge base entry as users read it (links from cards, the tab).
 */
import { answerText, type Contact, type Source, type KnowledgeBase } from '../../knowledge';
import { ApiError, ErrorCode, ErrorMessage } from '../errors';
import { sendJson, type RouteHandler } from '../respond';

/** The JSON body of `/api/entries/:id`. */
export interface EntryResponse {
  readonly id: string;
  readonly title: string;
  /** The answer as users read it (Markdown plus contact lines). */
  readonly text: string;
  readonly category: string;
  readonly source: Source;
  readonly reviewed: string;
  readonly related: ReadonlyArray<{ readonly id: string; readonly title: string }>;
  readonly contact?: Contact;
}

/** Builds the handler; unknown ids are a 404 with a JSON reason. */
export function entryRoute(knowledge: () => KnowledgeBase): RouteHandler {
  return (req, res) => {
    const id = String((req.params as Record<string, unknown> | undefined)?.id ?? '');
    const kb = knowledge();
    const entry = kb.getEntry(id);
    if (!entry) throw new ApiError(404, ErrorCode.EntryNotFound, ErrorMessage.entryNotFound(id));
    const body: EntryResponse = {
      id: entry.id,
      title: entry.title,
      text: answerText(entry),
      category: entry.category,
      source: entry.source,
      reviewed: entry.reviewed,
      related: entry.related.flatMap((relatedId) => {
        const related = kb.getEntry(relatedId);
        return related ? [{ id: related.id, title: related.title }] : [];
      }),
      ...(entry.contact ? { contact: entry.contact } : {}),
    };
    sendJson(res, 200, body);
  };
}
