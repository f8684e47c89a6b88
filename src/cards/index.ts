/** The bot's Adaptive Cards: pure functions from a model to an attachment. */
export { answerCard, MAX_RELATED } from './answerCard';
export type { AnswerCardOptions } from './answerCard';
export { suggestCard } from './suggestCard';
export type { SuggestCardOptions } from './suggestCard';
export { noAnswerCard } from './noAnswerCard';
export type { NoAnswerCardOptions } from './noAnswerCard';
export { notHelpfulCard } from './notHelpfulCard';
export type { NotHelpfulCardOptions } from './notHelpfulCard';
export { welcomeCard } from './welcomeCard';
export { helpCard } from './helpCard';
export { privacyCard } from './privacyCard';
export { escapeMarkdown, plainTextBlock } from './markdown';
export type { CardAction, CardElement } from './elements';
export { actionSet, adaptiveCardAttachment, choiceList, heading, paragraph, submitAction } from './elements';
