import type { Server } from 'node:http';

export function listen(server: Server, address: string, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, address, () => {
      server.off('error', reject);
      const bound = server.address();
      if (bound === null || typeof bound === 'string') {
        reject(new Error(`the server at ${address}:${port} has no TCP address`));
        return;
      }
      resolve(bound.port);
    });
  });
}

/** Stops accepting, lets idle connections go, and cuts busy ones after a short grace. */
export function stopServer(server: Server, graceMs = 500): Promise<void> {
  return new Promise((resolve) => {
    const cut = setTimeout(() => {
      server.closeAllConnections();
    }, graceMs);
    server.close(() => {
      clearTimeout(cut);
      resolve();
    });
    server.closeIdleConnections();
  });
}
