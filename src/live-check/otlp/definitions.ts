import { join } from 'node:path';
import protobuf from 'protobufjs';

/**
 * The OTLP protobuf definitions. OpenTelemetry JS 0.2xx no longer ships its `.proto` files (it
 * hand-writes its encoder), and the opentelemetry-proto project publishes nothing to npm, so the
 * official files are vendored in `proto/` (release and commit in its README). protobufjs compiles
 * them into decoders at start-up.
 */
const protoFolder = join(import.meta.dirname, 'proto');

const protoFiles = [
  'opentelemetry/proto/collector/trace/v1/trace_service.proto',
  'opentelemetry/proto/collector/metrics/v1/metrics_service.proto',
  'opentelemetry/proto/collector/logs/v1/logs_service.proto',
] as const;

/** The three OTLP signals a receiver accepts. */
export type OtlpSignal = 'traces' | 'metrics' | 'logs';

export const otlpSignals: readonly OtlpSignal[] = ['traces', 'metrics', 'logs'];

/** Names of one signal's export service in the definitions. */
interface SignalNames {
  readonly service: string;
  readonly request: string;
  readonly response: string;
}

const signalNames: Readonly<Record<OtlpSignal, SignalNames>> = {
  traces: collectorNames('trace', 'Trace'),
  metrics: collectorNames('metrics', 'Metrics'),
  logs: collectorNames('logs', 'Logs'),
};

function collectorNames(folder: string, prefix: string): SignalNames {
  const namespace = `opentelemetry.proto.collector.${folder}.v1`;
  return {
    service: `${namespace}.${prefix}Service`,
    request: `${namespace}.Export${prefix}ServiceRequest`,
    response: `${namespace}.Export${prefix}ServiceResponse`,
  };
}

/** One signal's compiled export types and its gRPC method path. */
export interface SignalDefinition {
  readonly signal: OtlpSignal;
  readonly request: protobuf.Type;
  /** The same request with only the fields the checks read (`fieldsRead`), for protobuf bodies. */
  readonly checkedRequest: protobuf.Type;
  readonly response: protobuf.Type;
  /** `/<package>.<Service>/Export`, as gRPC routes it. */
  readonly grpcPath: string;
}

/**
 * The fields the checks read, for the messages that come by the thousand; the others (ids,
 * timestamps, status, measurements, log bodies) are left unread. protobufjs's generated decoders
 * skip a field their definition lacks, by its wire type and with the bounds checks of reading it,
 * so a body decodes to the same samples without a Buffer per id and a Long per timestamp. JSON
 * bodies are read with the complete definitions. The names are those of the definitions: a name
 * they lack fails at start-up.
 */
const fieldsRead: Readonly<Record<string, readonly string[]>> = {
  'opentelemetry.proto.trace.v1.Span': ['name', 'kind', 'attributes', 'events', 'links'],
  'opentelemetry.proto.trace.v1.Span.Event': ['name', 'attributes'],
  'opentelemetry.proto.trace.v1.Span.Link': ['attributes'],
  'opentelemetry.proto.metrics.v1.NumberDataPoint': ['attributes'],
  'opentelemetry.proto.metrics.v1.HistogramDataPoint': ['attributes'],
  'opentelemetry.proto.metrics.v1.ExponentialHistogramDataPoint': ['attributes'],
  'opentelemetry.proto.metrics.v1.SummaryDataPoint': ['attributes'],
  'opentelemetry.proto.logs.v1.LogRecord': ['eventName', 'attributes'],
};

function keepOnly(type: protobuf.Type, kept: readonly string[]): void {
  for (const name of kept) {
    if (type.fields[name] === undefined) throw new Error(`${type.fullName} has no field ${name}`);
  }
  for (const field of Object.values(type.fields)) {
    if (kept.includes(field.name)) continue;
    field.partOf?.remove(field);
    type.remove(field);
  }
  for (const oneof of type.oneofsArray) {
    if (oneof.oneof.length === 0) type.remove(oneof);
  }
}

function protoRoot(view: 'complete' | 'checked'): protobuf.Root {
  const root = new protobuf.Root();
  // The files import each other by paths relative to the folder that holds `opentelemetry/`.
  root.resolvePath = (_origin, target) => join(protoFolder, target);
  root.loadSync([...protoFiles]);
  if (view === 'checked') {
    for (const [name, kept] of Object.entries(fieldsRead)) keepOnly(root.lookupType(name), kept);
  }
  root.resolveAll();
  return root;
}

interface Roots {
  readonly complete: protobuf.Root;
  readonly checked: protobuf.Root;
}

function signalDefinition(roots: Roots, signal: OtlpSignal): SignalDefinition {
  const root = roots.complete;
  const names = signalNames[signal];
  const service = root.lookupService(names.service);
  const exportMethod = service.methods.Export;
  if (exportMethod === undefined) throw new Error(`${names.service} has no Export method`);
  return {
    signal,
    request: root.lookupType(names.request),
    checkedRequest: roots.checked.lookupType(names.request),
    response: root.lookupType(names.response),
    grpcPath: `/${names.service}/${exportMethod.name}`,
  };
}

let cached: Readonly<Record<OtlpSignal, SignalDefinition>> | undefined;

/** The compiled definitions of the three signals, loaded once per process. */
export function otlpDefinitions(): Readonly<Record<OtlpSignal, SignalDefinition>> {
  if (cached !== undefined) return cached;
  const roots: Roots = { complete: protoRoot('complete'), checked: protoRoot('checked') };
  cached = {
    traces: signalDefinition(roots, 'traces'),
    metrics: signalDefinition(roots, 'metrics'),
    logs: signalDefinition(roots, 'logs'),
  };
  return cached;
}
