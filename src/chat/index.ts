/**
 * The chat vocabulary shared by the bot, its cards and the extensions: card verbs, the payload
 * schemas checked on receipt, everything the answering bot says (German) and message-text
 * helpers. It sits below `bot/`, `cards/`, `escalation/` and `messageExtension/` and imports
 * none of them, so dependencies run one way: bot → cards → chat.
 */
export { Verb } from './verbs';
export type { VerbName } from './verbs';
export {
  askPayloadSchema,
  feedbackPayloadSchema,
  noneFitsPayloadSchema,
  parseSubmit,
  showEntryOrigins,
  showEntryPayloadSchema,
  verbForLog,
} from './payloads';
export type { AskPayload, FeedbackPayload, NoneFitsPayload, ReplyContext, ShowEntryPayload } from './payloads';
export { EXAMPLE_QUESTIONS, Messages } from './messages';
export { EnglishMessages } from './englishMessages';
export { messageLines, plainMessageText } from './text';
export { CardActionMessages, InvokeErrorCode } from './cardActionMessages';
export { PrivacyMessages } from './privacyMessages';
export type { PrivacyFacts } from './privacyMessages';
export {
  draftActionPayloadSchema,
  editEntryAction,
  editEntryPayloadSchema,
  EditorVerb,
  EntryInput,
  fromTicketAction,
  fromTicketPayloadSchema,
  MAX_BUTTON_QUESTIONS,
  newDraftPayloadSchema,
  newEntryAction,
  undoPayloadSchema,
} from './editors';
export type { DraftActionPayload, EditorButton } from './editors';
export { EditorMessages, germanDateTime, germanDay } from './editorMessages';
