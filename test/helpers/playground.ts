/**
 * Drives the Microsoft 365 Agents Playground (npm `@microsoft/m365agentsplayground`) without a
 * browser, so an end-to-end test talks to the bot exactly as a Teams-like client does: the
 * Playground posts real Bot Framework activities to the bot's `/api/messages`, and the bot
 * replies through the Playground's own connector (`http://localhost:PORT/_connector`).
 *
 * ## What the Playground's HTTP API looks like (explored by hand on version 0.2.28)
 *
 * The CLI is a single webpack bundle (express + ws). It is fully offline when started with
 * `APPLICATION_INSIGHTS_NO_STATSBEAT=true TEAMSAPPTESTER_BROWSER=none … --dt`. When stdout is not
 * a terminal it writes its log to `./devTools/m365agentsplayground.log` relative to its working
 * directory (first line: `Listening on PORT`); if the requested port is taken it silently falls
 * back to a random one, so this helper reads the real port from that line.
 *
 * - `GET /_internal/v1/config` → `{config, internalConfig}`. Blocks (up to 15 s, via wait-on)
 *   until the bot endpoint answers, then returns the emulated tenant: `config.bot`
 *   (`{id, name: 'Test Bot'}`), `config.currentUser` (`user-id-0`, "Alex Wilber"),
 *   `config.users` (`user-id-1` … `user-id-5`), `config.personalChat.id` (random unless
 *   `--conversation-id`), `config.groupChats[0]`, and `config.teams[0]`: team "My Team" with id
 *   `team-id` and channels "General" (id `team-id`, the team id as in real Teams) and
 *   "Announcements" (id `channel-announcements-id`).
 * - `POST /_debug/conversation/{convId}/installation` (body `{}`) is what the web client calls on
 *   load: the bot receives `installationUpdate` and then `conversationUpdate` with `membersAdded`
 *   (user and bot) — i.e. the welcome card trigger. Nothing is sent to the bot before that.
 * - `POST /_conversation/v1/conversations/{convId}/messages` with
 *   `{"from":{"id":USER_ID},"text":"…","textFormat":"plain"}` sends a user message; answers
 *   `{"messageId","timestamp"}` (plus `postConversationId` for a new channel post). The bot sees
 *   `from.id = user-id-0` with the user's name and `aadObjectId`, `channelId: 'msteams'`,
 *   `conversation.conversationType` `personal` / `groupChat` / `channel`, `channelData.tenant.id`.
 *   The convId must be URL-encoded (channel thread ids contain `;`).
 * - Bot messages (and only those; the user's own posts are not echoed) arrive on the WebSocket
 *   `ws://HOST:PORT/_ws_conversation/v1/conversations/stream` as
 *   `{"action":"createMessage"|"updateMessage","actionConversationId":CONV,"message":{messageId,
 *   timestamp, from:{id:BOT_ID}, text?, textFormat, attachments, attachmentLayout, mentions, …}}`.
 *   An in-place card update (`PUT …/activities/{id}` from the bot) is an `updateMessage` with the
 *   same `messageId`. Typing indicators are not forwarded. A second WebSocket
 *   (`/_ws/log/stream`) carries the Playground's own log panel; this helper does not need it.
 *
 * ## Clicking card buttons
 *
 * - `Action.Submit`: `POST /_conversation/v1/submit` with
 *   `{"conversation":{"id":CONV},"from":{"id":USER_ID},"replyToId":MESSAGE_ID,"value":{…}}`
 *   where MESSAGE_ID is the `messageId` of the bot message holding the card (the Playground
 *   checks it exists) and `value` is what the web client would send: the action's `data` merged
 *   with the card's input values. The bot receives a `message` activity with that `value`, no
 *   text, `replyToId` = MESSAGE_ID and `channelData.source.name = 'message'`. Answers 200 with
 *   an empty body; the bot's reply comes over the WebSocket. See {@link Playground.submitCard}.
 * - `Action.Execute`: `POST /_conversation/v1/invoke` with `{"name":"adaptiveCard/action",
 *   "conversation":{"id":CONV},"from":{"id":USER_ID},"replyToId":MESSAGE_ID,
 *   "value":{"action":{"type":"Action.Execute","verb":…,"data":{…}}}}`. The bot receives an
 *   `invoke` activity; the HTTP answer is the bot's invoke response body (e.g.
 *   `{"type":"application/vnd.microsoft.activity.message","value":"…"}`). See
 *   {@link Playground.invokeAction}.
 *
 * ## The team channel ("My Team" / "General")
 *
 * - The channel's conversation id is `team-id` (General) or `channel-announcements-id`.
 *   Install the bot there first (`install('team-id')`: `installationUpdate` and a
 *   `conversationUpdate` with `channelData.eventType = 'teamMemberAdded'`,
 *   `channelData.team = {id:'team-id', name:'My Team', aadGroupId}`).
 * - As in Teams, the bot only receives channel posts that @mention it: send
 *   `text: '<at>Test Bot</at> …'` with `mentions: [{mentioned:{id:BOT_ID}, text:'<at>Test Bot</at>'}]`
 *   ({@link SendOptions.mentionBot}). A post without the mention is stored but never reaches the
 *   bot. The user's post becomes a thread `team-id;messageid=MSG`; the bot sees
 *   `conversation = {id:'team-id;messageid=MSG', conversationType:'channel', isGroup:true}` and
 *   `channelData.channel.id = channelData.team.id = 'team-id'` (`teamsChannelId`/`teamsTeamId` too).
 * - A bot can open a new thread in the channel (escalation tickets): `createConversationAsync`
 *   with `{isGroup:true, channelData:{channel:{id:'team-id'}}, activity}` against the
 *   Playground's service URL works. The WebSocket then shows `createMessage` on
 *   `actionConversationId: 'team-id'` whose `message.postConversationId` is the new thread id
 *   `team-id;messageid=MSG`; later replies in that thread and card updates carry that id.
 * - A reply typed into such a thread (e.g. LaKI answering a ticket) is
 *   `POST …/conversations/{encodeURIComponent('team-id;messageid=MSG')}/messages` with the bot
 *   mention. A button on the thread's root card (the ticket card) must be clicked with the
 *   THREAD id as conversation and the card's `messageId` as `replyToId`; with `team-id` as
 *   conversation the Playground answers 400 `ActivityNotFoundInConversation`. The bot then gets
 *   `conversation.id = 'team-id;messageid=MSG'`, `replyToId = MSG`, `channelData.team.id` and
 *   `channelData.channel.id = 'team-id'`. {@link Playground.submitCard} picks the thread id
 *   itself (`postConversationId` when the message has one).
 * - `from.id` must be a known user of that chat or team (else 400). Card clicks keep it: a
 *   submit as `user-id-2` reaches the bot from "Adele Vance". Typed messages were seen to reach
 *   the bot from the current user (`user-id-0`, Alex Wilber) whatever `from.id` said.
 *
 * Processes: the Playground runs in its own process group in a temporary working directory;
 * {@link Playground.close} kills the whole group (SIGTERM, then SIGKILL after a grace period).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import WebSocket from 'ws';
import { freePort } from './freePort';

/** The Playground's CLI entry point, started with the current Node binary. */
export const PLAYGROUND_CLI = resolve(__dirname, '../../node_modules/@microsoft/m365agentsplayground/cli.js');

