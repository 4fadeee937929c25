import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import type { MetricData } from '@opentelemetry/sdk-metrics';
import type { ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ActionType, ActivityLog, type ActivityBatch } from '../src/index.ts';
import { registryMismatches, unusedRegistryEntries } from './support/conformance.ts';
import { batchOf, fixedClock, NOW_MS } from './support/events.ts';
import { metricDefinitions, refsOf, spanDefinitions } from './support/registry.ts';
import { InMemoryTelemetry, instrumentOf, pointsOf, testResource } from './support/telemetry.ts';

const at = new Date(NOW_MS - 1000);
const iso = at.toISOString();

describe('telemetry, through the real SDK and in-memory exporters', () => {
  const telemetry = new InMemoryTelemetry();
  let spans: ReadableSpan[] = [];
  let metrics: MetricData[] = [];

  beforeAll(async () => {
    const log = new ActivityLog({
      clock: fixedClock,
      capacity: 5,
      tracerProvider: telemetry.tracerProvider,
      meterProvider: telemetry.meterProvider,
    });
    log.logEvent({ userId: 42, actionType: ActionType.Login, timestamp: at, eventId: 'e1' }); // stored
    log.logEvent({ userId: 42, actionType: ActionType.Login, timestamp: at, eventId: 'e1' }); // duplicate
    log.logEvent({ userId: 0, actionType: ActionType.PageView, timestamp: at }); // INVALID_USER_ID
    log.logEvent({ userId: 2n ** 60n, actionType: ActionType.Logout, timestamp: at }); // stored, id too large for an attribute
    log.logBatch(
      batchOf([
        [7n, 2, NOW_MS - 10],
        [7n, 2, NOW_MS - 9],
        [7n, 3, NOW_MS + 10], // INVALID_TIMESTAMP
        [7n, 1, NOW_MS - 8],
        [8n, 0, NOW_MS - 7], // CAPACITY_EXCEEDED: the store holds 5
      ]),
    );
    log.logBatch({
      userIds: BigUint64Array.of(1n),
      actionCodes: Uint8Array.of(0, 1),
    } as unknown as ActivityBatch); // malformed
    const uploads = new ActivityLog({
      clock: fixedClock,
      tracerProvider: telemetry.tracerProvider,
      meterProvider: telemetry.meterProvider,
    });
    const upload = { ...batchOf([[9n, 2, NOW_MS - 5]]), producerId: 3, firstSequence: 0 };
    uploads.logBatch(upload); // stored
    uploads.logBatch(upload); // a retry: one duplicate
    uploads.logBatch({ ...upload, firstSequence: 4 }); // SEQUENCE_GAP
    spans = telemetry.spans();
    metrics = await telemetry.metrics();
  });
  afterAll(async () => {
    await telemetry.shutdown();
  });

  const spansNamed = (name: string) => spans.filter((span) => span.name === name);
  const metricNamed = (name: string) => metrics.find((metric) => metric.descriptor.name === name);

  it('emits only what the registry declares, with its kinds, units, instruments and types', () => {
    expect(registryMismatches(spans, metrics, testResource.attributes)).toEqual([]);
  });

  it('uses every span, metric and attribute the registry declares (with the resource)', () => {
    expect(unusedRegistryEntries(spans, metrics, testResource.attributes)).toEqual([]);
  });

  it('the conformance check catches a resource attribute the registry does not declare', () => {
    expect(registryMismatches([], [], { 'host.name': 'box', 'service.name': 7 })).toEqual([
      'resource attribute host.name is not in the registry',
      'resource attribute service.name is number, registry type string',
    ]);
  });

  it('the conformance check itself catches a span that is not in the registry', () => {
    const tracer = telemetry.tracerProvider.getTracer('probe');
    tracer
      .startSpan('activity.unknown', { kind: SpanKind.CLIENT, attributes: { 'user.id': 'x' } })
      .end();
    const stray = telemetry.spans().filter((span) => span.name === 'activity.unknown');
    expect(registryMismatches(stray, [])).toEqual(['span activity.unknown is not in the registry']);
  });

  it('one internal activity.log_event span per logEvent call, with the registry-named attributes', () => {
    const eventSpans = spansNamed('activity.log_event');
    expect(eventSpans.map((span) => span.kind)).toEqual(Array(4).fill(SpanKind.INTERNAL));
    expect(eventSpans.map((span) => span.attributes)).toEqual([
      {
        'user.id': 42,
        'action.type': 'login',
        'event.timestamp': iso,
        'activity.event.duplicate': false,
      },
      {
        'user.id': 42,
        'action.type': 'login',
        'event.timestamp': iso,
        'activity.event.duplicate': true,
      },
      { 'action.type': 'page_view', 'event.timestamp': iso, 'error.type': 'INVALID_USER_ID' },
      { 'action.type': 'logout', 'event.timestamp': iso, 'activity.event.duplicate': false },
    ]);
    expect(refsOf(spanDefinitions().get('activity.log_event'))).toEqual(
      [
        'activity.event.duplicate',
        'action.type',
        'error.type',
        'event.timestamp',
        'user.id',
      ].sort(),
    );
  });

  it('marks a refused event span as an error with the typed code and a message', () => {
    const refused = spansNamed('activity.log_event')[2];
    expect(refused?.status.code).toBe(SpanStatusCode.ERROR);
    expect(refused?.status.message).toContain('userId is 0');
    expect(spansNamed('activity.log_event')[0]?.status.code).toBe(SpanStatusCode.UNSET);
  });

  it('one internal activity.log_batch span per logBatch call, with size and refused count', () => {
    const batchSpans = spansNamed('activity.log_batch');
    expect(batchSpans.map((span) => [span.kind, span.attributes])).toEqual([
      [
        SpanKind.INTERNAL,
        { 'activity.batch.size': 5, 'activity.batch.refused': 2, 'activity.batch.duplicates': 0 },
      ],
      [
        SpanKind.INTERNAL,
        { 'activity.batch.size': 2, 'activity.batch.refused': 2, 'error.type': 'INVALID_EVENT' },
      ],
      [
        SpanKind.INTERNAL,
        { 'activity.batch.size': 1, 'activity.batch.refused': 0, 'activity.batch.duplicates': 0 },
      ],
      [
        SpanKind.INTERNAL,
        { 'activity.batch.size': 1, 'activity.batch.refused': 0, 'activity.batch.duplicates': 1 },
      ],
      [
        SpanKind.INTERNAL,
        { 'activity.batch.size': 1, 'activity.batch.refused': 1, 'error.type': 'SEQUENCE_GAP' },
      ],
    ]);
    expect(batchSpans.map((span) => span.status.code)).toEqual([
      SpanStatusCode.UNSET,
      SpanStatusCode.ERROR,
      SpanStatusCode.UNSET,
      SpanStatusCode.UNSET,
      SpanStatusCode.ERROR,
    ]);
  });

  it('counts stored events per action type in activity.events.total ({event}, counter)', () => {
    const metric = metricNamed('activity.events.total');
    expect([metric?.descriptor.unit, metric && instrumentOf(metric)]).toEqual([
      '{event}',
      'counter',
    ]);
    expect(
      new Map(pointsOf(metric).map(([attributes, value]) => [attributes['action.type'], value])),
    ).toEqual(
      new Map([
        ['login', 1],
        ['logout', 2],
        ['page_view', 3], // the retried upload's duplicate row is not counted again
      ]),
    );
  });

  it('counts refused events per error.type in activity.events.refused ({event}, counter)', () => {
    const metric = metricNamed('activity.events.refused');
    expect([metric?.descriptor.unit, metric && instrumentOf(metric)]).toEqual([
      '{event}',
      'counter',
    ]);
    expect(
      new Map(pointsOf(metric).map(([attributes, value]) => [attributes['error.type'], value])),
    ).toEqual(
      new Map([
        ['INVALID_USER_ID', 1],
        ['INVALID_TIMESTAMP', 1],
        ['CAPACITY_EXCEEDED', 1],
        ['INVALID_EVENT', 2],
        ['SEQUENCE_GAP', 1],
      ]),
    );
  });

  it('records every call in activity.log_duration (ms, histogram), per operation', () => {
    const metric = metricNamed('activity.log_duration');
    expect([metric?.descriptor.unit, metric && instrumentOf(metric)]).toEqual(['ms', 'histogram']);
    expect(
      new Map(
        pointsOf(metric).map(([attributes, count]) => [attributes['activity.operation'], count]),
      ),
    ).toEqual(
      new Map([
        ['log_event', 4],
        ['log_batch', 5],
      ]),
    );
  });

  it('declares exactly these metrics in the registry', () => {
    expect([...metricDefinitions().keys()].sort()).toEqual([
      'activity.events.refused',
      'activity.events.total',
      'activity.log_duration',
    ]);
  });
});

