import { SpanKind } from '@opentelemetry/api';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  decodeProtobufRequest,
  otlpDefinitions,
  type ExportRequest,
  type OtlpSignal,
} from '../../src/live-check/otlp/index.ts';
import {
  samplesFromProtobuf,
  samplesOf,
  type Sample,
  type SampleAttribute,
  type SamplesResult,
} from '../../src/live-check/sample/index.ts';
import { NameTable } from '../../src/live-check/sample/names.ts';
import { nestedArrays, randomRequest } from './support/random-requests.ts';
import {
  encodeLogs,
  encodeMetrics,
  encodeSpans,
  makeLogs,
  makeMetrics,
  makeSpans,
} from './support/telemetry.ts';

/** The reference: protobufjs decodes every field of the complete definitions, then samplesOf. */
function decodingEveryField(signal: OtlpSignal, body: Uint8Array): SamplesResult {
  try {
    const message = otlpDefinitions()[signal].request.decode(body);
    // protobufjs builds the message from the definitions: it has the shape ExportRequest lists.
    return { ok: true, samples: samplesOf({ signal, message } as unknown as ExportRequest) };
  } catch (error: unknown) {
    return { ok: false, error: { kind: 'malformed-protobuf', message: String(error) } };
  }
}

function spanNames(result: SamplesResult): string[] {
  return result.ok
    ? result.samples.flatMap((each) => (each.kind === 'span' ? [each.name] : []))
    : [];
}

interface WithAttributes {
  readonly kind: string;
  readonly attributes: readonly SampleAttribute[];
}

const signals: readonly OtlpSignal[] = ['traces', 'metrics', 'logs'];

describe('protobuf bodies are decoded by protobufjs, reading only what the checks read', () => {
  it('any well-formed request of any signal gives the samples of decoding every field', () => {
    fc.assert(
      fc.property(fc.constantFrom(...signals), fc.integer(), (signal, seed) => {
        const body = randomRequest(signal, seed);
        const reference = decodingEveryField(signal, body);
        expect(reference.ok).toBe(true);
        expect(samplesFromProtobuf(signal, Buffer.from(body))).toStrictEqual(reference);
      }),
      { numRuns: 600 },
    );
  });

  it('random requests hold every kind of entity, with attributes (the property compares them)', () => {
    const samples = signals
      .flatMap((signal) =>
        Array.from({ length: 100 }, (_, seed) =>
          samplesFromProtobuf(signal, Buffer.from(randomRequest(signal, seed))),
        ),
      )
      .flatMap((result): Sample[] => (result.ok ? result.samples : []));
    const entities = samples.flatMap((sample): readonly WithAttributes[] => {
      switch (sample.kind) {
        case 'span':
          return [sample, ...sample.events, ...sample.links];
        case 'metric':
          return sample.dataPoints;
        case 'resource':
        case 'log':
          return [sample];
      }
    });
    const withAttributes = new Set(
      entities.filter((entity) => entity.attributes.length > 0).map((entity) => entity.kind),
    );
    expect([...withAttributes].sort()).toEqual([
      'data_point',
      'log',
      'resource',
      'span',
      'span_event',
      'span_link',
    ]);
  });

  it('the SDK encoding of each signal gives the samples of decoding every field', async () => {
    const spans = encodeSpans(
      makeSpans([
        {
          name: 'activity.log_event',
          attributes: { 'user.id': 42, 'action.type': 'login', 'a.list': ['x'], 'a.big': 2 ** 60 },
          events: [{ name: 'retry', attributes: { 'retry.count': 3 } }],
        },
        { name: 'job.run', kind: SpanKind.SERVER },
      ]),
    );
    const metrics = encodeMetrics(
      await makeMetrics((meter) => {
        meter.createCounter('a.counter').add(1, { 'job.id': 1 });
        meter.createUpDownCounter('a.updown').add(-1);
        meter.createHistogram('a.histogram', { unit: 's' }).record(0.5);
        meter.createGauge('a.gauge').record(3);
      }),
    );
    const logs = encodeLogs(makeLogs([{ eventName: 'job.started', attributes: { 'job.id': 1 } }]));
    for (const request of [spans, metrics, logs]) {
      const reference = decodingEveryField(request.signal, request.protobuf);
      expect(reference.ok).toBe(true);
      expect(samplesFromProtobuf(request.signal, Buffer.from(request.protobuf))).toStrictEqual(
        reference,
      );
    }
  });

  it('ids, timestamps and status are left unread', () => {
    const request = encodeSpans(makeSpans([{ name: 'job.run', attributes: { 'job.id': 7 } }]));
    const decoded = decodeProtobufRequest('traces', request.protobuf);
    if (!decoded.ok || decoded.request.signal !== 'traces') throw new Error('not decoded');
    const span = decoded.request.message.resourceSpans[0]?.scopeSpans[0]?.spans[0];
    expect(Object.keys(span ?? {}).sort()).toEqual([
      'attributes',
      'events',
      'kind',
      'links',
      'name',
    ]);
  });

  it('a body cut anywhere is refused exactly when decoding every field refuses it', () => {
    const request = encodeSpans(
      makeSpans([
        { name: 'job.run', attributes: { 'job.id': 7, 'job.name': 'nightly' } },
        { name: 'job.step', events: [{ name: 'retry' }] },
      ]),
    );
    const body = Buffer.from(request.protobuf);
    for (let cut = 0; cut <= body.length; cut += 1) {
      const piece = body.subarray(0, cut);
      const reference = decodingEveryField('traces', piece);
      const decoded = samplesFromProtobuf('traces', piece);
      expect({ cut, ok: decoded.ok }).toEqual({ cut, ok: reference.ok });
      if (decoded.ok) expect(decoded).toStrictEqual(reference);
    }
  });

  it('values nested deeper than protobufjs allows are refused, with its reason', () => {
    const shallow = samplesFromProtobuf('traces', Buffer.from(nestedArrays(10)));
    expect(spanNames(shallow)).toEqual(['deep']);
    expect(samplesFromProtobuf('traces', Buffer.from(nestedArrays(60)))).toMatchObject({
      ok: false,
      error: {
        kind: 'malformed-protobuf',
        message: expect.stringMatching(
          /^not a valid protobuf opentelemetry\.proto\.collector\.trace\.v1\.ExportTraceServiceRequest: maximum nesting depth exceeded$/,
        ) as unknown,
      },
    });
  });
});

describe('names are shared, never changed', () => {
  it('a name table gives back the text it is given, whatever the sequence and its size', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 6 }), { maxLength: 200 }), (texts) => {
        const names = new NameTable(8);
        expect(texts.map((text) => names.name(text))).toEqual(texts);
      }),
    );
  });

  it('reading the same body twice gives equal samples', () => {
    const body = Buffer.from(
      encodeSpans(makeSpans([{ name: 'job.run', attributes: { 'job.id': 1 } }])).protobuf,
    );
    expect(samplesFromProtobuf('traces', Buffer.from(body))).toStrictEqual(
      samplesFromProtobuf('traces', body),
    );
  });

  it('more distinct names than the table keeps all read right', () => {
    const many = Array.from({ length: 5000 }, (_, index) => `span.${index}`);
    const names = [...many, ...many.slice(0, 10), 'Aa', 'BB', 'Aa'];
    const body = Buffer.from(encodeSpans(makeSpans(names.map((name) => ({ name })))).protobuf);
    expect(spanNames(samplesFromProtobuf('traces', body))).toEqual(names);
    expect(spanNames(samplesFromProtobuf('traces', body))).toEqual(names);
  });
});
