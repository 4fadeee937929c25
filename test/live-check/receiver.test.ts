import { request as httpRequest } from 'node:http';
import { connect as connectHttp2 } from 'node:http2';
import { randomBytes } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import * as grpc from '@grpc/grpc-js';
import { SpanKind } from '@opentelemetry/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inlineRegistry } from './support/registry.ts';
import { attr, ref, registryYaml, spanYaml } from './support/yaml.ts';
import {
  listen,
  postHttp,
  sendGrpc,
  sendGrpcBytes,
  sendHttp,
  stopAndCollect,
  type Listening,
} from './support/send.ts';
import { encodeSpans, makeSpans } from './support/telemetry.ts';

const jobs = await inlineRegistry(
  registryYaml(
    [attr('job.id', 'string'), attr('service.name', 'string')],
    spanYaml('span.job.run.internal', 'internal', { attributes: [ref('job.id', 'recommended')] }),
  ),
);
const good = encodeSpans(
  makeSpans([{ name: 'job.run', kind: SpanKind.INTERNAL, attributes: { 'job.id': 'a' } }]),
);
const protobuf = { 'content-type': 'application/x-protobuf' };
const sixtyFourMiB = 64 * 1024 * 1024;
/** Twice the receiver's 8 MiB limit once inflated, 16 KiB on the wire. */
const bombSize = 16 * 1024 * 1024;

/** A raw HTTP POST that streams `total` bytes in chunks, with or without a Content-Length. */
function streamPost(
  port: number,
  total: number,
  declareLength: boolean,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string | number> = { ...protobuf };
    if (declareLength) headers['content-length'] = total;
    const request = httpRequest(
      { host: '127.0.0.1', port, path: '/v1/traces', method: 'POST', headers },
      (response) => {
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (body += chunk));
        response.on('end', () => {
          resolve({ status: response.statusCode ?? 0, body });
        });
      },
    );
    request.on('error', reject);
    const chunk = Buffer.alloc(1024 * 1024);
    let sent = 0;
    const writeMore = (): void => {
      while (sent < total) {
        sent += chunk.length;
        if (!request.write(chunk)) {
          request.once('drain', writeMore);
          return;
        }
      }
      request.end();
    };
    writeMore();
  });
}

describe('bad input: each is refused with a clear message, and the receiver keeps serving', () => {
  let live: Listening;
  let stopped = false;
  let grpcPort = 0;
  let httpPort = 0;

  beforeAll(async () => {
    live = await listen(jobs);
    grpcPort = live.ports.grpc;
    httpPort = live.ports.http ?? 0;
  });

  afterAll(async () => {
    if (!stopped) await stopAndCollect(live);
  });

  it('random bytes over gRPC: INVALID_ARGUMENT naming the expected message', async () => {
    const outcome = await sendGrpcBytes(
      grpcPort,
      'traces',
      Buffer.concat([Buffer.from([7]), randomBytes(512)]),
    );
    expect(outcome).toMatchObject({
      ok: false,
      code: grpc.status.INVALID_ARGUMENT,
      details: expect.stringContaining('ExportTraceServiceRequest') as unknown,
    });
  });

  it('a truncated protobuf over gRPC: INVALID_ARGUMENT', async () => {
    const truncated = good.protobuf.subarray(0, good.protobuf.length - 7);
    const outcome = await sendGrpcBytes(grpcPort, 'traces', truncated);
    expect(outcome).toMatchObject({ ok: false, code: grpc.status.INVALID_ARGUMENT });
  });

  it('random bytes and a truncated protobuf over HTTP: 400 with the reason', async () => {
    const random = await postHttp(
      httpPort,
      '/v1/traces',
      Buffer.concat([Buffer.from([7]), randomBytes(512)]),
      protobuf,
    );
    expect(random.status).toBe(400);
    expect(random.body).toContain('not a valid protobuf');
    const truncated = await postHttp(
      httpPort,
      '/v1/traces',
      good.protobuf.subarray(0, 20),
      protobuf,
    );
    expect(truncated.status).toBe(400);
  });

  it('malformed JSON: 400 with an OTLP status body in JSON', async () => {
    const outcome = await postHttp(httpPort, '/v1/metrics', '{"resourceMetrics": [', {
      'content-type': 'application/json',
    });
    expect(outcome.status).toBe(400);
    expect(JSON.parse(outcome.body)).toMatchObject({
      code: 3,
      message: expect.stringContaining('not valid JSON') as unknown,
    });
  });

  it('wrong content types: 415 naming the accepted ones', async () => {
    const text = await postHttp(httpPort, '/v1/traces', 'hello', { 'content-type': 'text/plain' });
    expect(text.status).toBe(415);
    expect(text.body).toContain('"text/plain" is not supported');
    const form = await postHttp(httpPort, '/v1/logs', 'a=b', {
      'content-type': 'application/x-www-form-urlencoded',
    });
    expect(form.status).toBe(415);
  });

  it('an unsupported content encoding: 415', async () => {
    const outcome = await postHttp(httpPort, '/v1/traces', good.protobuf, {
      ...protobuf,
      'content-encoding': 'br',
    });
    expect(outcome.status).toBe(415);
    expect(outcome.body).toContain('Content-Encoding "br" is not supported');
  });

  it('an unknown path is 404 and a GET is 405', async () => {
    expect((await postHttp(httpPort, '/v1/profiles', good.protobuf, protobuf)).status).toBe(404);
    const get = await fetch(`http://127.0.0.1:${httpPort}/v1/traces`);
    expect(get.status).toBe(405);
    expect(get.headers.get('allow')).toBe('POST');
  });

  it('a gzip bomb: 413 once the decompressed body passes the limit', async () => {
    const bomb = gzipSync(Buffer.alloc(bombSize));
    expect(bomb.length).toBeLessThan(64 * 1024);
    const outcome = await postHttp(httpPort, '/v1/traces', bomb, {
      ...protobuf,
      'content-encoding': 'gzip',
    });
    expect(outcome.status).toBe(413);
    expect(outcome.body).toContain('the decompressed body exceeds the receiver');
  });

  it('a body that is not gzip although it says so: 400', async () => {
    const outcome = await postHttp(httpPort, '/v1/traces', good.protobuf, {
      ...protobuf,
      'content-encoding': 'gzip',
    });
    expect(outcome.status).toBe(400);
    expect(outcome.body).toContain('not valid gzip');
  });

  it('a gzip bomb over gRPC: RESOURCE_EXHAUSTED', async () => {
    const outcome = await sendGrpcBytes(grpcPort, 'traces', Buffer.alloc(bombSize), {
      'grpc.default_compression_algorithm': grpc.compressionAlgorithms.gzip,
    });
    expect(outcome).toMatchObject({ ok: false, code: grpc.status.RESOURCE_EXHAUSTED });
  });

  it('a 64 MB body with its Content-Length: 413 at once, without reading it', async () => {
    const outcome = await streamPost(httpPort, sixtyFourMiB, true);
    expect(outcome.status).toBe(413);
    expect(outcome.body).toContain(
      `the body (Content-Length ${sixtyFourMiB}) exceeds the receiver's limit`,
    );
  });

  it('a 64 MB chunked body: 413 as soon as it passes the limit', async () => {
    const outcome = await streamPost(httpPort, sixtyFourMiB, false);
    expect(outcome.status).toBe(413);
    expect(outcome.body).toContain("the body exceeds the receiver's limit of 8388608 bytes");
  });

  it('a 64 MB message over gRPC: RESOURCE_EXHAUSTED saying how large it was', async () => {
    const outcome = await sendGrpcBytes(grpcPort, 'traces', Buffer.alloc(sixtyFourMiB, 1));
    expect(outcome).toMatchObject({
      ok: false,
      code: grpc.status.RESOURCE_EXHAUSTED,
      details: expect.stringMatching(/larger than max/) as unknown,
    });
  });

  it('after all of that, good requests are still accepted and counted, and the rejections listed', async () => {
    expect(await sendGrpc(grpcPort, good)).toEqual({ ok: true });
    expect((await sendHttp(httpPort, good, 'protobuf')).status).toBe(200);
    expect((await sendHttp(httpPort, good, 'json', { gzip: true })).status).toBe(200);
    stopped = true;
    const document = await stopAndCollect(live);
    expect(document.received.requests).toBe(3);
    expect(document.statistics.total_entities_by_type.span).toBe(3);
    // Every refusal above reached the receiver's code, except the two oversized gRPC messages,
    // which grpc-js refuses before any handler runs.
    expect(document.received.rejected).toBe(14);
    expect(document.received.rejections[0]).toEqual({
      source: 'OTLP/gRPC traces',
      reason: expect.stringContaining('not a valid protobuf') as unknown,
    });
  });
});

