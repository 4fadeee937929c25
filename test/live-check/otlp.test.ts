import { randomBytes } from 'node:crypto';
import { SpanKind } from '@opentelemetry/api';
import { describe, expect, it } from 'vitest';
import {
  decodeJsonRequest,
  decodeProtobufRequest,
  requestFromJsonValue,
  signalOfJsonDocument,
} from '../../src/live-check/otlp/index.ts';
import { samplesOf } from '../../src/live-check/sample/index.ts';
import {
  encodeLogs,
  encodeMetrics,
  encodeSpans,
  makeLogs,
  makeMetrics,
  makeSpans,
} from './support/telemetry.ts';

describe('decoding OTLP export requests with the official protobuf definitions', () => {
  const request = encodeSpans(
    makeSpans([{ name: 'job.run', kind: SpanKind.SERVER, attributes: { 'job.id': 7 } }]),
  );

  it('decodes the SDK protobuf encoding of a span', () => {
    const decoded = decodeProtobufRequest('traces', request.protobuf);
    expect(decoded.ok).toBe(true);
    if (!decoded.ok) return;
    expect(samplesOf(decoded.request)).toEqual([
      {
        kind: 'resource',
        attributes: expect.arrayContaining([
          { name: 'service.name', type: 'string', value: 'live-check-test' },
        ]) as unknown,
      },
      {
        kind: 'span',
        name: 'job.run',
        spanKind: 'server',
        attributes: [{ name: 'job.id', type: 'int', value: 7 }],
        events: [],
        links: [],
      },
    ]);
  });

  it('reads the SDK JSON encoding of the same span into the same samples', () => {
    const fromJson = decodeJsonRequest('traces', request.json);
    const fromProtobuf = decodeProtobufRequest('traces', request.protobuf);
    expect(fromJson.ok && fromProtobuf.ok).toBe(true);
    if (!fromJson.ok || !fromProtobuf.ok) return;
    expect(samplesOf(fromJson.request)).toEqual(samplesOf(fromProtobuf.request));
  });

  it('decodes a log record event name (a field newer than the shipped definitions)', () => {
    const logs = encodeLogs(makeLogs([{ eventName: 'job.started', attributes: { 'job.id': 1 } }]));
    const decoded = decodeProtobufRequest('logs', logs.protobuf);
    expect(decoded.ok).toBe(true);
    if (!decoded.ok) return;
    expect(samplesOf(decoded.request)[1]).toEqual({
      kind: 'log',
      eventName: 'job.started',
      attributes: [{ name: 'job.id', type: 'int', value: 1 }],
    });
    expect(signalOfJsonDocument(JSON.parse(logs.json))).toBe('logs');
  });

  it('rejects random bytes with a typed error naming the expected message', () => {
    // Bytes chosen to be invalid protobuf: field 0 with an unknown wire type 7.
    const garbage = Buffer.concat([Buffer.from([0x07]), randomBytes(64)]);
    const decoded = decodeProtobufRequest('traces', garbage);
    expect(decoded).toMatchObject({
      ok: false,
      error: {
        kind: 'malformed-protobuf',
        message: expect.stringContaining(
          'not a valid protobuf opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest',
        ) as unknown,
      },
    });
  });

  it('rejects a truncated request', () => {
    const truncated = request.protobuf.subarray(0, Math.floor(request.protobuf.length / 2));
    const decoded = decodeProtobufRequest('traces', truncated);
    expect(decoded).toMatchObject({ ok: false, error: { kind: 'malformed-protobuf' } });
    expect(decoded.ok ? '' : decoded.error.message).toMatch(/index out of range|invalid/);
  });

  it('rejects JSON that is not JSON, not an object, or has the wrong shape', () => {
    expect(decodeJsonRequest('traces', '{"resourceSpans": [')).toMatchObject({
      ok: false,
      error: { kind: 'malformed-json' },
    });
    expect(requestFromJsonValue('traces', [1, 2])).toMatchObject({
      ok: false,
      error: {
        message: expect.stringContaining('expected a JSON object, got an array') as unknown,
      },
    });
    expect(requestFromJsonValue('traces', { resourceSpans: 'nope' })).toMatchObject({
      ok: false,
      error: { kind: 'malformed-json' },
    });
  });
});

describe('samples keep the types the attributes were sent with', () => {
  it('scalars and homogeneous arrays get their type; mixed or empty arrays and maps get none', () => {
    const logs = makeLogs([
      {
        attributes: {
          s: 'x',
          i: 3,
          d: 2.5,
          b: true,
          ss: ['a', 'b'],
          is: [1, 2],
          ds: [1.5, 2.5],
          bs: [true],
          mixed: ['a', 1],
          empty: [],
          map: { k: 'v' },
        },
      },
    ]);
    const decoded = decodeProtobufRequest('logs', encodeLogs(logs).protobuf);
    if (!decoded.ok) throw new Error(decoded.error.message);
    const [, record] = samplesOf(decoded.request);
    const types = Object.fromEntries(
      (record?.kind === 'log' ? record.attributes : []).map((each) => [each.name, each.type]),
    );
    expect(types).toEqual({
      s: 'string',
      i: 'int',
      d: 'double',
      b: 'boolean',
      ss: 'string[]',
      is: 'int[]',
      ds: 'double[]',
      bs: 'boolean[]',
      mixed: undefined,
      empty: undefined,
      map: undefined,
    });
  });

  it('a monotonic sum is a counter, a non-monotonic one an updowncounter; histograms and gauges too', async () => {
    const metrics = await makeMetrics((meter) => {
      meter.createCounter('a.counter').add(1);
      meter.createUpDownCounter('a.updown').add(-1);
      meter.createHistogram('a.histogram', { unit: 's' }).record(0.5);
      meter.createGauge('a.gauge').record(3);
    });
    const decoded = decodeProtobufRequest('metrics', encodeMetrics(metrics).protobuf);
    if (!decoded.ok) throw new Error(decoded.error.message);
    const instruments = samplesOf(decoded.request).flatMap((sample) =>
      sample.kind === 'metric' ? [[sample.name, sample.instrument, sample.unit]] : [],
    );
    expect(instruments).toEqual([
      ['a.counter', 'counter', ''],
      ['a.updown', 'updowncounter', ''],
      ['a.histogram', 'histogram', 's'],
      ['a.gauge', 'gauge', ''],
    ]);
  });

  it('span events and every span kind are kept', () => {
    const spans = makeSpans([
      { name: 'a', kind: SpanKind.CLIENT, events: [{ name: 'retry', attributes: { 'n.x': 1 } }] },
      { name: 'b', kind: SpanKind.CONSUMER },
      { name: 'c', kind: SpanKind.PRODUCER },
    ]);
    const decoded = decodeProtobufRequest('traces', encodeSpans(spans).protobuf);
    if (!decoded.ok) throw new Error(decoded.error.message);
    const found = samplesOf(decoded.request).flatMap((sample) =>
      sample.kind === 'span'
        ? [[sample.name, sample.spanKind, sample.events.map((e) => e.name)]]
        : [],
    );
    expect(found).toEqual([
      ['a', 'client', ['retry']],
      ['b', 'consumer', []],
      ['c', 'producer', []],
    ]);
  });
});