/** Environment that keeps the Playground headless and offline (see /work/shared/NOTES.md). */
export const PLAYGROUND_ENV: Readonly<Record<string, string>> = Object.freeze({
  APPLICATION_INSIGHTS_NO_STATSBEAT: 'true',
  TEAMSAPPTESTER_BROWSER: 'none',
});

/** Where the Playground writes its log, relative to its working directory. */
export const PLAYGROUND_LOG = join('devTools', 'm365agentsplayground.log');

/** Conversation id of the General channel of the emulated team "My Team". */
export const GENERAL_CHANNEL_ID = 'team-id';

/** A user of the emulated tenant. */
export interface PlaygroundUser {
  readonly id: string;
  readonly name: string;
  readonly aadObjectId: string;
}

/** What `GET /_internal/v1/config` returns under `config` (the parts tests use). */
export interface PlaygroundConfig {
  readonly tenantId: string;
  readonly bot: { readonly id: string; readonly name: string };
  readonly currentUser: PlaygroundUser;
  readonly users: readonly PlaygroundUser[];
  readonly personalChat: { readonly id: string; readonly name: string };
  readonly groupChats: ReadonlyArray<{ readonly id: string; readonly name: string; readonly members: readonly string[] }>;
  readonly teams: ReadonlyArray<{
    readonly id: string;
    readonly name: string;
    readonly channels: ReadonlyArray<{ readonly id: string; readonly name: string }>;
    readonly members: readonly string[];
  }>;
}

