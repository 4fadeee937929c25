import * as grpc from '@grpc/grpc-js';
import { gzipSync } from 'node:zlib';
import {
  runLiveCheck,
  type BoundPorts,
  type LiveCheckDocument,
  type LiveCheckOptions,
  type LiveCheckResult,
} from '../../../src/live-check/index.ts';
import type { ResolvedRegistry } from '../../../src/registry/index.ts';
import type { EncodedRequest } from './telemetry.ts';

/** OTLP's gRPC method paths, as any OTLP client calls them. */
const grpcPaths = {
  traces: '/opentelemetry.proto.collector.trace.v1.TraceService/Export',
  metrics: '/opentelemetry.proto.collector.metrics.v1.MetricsService/Export',
  logs: '/opentelemetry.proto.collector.logs.v1.LogsService/Export',
} as const;

export const httpPaths = {
  traces: '/v1/traces',
  metrics: '/v1/metrics',
  logs: '/v1/logs',
} as const;

export type GrpcOutcome = { ok: true } | { ok: false; code: grpc.status; details: string };

/** A real gRPC client sending raw protobuf bytes to an OTLP Export method. */
export function sendGrpcBytes(
  port: number,
  signal: EncodedRequest['signal'],
  bytes: Uint8Array,
  options: grpc.ClientOptions = {},
): Promise<GrpcOutcome> {
  const client = new grpc.Client(`127.0.0.1:${port}`, grpc.credentials.createInsecure(), options);
  return new Promise((resolve) => {
    client.makeUnaryRequest(
      grpcPaths[signal],
      (body: Buffer) => body,
      (body: Buffer) => body,
      Buffer.from(bytes),
      (error) => {
        client.close();
        if (error === null) resolve({ ok: true });
        else resolve({ ok: false, code: error.code, details: error.details });
      },
    );
  });
}

export function sendGrpc(port: number, request: EncodedRequest): Promise<GrpcOutcome> {
  return sendGrpcBytes(port, request.signal, request.protobuf);
}

export interface HttpOutcome {
  readonly status: number;
  readonly body: string;
}

export async function postHttp(
  port: number,
  path: string,
  body: Uint8Array | string,
  headers: Record<string, string>,
): Promise<HttpOutcome> {
  const response = await fetch(`http://127.0.0.1:${port}${path}`, {
    method: 'POST',
    headers,
    body: typeof body === 'string' ? body : Buffer.from(body),
  });
  return { status: response.status, body: await response.text() };
}

export function sendHttp(
  port: number,
  request: EncodedRequest,
  format: 'protobuf' | 'json',
  options: { gzip?: boolean } = {},
): Promise<HttpOutcome> {
  const raw = format === 'json' ? Buffer.from(request.json) : Buffer.from(request.protobuf);
  const headers: Record<string, string> = {
    'content-type': format === 'json' ? 'application/json' : 'application/x-protobuf',
  };
  if (options.gzip === true) headers['content-encoding'] = 'gzip';
  return postHttp(
    port,
    httpPaths[request.signal],
    options.gzip === true ? gzipSync(raw) : raw,
    headers,
  );
}

export async function stopViaAdmin(ports: BoundPorts): Promise<LiveCheckDocument> {
  const response = await fetch(`http://127.0.0.1:${ports.admin}/stop`, { method: 'POST' });
  if (response.status !== 200) throw new Error(`POST /stop answered ${response.status}`);
  return (await response.json()) as LiveCheckDocument;
}

export interface Listening {
  readonly ports: BoundPorts;
  readonly result: Promise<LiveCheckResult>;
}

/** A live check listening on free ports of 127.0.0.1 until stopped. */
export function listen(
  registry: ResolvedRegistry,
  options: Partial<LiveCheckOptions> = {},
): Promise<Listening> {
  return new Promise((resolve, reject) => {
    const result = runLiveCheck({
      registry,
      input: { kind: 'otlp', address: '127.0.0.1', grpcPort: 0, httpPort: 0, adminPort: 0 },
      inactivityTimeoutSeconds: 0,
      failOn: 'violation',
      ...options,
      onReady: (ports) => {
        resolve({ ports, result });
      },
    });
    result.then((outcome) => {
      if (!outcome.ok) reject(new Error(outcome.error.message));
    }, reject);
  });
}

/** Stops a listening check and returns its final document. */
export async function stopAndCollect(listening: Listening): Promise<LiveCheckDocument> {
  await stopViaAdmin(listening.ports);
  const outcome = await listening.result;
  if (!outcome.ok) throw new Error(outcome.error.message);
  return outcome.document;
}
