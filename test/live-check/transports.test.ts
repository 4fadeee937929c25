import { Readable } from 'node:stream';
import { SpanKind } from '@opentelemetry/api';
import { describe, expect, it } from 'vitest';
import { runLiveCheck, type LiveCheckDocument } from '../../src/live-check/index.ts';
import { inlineRegistry } from './support/registry.ts';
import {
  attr,
  enumType,
  eventYaml,
  metricYaml,
  ref,
  registryYaml,
  spanYaml,
} from './support/yaml.ts';
import { listen, sendGrpc, sendHttp, stopAndCollect, type Listening } from './support/send.ts';
import {
  encodeLogs,
  encodeMetrics,
  encodeSpans,
  makeLogs,
  makeMetrics,
  makeSpans,
  type EncodedRequest,
} from './support/telemetry.ts';

const jobs = await inlineRegistry(
  registryYaml(
    [
      attr('job.id', 'int'),
      attr('job.queue', enumType('fast', 'slow')),
      attr('service.name', 'string'),
    ],
    spanYaml('span.job.run.server', 'server', { attributes: [ref('job.id', 'required')] }),
    metricYaml('job.duration', 'histogram', 'ms', { attributes: [ref('job.queue', 'required')] }),
    eventYaml('job.started', { attributes: [ref('job.id', 'recommended')] }),
  ),
);

/** Conforming and faulty samples of every signal, made once by the real SDK. */
async function mixedRequests(): Promise<EncodedRequest[]> {
  const spans = makeSpans([
    { name: 'job.run', kind: SpanKind.SERVER, attributes: { 'job.id': 1 } },
    { name: 'job.run', kind: SpanKind.CLIENT, attributes: { 'job.id': 'two', 'job.extra': true } },
    { name: 'job.walk', events: [{ name: 'job.started', attributes: { 'job.id': 3 } }] },
  ]);
  const metrics = await makeMetrics((meter) => {
    meter.createHistogram('job.duration', { unit: 's' }).record(1.5, { 'job.queue': 'medium' });
    meter.createUpDownCounter('job.pending').add(2);
  });
  const logs = makeLogs([
    { eventName: 'job.started', attributes: { 'job.id': 4 } },
    { eventName: 'job.finished' },
    { attributes: { 'job.queue': 'fast' } },
  ]);
  return [encodeSpans(spans), encodeMetrics(metrics), encodeLogs(logs)];
}

/** What must not depend on the transport: the findings and every statistic. */
function comparable(document: LiveCheckDocument) {
  return {
    findings: document.findings,
    statistics: document.statistics,
    verdict: document.verdict,
  };
}

async function viaReceivers(
  requests: readonly EncodedRequest[],
  send: (live: Listening, request: EncodedRequest) => Promise<unknown>,
): Promise<LiveCheckDocument> {
  const live = await listen(jobs);
  for (const request of requests) await send(live, request);
  return stopAndCollect(live);
}

describe('the same samples through every transport give the same report', () => {
  it('gRPC, HTTP protobuf, HTTP JSON (gzip too) and stdin agree', async () => {
    const requests = await mixedRequests();
    const grpc = await viaReceivers(requests, (live, request) =>
      sendGrpc(live.ports.grpc, request),
    );
    const protobuf = await viaReceivers(requests, (live, request) =>
      sendHttp(live.ports.http ?? 0, request, 'protobuf'),
    );
    const json = await viaReceivers(requests, (live, request) =>
      sendHttp(live.ports.http ?? 0, request, 'json', { gzip: true }),
    );
    const stdin = await runLiveCheck({
      registry: jobs,
      input: { kind: 'stdin' },
      stdin: Readable.from([requests.map((request) => request.json).join('\n')]),
      inactivityTimeoutSeconds: 0,
      failOn: 'violation',
    });
    if (!stdin.ok) throw new Error(stdin.error.message);

    expect(grpc.received.requests).toBe(3);
    expect(grpc.findings.map(({ finding }) => finding.id).sort()).toEqual([
      'missing_attribute',
      'missing_event',
      'missing_metric',
      'missing_span',
      'type_mismatch',
      'undefined_enum_variant',
      'unexpected_span_kind',
      'unit_mismatch',
    ]);
    expect(comparable(protobuf)).toEqual(comparable(grpc));
    expect(comparable(json)).toEqual(comparable(grpc));
    expect(comparable(stdin.document)).toEqual(comparable(grpc));
  });
});