/** A message the bot created or updated, as the Playground's WebSocket reported it. */
export interface PlaygroundMessage {
  /** Arrival order on the WebSocket, starting at 1; compare with {@link SentMessage.seq}. */
  readonly seq: number;
  readonly action: 'createMessage' | 'updateMessage' | string;
  /** The conversation (or channel thread) the message belongs to. */
  readonly conversationId: string;
  /** Use as `replyToId` when clicking a button on this message's card. */
  readonly messageId: string;
  readonly fromId: string;
  readonly text?: string;
  readonly attachments: ReadonlyArray<{ readonly contentType: string; readonly content?: any }>;
  /** Set on the first post of a new channel thread: the thread's conversation id. */
  readonly postConversationId?: string;
  /** The WebSocket frame as received. */
  readonly raw: any;
}

/** The message whose card is clicked. */
export type CardMessage = Pick<PlaygroundMessage, 'conversationId' | 'messageId'> & { readonly postConversationId?: string };

/** What `sendAsUser` returns. */
export interface SentMessage {
  readonly messageId: string;
  /** The channel thread the post opened or belongs to (channel posts only). */
  readonly postConversationId?: string;
  /** Number of bot messages received before this was sent: later replies have `seq` above it. */
  readonly seq: number;
}

export interface SendOptions {
  /** Default: the personal chat. */
  readonly conversationId?: string;
  /** Default: the current user. */
  readonly fromId?: string;
  /** Prefix the text with an @mention of the bot (needed in channels). */
  readonly mentionBot?: boolean;
}

export interface CardActionOptions {
  /** Default: the message's thread (`postConversationId`) if it opened one, else its conversation. */
  readonly conversationId?: string;
  /** Default: the current user. */
  readonly fromId?: string;
}

/** A running, connected Playground. */
export interface Playground {
  /** e.g. `http://127.0.0.1:56150`: open it in a browser to watch (the web client is served). */
  readonly url: string;
  readonly port: number;
  readonly config: PlaygroundConfig;
  /** The personal chat between the current user and the bot. */
  readonly personalChatId: string;
  /** Sends `conversationUpdate` (membersAdded) and `installationUpdate`, as the web client does on load. */
  install(conversationId?: string): Promise<void>;
  /** Posts a message as a user. In a channel, set `mentionBot` or the bot never sees it. */
  sendAsUser(text: string, options?: SendOptions): Promise<SentMessage>;
  /** Clicks an `Action.Submit` on `message`'s card: `value` is the action's data merged with inputs. */
  submitCard(message: CardMessage, value: Record<string, unknown>, options?: CardActionOptions): Promise<void>;
  /** Clicks an `Action.Execute`; resolves with the bot's invoke response body. */
  invokeAction(
    message: CardMessage,
    action: { readonly verb: string; readonly data?: Record<string, unknown> },
    options?: CardActionOptions,
  ): Promise<unknown>;
  /** Every bot message received so far, in order. */
  messages(): readonly PlaygroundMessage[];
  /**
   * Resolves with the first bot message (already received or arriving later) that matches;
   * rejects after `timeoutMs` listing what did arrive.
   */
  waitForBotMessage(predicate: (message: PlaygroundMessage) => boolean, timeoutMs?: number): Promise<PlaygroundMessage>;
  /** The Playground's log so far (for failure messages). */
  log(): string;
  /** Closes the WebSocket and kills the Playground's process group. */
  close(): Promise<void>;
}

export interface PlaygroundOptions {
  /** The bot's Bot Framework endpoint, e.g. `http://127.0.0.1:3978/api/messages`. */
  readonly botEndpoint: string;
  /** Default: a free port. */
  readonly port?: number;
  /** Fixes the personal chat id (random otherwise). */
  readonly conversationId?: string;
  /** How long to wait for the Playground and the bot endpoint. Default 60 s. */
  readonly startTimeoutMs?: number;
}

const DEFAULT_WAIT_MS = 15_000;
/** What the Playground logs when the bot endpoint does not answer within its 15 s wait. */
const CANNOT_CONNECT = 'Cannot connect to your app';
const POLL_MS = 50;
const KILL_GRACE_MS = 3_000;