describe('load: hundreds of concurrent clients', () => {
  it('serves 200 HTTP and 100 gRPC clients at once and counts every request', async () => {
    const live = await listen(jobs);
    const http = Array.from({ length: 200 }, (_, index) =>
      sendHttp(live.ports.http ?? 0, good, index % 2 === 0 ? 'protobuf' : 'json'),
    );
    const grpcCalls = Array.from({ length: 100 }, () => sendGrpc(live.ports.grpc, good));
    const [httpOutcomes, grpcOutcomes] = await Promise.all([
      Promise.all(http),
      Promise.all(grpcCalls),
    ]);
    expect(httpOutcomes.every((outcome) => outcome.status === 200)).toBe(true);
    expect(grpcOutcomes.every((outcome) => outcome.ok)).toBe(true);
    const document = await stopAndCollect(live);
    expect(document.received.requests).toBe(300);
    expect(document.statistics.total_entities_by_type.span).toBe(300);
  });
});

/** What a real HTTP/2 client is allowed to send on a fresh connection: per call, and in all. */
function sendWindows(port: number): Promise<{ perCall: number; connection: number }> {
  return new Promise((resolve, reject) => {
    const session = connectHttp2(`http://127.0.0.1:${port}`);
    session.on('error', reject);
    session.once('remoteSettings', () => {
      // The server's SETTINGS and WINDOW_UPDATE frames precede its answer to this ping.
      session.ping((error) => {
        session.close();
        if (error !== null) reject(error);
        const perCall = session.remoteSettings.initialWindowSize ?? 0;
        resolve({ perCall, connection: session.state.remoteWindowSize ?? 0 });
      });
    });
  });
}

describe('flow control: a sender is not held to 64 KiB in flight', () => {
  it('the gRPC receiver gives each call and each connection a 4 MiB receive window', async () => {
    const live = await listen(jobs);
    try {
      const windows = await sendWindows(live.ports.grpc);
      expect(windows).toEqual({ perCall: 4 * 1024 * 1024, connection: 4 * 1024 * 1024 });
      // And the receiver still answers on such a connection.
      expect(await sendGrpc(live.ports.grpc, good)).toEqual({ ok: true });
    } finally {
      await stopAndCollect(live);
    }
  });
});
