/**
 * The house's import rules, checked by `npm run lint:deps` (part of `npm test`).
 *
 * Dependencies between the folders of src/ run one way. From the bottom up:
 *   config.ts, logger.ts          configuration and the logging surface
 *   knowledge/, tab/              the answering core; the tab's static page
 *   questionLog.ts, chat/         the question log's model; the chat vocabulary (verbs, payloads, messages)
 *   cards/                        pure Adaptive Card builders
 *   bot/                          the teams-ai Application and its extension seam
 *   escalation/, messageExtension/  features plugged into the bot; escalation owns its store ports
 *   storage/                      SQLite/PostgreSQL implementations of those ports
 *   editors/, metrics.ts, server/ editors' tools, metrics, HTTP
 *   service.ts, index.ts          the service factory; the entry point (env files, signals, exit)
 * A folder imports another only through that folder's index.ts (its public face); inside a
 * folder, modules import each other directly.
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-folder-cycle',
      comment: 'Folders of src/ must not depend on each other in a circle; see the order above.',
      severity: 'error',
      scope: 'folder',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'through-the-public-face',
      comment: "Import another folder through its index.ts, not one of its modules.",
      severity: 'error',
      from: { path: '^src/([^/]+)' },
      to: { path: '^src/[^/]+/.+', pathNot: ['^src/$1/', '^src/[^/]+/index\\.ts$'] },
    },
    {
      name: 'knowledge-is-the-core',
      comment: 'knowledge/ answers questions from the YAML and depends on nothing else in src/.',
      severity: 'error',
      from: { path: '^src/knowledge/' },
      to: { path: '^src/', pathNot: '^src/knowledge/' },
    },
    {
      name: 'tab-is-static',
      comment: "tab/ holds the static page only; its routes live in server/routes.",
      severity: 'error',
      from: { path: '^src/tab/' },
      to: { path: '^src/', pathNot: '^src/tab/' },
    },
    {
      name: 'chat-vocabulary-below-bot',
      comment: 'chat/ (verbs, payloads, messages) sits below bot, cards and the extensions.',
      severity: 'error',
      from: { path: '^src/chat/' },
      to: { path: '^src/', pathNot: ['^src/chat/', '^src/config\\.ts$', '^src/logger\\.ts$'] },
    },
    {
      name: 'cards-are-pure',
      comment: 'cards/ builds Adaptive Cards from the chat vocabulary and knowledge; it never imports the bot.',
      severity: 'error',
      from: { path: '^src/cards/' },
      to: { path: '^src/', pathNot: ['^src/cards/', '^src/chat/', '^src/knowledge/', '^src/config\\.ts$'] },
    },
    {
      name: 'bot-knows-no-features',
      comment: 'Features plug into the bot through its extension seam; the bot never imports them.',
      severity: 'error',
      from: { path: '^src/bot/' },
      to: { path: '^src/(escalation|messageExtension|storage|server|editors|metrics\\.ts)' },
    },
    {
      name: 'storage-below-features',
      comment: 'storage/ implements the ports of the question log and the escalation; it never imports the bot or the HTTP server.',
      severity: 'error',
      from: { path: '^src/storage/' },
      to: { path: '^src/(bot|cards|chat|messageExtension|server|editors|tab)/' },
    },
    {
      name: 'server-talks-to-the-bot-structurally',
      comment: 'server/ depends on the bot only through structural interfaces (MessageAdapter, TurnRunner).',
      severity: 'error',
      from: { path: '^src/server/' },
      to: { path: '^src/(bot|cards|chat|escalation|messageExtension|storage|editors)/' },
    },
    {
      name: 'no-composition-root-imports',
      comment: 'Nothing imports the entry point (STYLE rule 1); only the entry point imports the service factory.',
      severity: 'error',
      from: { pathNot: '^src/index\\.ts$' },
      to: { path: '^src/(index|service)\\.ts$' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^src/tab/public/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
  },
};
