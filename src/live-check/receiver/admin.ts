import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { discardRest } from './body.ts';
import { listen, stopServer } from './listen.ts';
import type { Listener } from './sink.ts';

export interface AdminServerOptions {
  readonly address: string;
  readonly port: number;
  /** The body of `GET /health`. */
  health(): unknown;
  /** Stops the live check; resolves to the JSON report that `POST /stop` answers with. */
  stop(): Promise<string>;
}

function sendJson(response: ServerResponse, status: number, body: string): void {
  response.writeHead(status, { 'content-type': 'application/json' }).end(body);
}

function sendText(response: ServerResponse, status: number, message: string): void {
  response.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' }).end(`${message}\n`);
}

const routes: Readonly<Record<string, string>> = { '/health': 'GET', '/stop': 'POST' };

function handle(options: AdminServerOptions, request: IncomingMessage, response: ServerResponse) {
  discardRest(request);
  const path = (request.url ?? '/').split('?')[0] ?? '/';
  const method = routes[path];
  if (method === undefined) {
    sendText(response, 404, `no admin endpoint at ${path}; use GET /health or POST /stop`);
    return;
  }
  if (request.method !== method) {
    response.setHeader('allow', method);
    sendText(response, 405, `${path} takes ${method}`);
    return;
  }
  if (path === '/health') {
    sendJson(response, 200, JSON.stringify(options.health()));
    return;
  }
  options.stop().then(
    (report) => {
      sendJson(response, 200, report);
    },
    (error: unknown) => {
      sendText(response, 500, `the live check could not stop cleanly: ${String(error)}`);
    },
  );
}

/** The admin port: `GET /health` and `POST /stop`, whose answer is the JSON report. */
export async function startAdminServer(options: AdminServerOptions): Promise<Listener> {
  const server = createServer((request, response) => {
    handle(options, request, response);
  });
  const port = await listen(server, options.address, options.port);
  return { port, close: () => stopServer(server) };
}
