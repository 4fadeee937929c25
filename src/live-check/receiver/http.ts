import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { encodedSuccessResponse, type OtlpSignal } from '../otlp/index.ts';
import { samplesFromJson, samplesFromProtobuf, type SamplesResult } from '../sample/index.ts';
import { discardRest, gunzipLimited, readLimitedBody, type BodyResult } from './body.ts';
import { listen, stopServer } from './listen.ts';
import type { Listener, ReceiverLimits, RequestSink } from './sink.ts';

export interface HttpReceiverOptions {
  readonly address: string;
  readonly port: number;
  readonly limits: ReceiverLimits;
  readonly sink: RequestSink;
}

const signalByPath: Readonly<Record<string, OtlpSignal>> = {
  '/v1/traces': 'traces',
  '/v1/metrics': 'metrics',
  '/v1/logs': 'logs',
};

type BodyFormat = 'protobuf' | 'json';

const formatByMediaType: Readonly<Record<string, BodyFormat>> = {
  'application/x-protobuf': 'protobuf',
  'application/protobuf': 'protobuf',
  'application/json': 'json',
};

/** gRPC status codes, which OTLP/HTTP carries in its error bodies. */
const statusCodeByHttp: Readonly<Record<number, number>> = {
  400: 3,
  404: 5,
  405: 12,
  413: 8,
  415: 3,
  503: 14,
};

function send(
  response: ServerResponse,
  status: number,
  format: BodyFormat | undefined,
  message: string,
): void {
  if (format === 'json') {
    const body = JSON.stringify({ code: statusCodeByHttp[status] ?? 2, message });
    response.writeHead(status, { 'content-type': 'application/json' }).end(body);
    return;
  }
  response.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' }).end(`${message}\n`);
}

function mediaType(request: IncomingMessage): string {
  return (request.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}

async function readBody(request: IncomingMessage, limit: number): Promise<BodyResult> {
  const encoding = (request.headers['content-encoding'] ?? 'identity').trim().toLowerCase();
  if (encoding !== 'identity' && encoding !== 'gzip') {
    discardRest(request);
    const message = `Content-Encoding "${encoding}" is not supported; send gzip or no encoding`;
    return { ok: false, refusal: { status: 415, message } };
  }
  const body = await readLimitedBody(request, limit);
  if (!body.ok || encoding === 'identity') return body;
  return gunzipLimited(body.body, limit);
}

function decode(signal: OtlpSignal, format: BodyFormat, body: Buffer): SamplesResult {
  return format === 'json'
    ? samplesFromJson(signal, body.toString('utf8'))
    : samplesFromProtobuf(signal, body);
}

/** Handles one OTLP/HTTP export request; the path's signal and the content type are known good. */
async function handleExport(
  request: IncomingMessage,
  response: ServerResponse,
  route: Route,
  options: HttpReceiverOptions,
): Promise<void> {
  const source = `OTLP/HTTP ${route.format} ${route.signal}`;
  const body = await readBody(request, options.limits.maxMessageBytes);
  if (!body.ok) {
    options.sink.reject(source, body.refusal.message);
    send(response, body.refusal.status, route.format, body.refusal.message);
    return;
  }
  const decoded = decode(route.signal, route.format, body.body);
  if (!decoded.ok) {
    options.sink.reject(source, decoded.error.message);
    send(response, 400, route.format, decoded.error.message);
    return;
  }
  if (!options.sink.accept(decoded.samples)) {
    send(response, 503, route.format, 'the live check is stopping');
    return;
  }
  if (route.format === 'json') {
    response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    return;
  }
  response
    .writeHead(200, { 'content-type': 'application/x-protobuf' })
    .end(encodedSuccessResponse(route.signal));
}

interface Route {
  readonly signal: OtlpSignal;
  readonly format: BodyFormat;
}

type RouteResult =
  | { readonly ok: true; readonly route: Route }
  | { readonly ok: false; readonly status: 404 | 405 | 415; readonly message: string };

function routeOf(request: IncomingMessage): RouteResult {
  const path = (request.url ?? '/').split('?')[0] ?? '/';
  const signal = signalByPath[path];
  if (signal === undefined) {
    const message = `no OTLP endpoint at ${path}; use /v1/traces, /v1/metrics or /v1/logs`;
    return { ok: false, status: 404, message };
  }
  if (request.method !== 'POST') {
    const message = `${request.method ?? 'this method'} is not allowed; OTLP export uses POST`;
    return { ok: false, status: 405, message };
  }
  const type = mediaType(request);
  const format = formatByMediaType[type];
  if (format === undefined) {
    const message = `Content-Type "${type}" is not supported; send application/x-protobuf or application/json`;
    return { ok: false, status: 415, message };
  }
  return { ok: true, route: { signal, format } };
}

function handler(options: HttpReceiverOptions) {
  return (request: IncomingMessage, response: ServerResponse): void => {
    const routed = routeOf(request);
    if (!routed.ok) {
      discardRest(request);
      options.sink.reject('OTLP/HTTP', routed.message);
      if (routed.status === 405) response.setHeader('allow', 'POST');
      send(response, routed.status, undefined, routed.message);
      return;
    }
    handleExport(request, response, routed.route, options).catch((error: unknown) => {
      // The client went away mid-body: there is no one left to answer.
      options.sink.reject('OTLP/HTTP', error instanceof Error ? error.message : String(error));
      response.destroy();
    });
  };
}

/** OTLP/HTTP on its own port: `/v1/traces`, `/v1/metrics`, `/v1/logs`, protobuf or JSON, gzip. */
export async function startHttpReceiver(options: HttpReceiverOptions): Promise<Listener> {
  const server: Server = createServer(handler(options));
  const port = await listen(server, options.address, options.port);
  return { port, close: () => stopServer(server) };
}
