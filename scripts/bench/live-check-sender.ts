/**
 * The sending side of `npm run bench:live-check`, in its own process: the real OpenTelemetry
 * OTLP/gRPC trace exporter (@opentelemetry/exporter-trace-otlp-grpc, default settings: no
 * compression) exports finished spans to the receiver at `port` until `total` spans are sent. The
 * spans are made once by the SDK, as the activity log makes them, and the same batch is exported
 * again and again (each export serializes it anew), `batchSize` spans per export, with a few
 * exports in flight, as a BatchSpanProcessor with a raised batch size would. Prints one JSON line:
 * `{"spans": n, "warmup": n, "ms": elapsed, "cpuMs": its own CPU time, "failed": n}`.
 * Usage: live-check-sender.ts <port> <total> <batchSize> <inFlight>
 */
import { SpanKind, SpanStatusCode, type Attributes, type Tracer } from '@opentelemetry/api';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-grpc';
import { resourceFromAttributes } from '@opentelemetry/resources';
import {
  BasicTracerProvider,
  InMemorySpanExporter,
  SimpleSpanProcessor,
  type ReadableSpan,
} from '@opentelemetry/sdk-trace-base';

const actions = ['login', 'page_view', 'action_taken', 'logout'];

function timestamp(index: number): string {
  return new Date(1_700_000_000_000 + index * 1000).toISOString();
}

/** An `activity.log_event` span exactly as the activity log records one (telemetry/record.ts). */
function logEvent(tracer: Tracer, index: number): void {
  const span = tracer.startSpan('activity.log_event', { kind: SpanKind.INTERNAL });
  const event: Attributes = {
    'user.id': 1 + (index % 10_000),
    'action.type': actions[index % actions.length],
    'event.timestamp': timestamp(index),
  };
  if (index % 20 === 7) {
    // Refused: an unknown action type is left out, the refusal code is set.
    delete event['action.type'];
    span.setAttributes(event);
    span.setAttribute('error.type', 'INVALID_ACTION_TYPE');
    span.setStatus({ code: SpanStatusCode.ERROR, message: 'actionType is not a known action' });
  } else if (index % 20 === 13) {
    // Refused: an invalid user id is left out.
    delete event['user.id'];
    span.setAttributes(event);
    span.setAttribute('error.type', 'INVALID_USER_ID');
    span.setStatus({ code: SpanStatusCode.ERROR, message: 'userId is not an integer' });
  } else {
    span.setAttributes(event);
    span.setAttribute('activity.event.duplicate', index % 50 === 11);
  }
  span.end();
}

/** An `activity.log_batch` span: a batch of 100 rows, a few of them refused. */
function logBatch(tracer: Tracer, index: number): void {
  const span = tracer.startSpan('activity.log_batch', { kind: SpanKind.INTERNAL });
  span.setAttribute('activity.batch.size', 100);
  span.setAttribute('activity.batch.refused', index % 3);
  span.end();
}

/**
 * One batch of the activity log's spans: per 64 spans, one `activity.log_batch` and 63
 * `activity.log_event` (of which one in ten refused, one in fifty a duplicate).
 */
function makeBatch(batchSize: number): ReadableSpan[] {
  const memory = new InMemorySpanExporter();
  const provider = new BasicTracerProvider({
    resource: resourceFromAttributes({ 'service.name': 'live-check-bench' }),
    spanProcessors: [new SimpleSpanProcessor(memory)],
  });
  const tracer = provider.getTracer('live-check-bench');
  for (let index = 0; index < batchSize; index += 1) {
    if (index % 64 === 63) logBatch(tracer, index);
    else logEvent(tracer, index);
  }
  return memory.getFinishedSpans();
}

function exportOnce(exporter: OTLPTraceExporter, batch: ReadableSpan[]): Promise<boolean> {
  return new Promise((resolve) => {
    exporter.export(batch, (result) => {
      // A failed OTLP export always carries its error; a successful one has none.
      resolve(result.error === undefined);
    });
  });
}

async function main(port: number, total: number, batchSize: number, inFlight: number) {
  const exporter = new OTLPTraceExporter({ url: `http://127.0.0.1:${port}` });
  const batch = makeBatch(batchSize);
  const batches = Math.ceil(total / batchSize);
  // One export first, so connecting is not part of the measure.
  await exportOnce(exporter, batch);
  let next = 0;
  let failed = 0;
  const cpuBefore = process.cpuUsage();
  const start = performance.now();
  const worker = async (): Promise<void> => {
    while (next < batches) {
      next += 1;
      if (!(await exportOnce(exporter, batch))) failed += 1;
    }
  };
  await Promise.all(Array.from({ length: inFlight }, worker));
  const ms = performance.now() - start;
  const cpu = process.cpuUsage(cpuBefore);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  await exporter.shutdown();
  const report = { spans: batches * batchSize, warmup: batchSize, ms, cpuMs, failed };
  process.stdout.write(`${JSON.stringify(report)}\n`);
}

const [port, total, batchSize, inFlight] = process.argv.slice(2).map(Number);
await main(port ?? 0, total ?? 200_000, batchSize ?? 2048, inFlight ?? 8);
