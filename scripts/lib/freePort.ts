import { createServer } from 'node:net';

/**
 * Asks the OS for a TCP port on 127.0.0.1 that is free right now (for a server that must be
 * started on a port chosen up front, or for "nothing listens here").
 */
export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}