/** Starts the Playground against `botEndpoint`, waits until it is up and connects its WebSocket. */
export async function startPlayground(options: PlaygroundOptions): Promise<Playground> {
  const deadline = Date.now() + (options.startTimeoutMs ?? 60_000);
  const workDir = mkdtempSync(join(tmpdir(), 'laki-playground-'));
  const requestedPort = options.port ?? (await freePort());
  const args = [PLAYGROUND_CLI, '-e', options.botEndpoint, '-c', 'msteams', '-p', String(requestedPort), '--dt'];
  if (options.conversationId) args.push('--conversation-id', options.conversationId);

  const child = spawn(process.execPath, args, {
    cwd: workDir,
    env: { ...process.env, ...PLAYGROUND_ENV },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  let exitCode: number | null | undefined;
  const exited = new Promise<void>((done) =>
    child.once('exit', (code, signal) => {
      exitCode = code ?? (signal ? -1 : null);
      done();
    }),
  );

  const logFile = join(workDir, PLAYGROUND_LOG);
  const readLog = () => (existsSync(logFile) ? readFileSync(logFile, 'utf8') : '') + output;
  const kill = () => killGroup(child, exited);
  let socket: WebSocket | undefined;

  try {
    const port = await pollUntil(deadline, () => {
      if (exitCode !== undefined) throw new Error(`Agents Playground exited with ${exitCode}:\n${tail(readLog())}`);
      const match = /Listening on (\d+)/.exec(readLog());
      return match ? Number(match[1]) : undefined;
    }, 'Agents Playground did not report its port');
    const url = `http://127.0.0.1:${port}`;

    const messages: PlaygroundMessage[] = [];
    const waiters = new Set<(message: PlaygroundMessage) => void>();
    socket = await openSocket(`ws://127.0.0.1:${port}/_ws_conversation/v1/conversations/stream`, deadline);
    socket.on('message', (data) => {
      const frame = parseFrame(data.toString());
      if (!frame?.message) return;
      const message: PlaygroundMessage = {
        seq: messages.length + 1,
        action: String(frame.action),
        conversationId: String(frame.actionConversationId),
        messageId: String(frame.message.messageId),
        fromId: String(frame.message.from?.id ?? ''),
        text: frame.message.text,
        attachments: frame.message.attachments ?? [],
        postConversationId: frame.message.postConversationId,
        raw: frame,
      };
      messages.push(message);
      for (const waiter of [...waiters]) waiter(message);
    });

    // Blocks until the bot endpoint answers; returns 200 with a warning in its log otherwise.
    const configResponse = await requestJson(url, 'GET', '/_internal/v1/config', undefined, remaining(deadline));
    const config = (configResponse as { config: PlaygroundConfig }).config;
    if (readLog().includes(CANNOT_CONNECT)) {
      throw new Error(`Agents Playground cannot reach the bot at ${options.botEndpoint}:\n${tail(readLog())}`);
    }
    const botMessages = () => messages.filter((message) => message.fromId === config.bot.id);

    const botMention = `<at>${config.bot.name}</at>`;
    const openSocketRef = socket;
    return {
      url,
      port,
      config,
      personalChatId: config.personalChat.id,
      async install(conversationId = config.personalChat.id) {
        await requestJson(url, 'POST', `/_debug/conversation/${encodeURIComponent(conversationId)}/installation`, {});
      },
      async sendAsUser(text, sendOptions = {}) {
        const conversationId = sendOptions.conversationId ?? config.personalChat.id;
        const seq = messages.length;
        const body: Record<string, unknown> = {
          from: { id: sendOptions.fromId ?? config.currentUser.id },
          text: sendOptions.mentionBot ? `${botMention} ${text}` : text,
          textFormat: 'plain',
        };
        if (sendOptions.mentionBot) body.mentions = [{ mentioned: { id: config.bot.id }, text: botMention }];
        const answer = (await requestJson(
          url,
          'POST',
          `/_conversation/v1/conversations/${encodeURIComponent(conversationId)}/messages`,
          body,
        )) as { messageId: string; postConversationId?: string };
        return { messageId: String(answer.messageId), postConversationId: answer.postConversationId, seq };
      },
      async submitCard(message, value, actionOptions = {}) {
        await requestJson(url, 'POST', '/_conversation/v1/submit', {
          conversation: { id: actionOptions.conversationId ?? threadOf(message) },
          from: { id: actionOptions.fromId ?? config.currentUser.id },
          replyToId: message.messageId,
          value,
        });
      },
      invokeAction(message, action, actionOptions = {}) {
        return requestJson(url, 'POST', '/_conversation/v1/invoke', {
          name: 'adaptiveCard/action',
          conversation: { id: actionOptions.conversationId ?? threadOf(message) },
          from: { id: actionOptions.fromId ?? config.currentUser.id },
          replyToId: message.messageId,
          value: { action: { type: 'Action.Execute', verb: action.verb, data: action.data ?? {} } },
        });
      },
      messages: botMessages,
      waitForBotMessage(predicate, timeoutMs = DEFAULT_WAIT_MS) {
        const matches = (message: PlaygroundMessage) => message.fromId === config.bot.id && predicate(message);
        const found = messages.find(matches);
        if (found) return Promise.resolve(found);
        return new Promise((resolveMessage, reject) => {
          const waiter = (message: PlaygroundMessage) => {
            if (!matches(message)) return;
            clearTimeout(timer);
            waiters.delete(waiter);
            resolveMessage(message);
          };
          const timer = setTimeout(() => {
            waiters.delete(waiter);
            const seen = botMessages().map((m) => `#${m.seq} ${m.action} ${summary(m)}`).join('\n  ') || 'none';
            reject(
              new Error(
                `Playground: no matching bot message within ${timeoutMs} ms. Bot messages:\n  ${seen}\n` +
                  `Playground log (tail):\n${tail(readLog(), 10)}`,
              ),
            );
          }, timeoutMs);
          waiters.add(waiter);
        });
      },
      log: readLog,
      async close() {
        openSocketRef.terminate();
        await kill();
        rmSync(workDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    socket?.terminate();
    await kill();
    rmSync(workDir, { recursive: true, force: true });
    throw error;
  }
}

/**
 * All text a user would read in a bot message: its text plus the readable strings of its card
 * attachments (TextBlocks, facts, button titles, input labels), one per line. For assertions
 * that do not depend on the card's layout.
 */
export function readableText(message: Pick<PlaygroundMessage, 'text' | 'attachments'>): string {
  const parts: string[] = message.text ? [message.text] : [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) {
        if (typeof value === 'string') {
          if (READABLE_KEYS.has(key)) parts.push(value);
        } else if (key !== 'data') {
          walk(value);
        }
      }
    }
  };
  for (const attachment of message.attachments) walk(attachment.content);
  return parts.join('\n');
}

/** Card properties whose string values users read; layout values ("Bolder") and button data are skipped. */
const READABLE_KEYS: ReadonlySet<string> = new Set(['text', 'title', 'value', 'label', 'placeholder', 'fallbackText', 'altText']);

/** The first Adaptive Card of a message, if any. */
export function adaptiveCardIn(message: Pick<PlaygroundMessage, 'attachments'>): any {
  return message.attachments.find((a) => a.contentType === 'application/vnd.microsoft.card.adaptive')?.content;
}

/** A channel post that opened a thread is clicked within that thread. */
function threadOf(message: CardMessage): string {
  return message.postConversationId ?? message.conversationId;
}

function summary(message: PlaygroundMessage): string {
  return JSON.stringify(readableText(message)).slice(0, 200);
}

function parseFrame(text: string): any {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function remaining(deadline: number): number {
  return Math.max(1_000, deadline - Date.now());
}

async function pollUntil<T>(deadline: number, probe: () => T | undefined, failure: string): Promise<T> {
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`${failure} in time`);
    await new Promise((done) => setTimeout(done, POLL_MS));
  }
}

/** Opens the WebSocket, retrying while the server is still starting. */
async function openSocket(address: string, deadline: number): Promise<WebSocket> {
  for (;;) {
    try {
      return await new Promise<WebSocket>((resolveSocket, reject) => {
        const socket = new WebSocket(address);
        socket.once('open', () => {
          socket.off('error', reject);
          resolveSocket(socket);
        });
        socket.once('error', reject);
      });
    } catch (error) {
      if (Date.now() > deadline) throw new Error(`Cannot open the Playground WebSocket: ${String(error)}`);
      await new Promise((done) => setTimeout(done, POLL_MS));
    }
  }
}

async function requestJson(base: string, method: string, path: string, body?: unknown, timeoutMs = DEFAULT_WAIT_MS): Promise<unknown> {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: body === undefined ? undefined : { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(timeoutMs),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`Playground ${method} ${path} answered ${response.status}: ${text}`);
  return text ? JSON.parse(text) : undefined;
}

/** SIGTERM to the whole process group, SIGKILL if it is still alive after a grace period. */
async function killGroup(child: ChildProcess, exited: Promise<void>): Promise<void> {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, signal);
    } catch {
      // The group is already gone.
    }
  };
  signalGroup('SIGTERM');
  let timer: NodeJS.Timeout | undefined;
  const graceful = await Promise.race([
    exited.then(() => true),
    new Promise<boolean>((done) => (timer = setTimeout(() => done(false), KILL_GRACE_MS))),
  ]);
  clearTimeout(timer);
  if (!graceful) {
    signalGroup('SIGKILL');
    await exited;
  }
}

function tail(text: string, lines = 30): string {
  return text.split('\n').slice(-lines).join('\n');
}
