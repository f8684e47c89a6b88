/**
 * A minimal Bot Framework connector for timing bot turns: the bot posts its replies here
 * (`POST /v3/conversations/{id}/activities[/{replyToId}]`), and {@link BenchConnector.nextReply}
 * resolves when a reply other than a typing indicator reaches a conversation.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface BenchConnector {
  readonly url: string;
  /** Resolves with the arrival time (performance.now()) of the conversation's next non-typing activity. */
  nextReply(conversationId: string, timeoutMs?: number): Promise<number>;
  close(): Promise<void>;
}

export async function startBenchConnector(): Promise<BenchConnector> {
  const waiting = new Map<string, (arrivedAt: number) => void>();
  let counter = 0;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const arrivedAt = performance.now();
      const parts = (req.url ?? '').split('?')[0].split('/').filter(Boolean).map(decodeURIComponent);
      let activity: { type?: string } | undefined;
      try {
        activity = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      } catch {
        activity = undefined;
      }
      const conversationId = parts[0] === 'v3' && parts[1] === 'conversations' ? parts[2] : undefined;
      if (conversationId && activity?.type !== 'typing') {
        const resolve = waiting.get(conversationId);
        if (resolve) {
          waiting.delete(conversationId);
          resolve(arrivedAt);
        }
      }
      const body = JSON.stringify({ id: `bench-activity-${++counter}` });
      res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) });
      res.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    nextReply(conversationId, timeoutMs = 10_000) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiting.delete(conversationId);
          reject(new Error(`No reply in ${conversationId} within ${timeoutMs} ms`));
        }, timeoutMs);
        waiting.set(conversationId, (arrivedAt) => {
          clearTimeout(timer);
          resolve(arrivedAt);
        });
      });
    },
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
