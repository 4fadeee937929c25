import { SpanKind } from '@opentelemetry/api';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeProtobufRequest } from '../../src/live-check/otlp/index.ts';
import {
  samplesFromJson,
  samplesFromProtobuf,
  samplesOf,
  type SamplesResult,
} from '../../src/live-check/sample/index.ts';
import { encodeSpans, makeSpans } from './support/telemetry.ts';
import { corrupted, nestedArrays, randomTraceRequest } from './support/wire-fuzz.ts';

/** The reference: protobufjs decodes the message, then the message is turned into samples. */
function viaProtobufjs(body: Buffer): SamplesResult {
  const decoded = decodeProtobufRequest('traces', body);
  return decoded.ok ? { ok: true, samples: samplesOf(decoded.request) } : decoded;
}

describe('protobuf trace requests read straight into samples', () => {
  it('gives the samples of the SDK encoding, the same as protobufjs and as the JSON encoding', () => {
    const spans = makeSpans([
      {
        name: 'activity.log_event',
        attributes: {
          'user.id': 42,
          'action.type': 'login',
          'a.double': 2.5,
          'a.flag': true,
          'a.list': ['x', 'y'],
          'a.ints': [1, 2],
          'a.mixed': ['x', 1] as unknown as string[],
          'a.big': 2 ** 60,
        },
        events: [{ name: 'retry', attributes: { 'retry.count': 3 } }],
      },
      { name: 'job.run', kind: SpanKind.SERVER },
      { name: 'activity.log_event', kind: SpanKind.CLIENT, attributes: { 'user.id': 7 } },
    ]);
    const request = encodeSpans(spans);
    const direct = samplesFromProtobuf('traces', Buffer.from(request.protobuf));
    expect(direct.ok).toBe(true);
    expect(direct).toStrictEqual(viaProtobufjs(Buffer.from(request.protobuf)));
    expect(direct).toEqual(samplesFromJson('traces', request.json));
    const [, first] = direct.ok ? direct.samples : [];
    expect(first).toMatchObject({
      kind: 'span',
      name: 'activity.log_event',
      spanKind: 'internal',
      events: [{ kind: 'span_event', name: 'retry' }],
    });
  });

  it('reading the same body twice gives equal samples (the name table only saves decoding)', () => {
    const body = Buffer.from(
      encodeSpans(makeSpans([{ name: 'job.run', attributes: { 'job.id': 1 } }])).protobuf,
    );
    const first = samplesFromProtobuf('traces', body);
    const again = samplesFromProtobuf('traces', Buffer.from(body));
    expect(again).toStrictEqual(first);
  });

  it('a name whose bytes changed is decoded again, not taken from the table', () => {
    const body = Buffer.from(encodeSpans(makeSpans([{ name: 'job.aaa' }])).protobuf);
    const before = samplesFromProtobuf('traces', body);
    const renamed = Buffer.from(body.toString('latin1').replace('job.aaa', 'job.aab'), 'latin1');
    const after = samplesFromProtobuf('traces', renamed);
    const spanNames = (result: SamplesResult) =>
      result.ok ? result.samples.flatMap((each) => (each.kind === 'span' ? [each.name] : [])) : [];
    expect(spanNames(before)).toEqual(['job.aaa']);
    expect(spanNames(after)).toEqual(['job.aab']);
  });

  it('names with the same hash, and more distinct names than the table keeps, all read right', () => {
    // 'Aa' and 'BB' hash alike (31 × 65 + 97 = 31 × 66 + 66).
    const colliding = ['Aa', 'BB', 'Aa', 'BB', 'AaBB', 'BBAa'];
    const many = Array.from({ length: 5000 }, (_, index) => `span.${index}`);
    const names = [...colliding, ...many, ...colliding, ...many.slice(0, 10)];
    const body = Buffer.from(encodeSpans(makeSpans(names.map((name) => ({ name })))).protobuf);
    const spanNames = (result: SamplesResult) =>
      result.ok ? result.samples.flatMap((each) => (each.kind === 'span' ? [each.name] : [])) : [];
    expect(spanNames(samplesFromProtobuf('traces', body))).toEqual(names);
    expect(spanNames(samplesFromProtobuf('traces', body))).toEqual(names);
  });

  it('any body, well formed or not, gives what protobufjs and samplesOf give, or the same error', () => {
    fc.assert(
      fc.property(
        fc.integer(),
        fc.array(fc.record({ at: fc.nat(), byte: fc.integer({ min: 0, max: 255 }) }), {
          maxLength: 3,
        }),
        fc.option(fc.nat(), { nil: undefined }),
        (seed, changes, cutAt) => {
          const body = corrupted(randomTraceRequest(seed), changes, cutAt);
          expect(samplesFromProtobuf('traces', body)).toStrictEqual(viaProtobufjs(body));
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('well-formed random bodies mostly decode (the property above is not only about errors)', () => {
    const decoded = Array.from({ length: 200 }, (_, seed) =>
      samplesFromProtobuf('traces', randomTraceRequest(seed)),
    );
    const spans = decoded.flatMap((result) =>
      result.ok ? result.samples.filter((sample) => sample.kind === 'span') : [],
    );
    expect(decoded.filter((result) => result.ok).length).toBeGreaterThan(50);
    expect(spans.length).toBeGreaterThan(50);
  });

  it('messages nested up to the recursion limit are read, one level more fails as protobufjs fails', () => {
    const results = [44, 45, 46, 47, 48].map((levels) => {
      const body = nestedArrays(levels);
      const direct = samplesFromProtobuf('traces', body);
      expect(direct).toStrictEqual(viaProtobufjs(body));
      return direct.ok ? 'read' : direct.error.message;
    });
    expect(results).toContain('read');
    expect(results).toContainEqual(expect.stringMatching(/maximum nesting depth exceeded$/));
  });
});
