import type {
  ExportRequest,
  KeyValueMessage,
  LogsRequestMessage,
  MetricMessage,
  MetricsRequestMessage,
  ResourceMessage,
  SpanMessage,
  TracesRequestMessage,
} from '../otlp/index.ts';
import type {
  MetricSample,
  ResourceSample,
  Sample,
  SampleAttribute,
  SampleInstrument,
  SpanKindName,
  SpanSample,
} from './model.ts';
import { NameTable } from './names.ts';
import { sampleAttributes } from './values.ts';

/** Names seen in requests (span, event and metric names, attribute keys): safe to share. */
const names = new NameTable();

function attributesOf(attributes: readonly KeyValueMessage[]): SampleAttribute[] {
  return sampleAttributes(attributes, names);
}

const spanKinds: readonly SpanKindName[] = [
  'unspecified',
  'internal',
  'server',
  'client',
  'producer',
  'consumer',
];

function resourceSample(resource: ResourceMessage | null): ResourceSample {
  return { kind: 'resource', attributes: attributesOf(resource?.attributes ?? []) };
}

/** Most spans have no events or links: they share one empty list instead of allocating two. */
const none: readonly never[] = Object.freeze([]);

function spanSample(span: SpanMessage): SpanSample {
  return {
    kind: 'span',
    name: names.name(span.name),
    spanKind: spanKinds[span.kind] ?? 'unspecified',
    attributes: attributesOf(span.attributes),
    events:
      span.events.length === 0
        ? none
        : span.events.map((event) => ({
            kind: 'span_event',
            name: names.name(event.name),
            attributes: attributesOf(event.attributes),
          })),
    links:
      span.links.length === 0
        ? none
        : span.links.map((link) => ({
            kind: 'span_link',
            attributes: attributesOf(link.attributes),
          })),
  };
}

function instrumentOf(metric: MetricMessage): SampleInstrument {
  switch (metric.data) {
    case 'gauge':
      return 'gauge';
    case 'sum':
      return metric.sum?.isMonotonic === true ? 'counter' : 'updowncounter';
    case 'histogram':
    case 'exponentialHistogram':
      return 'histogram';
    case 'summary':
      return { unsupported: 'summary' };
    case undefined:
      return { unsupported: 'no data' };
  }
}

function dataPointsOf(metric: MetricMessage) {
  const data = metric.data === undefined ? null : metric[metric.data];
  return data?.dataPoints ?? [];
}

function metricSample(metric: MetricMessage): MetricSample {
  return {
    kind: 'metric',
    name: names.name(metric.name),
    unit: metric.unit,
    instrument: instrumentOf(metric),
    dataPoints: dataPointsOf(metric).map((point) => ({
      kind: 'data_point',
      attributes: attributesOf(point.attributes),
    })),
  };
}

function traceSamples(message: TracesRequestMessage, into: Sample[]): void {
  for (const resourceSpans of message.resourceSpans) {
    into.push(resourceSample(resourceSpans.resource));
    for (const scopeSpans of resourceSpans.scopeSpans) {
      for (const span of scopeSpans.spans) into.push(spanSample(span));
    }
  }
}

function metricSamples(message: MetricsRequestMessage, into: Sample[]): void {
  for (const resourceMetrics of message.resourceMetrics) {
    into.push(resourceSample(resourceMetrics.resource));
    for (const scopeMetrics of resourceMetrics.scopeMetrics) {
      for (const metric of scopeMetrics.metrics) into.push(metricSample(metric));
    }
  }
}

function logSamples(message: LogsRequestMessage, into: Sample[]): void {
  for (const resourceLogs of message.resourceLogs) {
    into.push(resourceSample(resourceLogs.resource));
    for (const scopeLogs of resourceLogs.scopeLogs) {
      for (const record of scopeLogs.logRecords) {
        into.push({
          kind: 'log',
          eventName: names.name(record.eventName),
          attributes: attributesOf(record.attributes),
        });
      }
    }
  }
}

/** The samples of one decoded export request, in the order they were sent. */
export function samplesOf(request: ExportRequest): Sample[] {
  const samples: Sample[] = [];
  switch (request.signal) {
    case 'traces':
      traceSamples(request.message, samples);
      break;
    case 'metrics':
      metricSamples(request.message, samples);
      break;
    case 'logs':
      logSamples(request.message, samples);
      break;
  }
  return samples;
}
