/**
 * The Bot Framework connector of the soak benchmark: records every request of the service
 * (replies, proactive messages, channel posts, card updates) and fails a share of the outbox's
 * deliveries with 503 + Retry-After, as Teams does under load.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export type SoakOperation = 'reply' | 'send' | 'create' | 'update' | 'other';

export interface SoakRequest {
  readonly operation: SoakOperation;
  readonly conversationId?: string;
  /** The reply-to id (reply) or the updated activity id (update) from the path. */
  readonly pathActivityId?: string;
  readonly body: any;
  readonly status: number;
  /** The activity id the connector answered with (create, reply, send). */
  readonly answeredId?: string;
}

export interface SoakConnector {
  readonly url: string;
  readonly requests: readonly SoakRequest[];
  /** Injected 503s so far, by operation. */
  readonly injected: Readonly<Record<string, number>>;
  close(): Promise<void>;
}

/**
 * `shouldFail(operation, body)` decides per request whether to answer 503 (Retry-After 1 s);
 * the soak limits it to the outbox's deliveries so that user turns are not broken on purpose.
 */
export async function startSoakConnector(shouldFail: (operation: SoakOperation, body: any) => boolean): Promise<SoakConnector> {
  const requests: SoakRequest[] = [];
  const injected: Record<string, number> = {};
  let counter = 0;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const method = req.method ?? 'GET';
      const parts = (req.url ?? '').split('?')[0].split('/').filter(Boolean).map(decodeURIComponent);
      let body: any;
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      } catch {
        body = undefined;
      }
      const [v3, conversations, conversationId, collection, pathActivityId] = parts;
      let operation: SoakOperation = 'other';
      if (v3 === 'v3' && conversations === 'conversations') {
        if (parts.length === 2 && method === 'POST') operation = 'create';
        else if (collection === 'activities' && method === 'POST') operation = parts.length === 5 ? 'reply' : 'send';
        else if (collection === 'activities' && method === 'PUT') operation = 'update';
      }
      if (operation !== 'other' && shouldFail(operation, body)) {
        injected[operation] = (injected[operation] ?? 0) + 1;
        requests.push({ operation, conversationId, pathActivityId, body, status: 503 });
        return send(res, 503, { error: { code: 'ServiceUnavailable', message: 'injected by the soak' } }, { 'Retry-After': '1' });
      }
      const id = `soak-${++counter}`;
      if (operation === 'create') {
        const channel = body?.channelData?.channel?.id ?? 'channel';
        requests.push({ operation, body, status: 200, answeredId: id, conversationId: `${channel};messageid=${id}` });
        return send(res, 200, { id: `${channel};messageid=${id}`, activityId: id }, {});
      }
      if (operation === 'other') {
        requests.push({ operation, body, status: 404 });
        return send(res, 404, { error: { code: 'NotFound' } }, {});
      }
      requests.push({ operation, conversationId, pathActivityId, body, status: 200, answeredId: id });
      return send(res, 200, { id: operation === 'update' ? pathActivityId : id }, {});
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    injected,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function send(res: import('node:http').ServerResponse, status: number, body: unknown, headers: Record<string, string>): void {
  const payload = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(payload), ...headers });
  res.end(payload);
}