describe('telemetry defaults', () => {
  it('still counts when spans are sampled out, and builds no span attributes for them', async () => {
    const telemetry = new InMemoryTelemetry({ sampled: false });
    const log = new ActivityLog({
      clock: fixedClock,
      tracerProvider: telemetry.tracerProvider,
      meterProvider: telemetry.meterProvider,
    });
    log.logEvent({ userId: 1, actionType: ActionType.Login, timestamp: at });
    log.logEvent({ userId: 0, actionType: ActionType.Login, timestamp: at });
    const metrics = await telemetry.metrics();
    const points = (name: string) =>
      pointsOf(metrics.find((metric) => metric.descriptor.name === name));
    expect(telemetry.spans()).toEqual([]);
    expect(points('activity.events.total')).toEqual([[{ 'action.type': 'login' }, 1]]);
    expect(points('activity.events.refused')).toEqual([[{ 'error.type': 'INVALID_USER_ID' }, 1]]);
    await telemetry.shutdown();
  });

  it('works with no SDK registered: the global API providers are no-ops', () => {
    const log = new ActivityLog({ clock: fixedClock });
    expect(log.logEvent({ userId: 1, actionType: ActionType.Login, timestamp: at }).ok).toBe(true);
    expect(log.countEvents()).toBe(1);
  });
});
