/**
 * What the server itself says to Teams users (German, formal "Sie"). Everything else users read
 * comes from the bot (src/chat/messages.ts); developers calling the API get src/server/errors.ts.
 */
export const ServerMessages = {
  /** The only reply a user of another Microsoft 365 tenant gets; their message is not processed. */
  foreignTenant:
    'Der LaKI-Assistent steht nur den Mitarbeitenden der Organisation zur Verfügung, für die er eingerichtet ist. ' +
    'Ihre Nachricht wurde nicht verarbeitet.',
} as const;
