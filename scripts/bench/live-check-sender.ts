/**
 * The sending side of `npm run bench:live-check`, in its own process: a real OpenTelemetry
 * OTLP/gRPC trace exporter sends `total` spans, in batches of 512 (the SDK's default batch size),
 * to the receiver at `port`, keeping a few exports in flight. Prints one JSON line:
 * `{"spans": n, "warmup": n, "ms": elapsed, "cpuMs": its own CPU time, "failed": n}`. Usage: live-check-sender.ts <port> <total>
 */
import { SpanKind } from '@opentelemetry/api';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-grpc';
import { resourceFromAttributes } from '@opentelemetry/resources';
import {
  BasicTracerProvider,
  InMemorySpanExporter,
  SimpleSpanProcessor,
  type ReadableSpan,
} from '@opentelemetry/sdk-trace-base';

const batchSize = 512;
const inFlight = 8;

/** One batch of spans shaped like the activity log's `activity.log_event`. */
function makeBatch(): ReadableSpan[] {
  const memory = new InMemorySpanExporter();
  const provider = new BasicTracerProvider({
    resource: resourceFromAttributes({ 'service.name': 'live-check-bench' }),
    spanProcessors: [new SimpleSpanProcessor(memory)],
  });
  const tracer = provider.getTracer('live-check-bench');
  const actions = ['login', 'page_view', 'action_taken', 'logout'];
  for (let index = 0; index < batchSize; index += 1) {
    tracer
      .startSpan('activity.log_event', {
        kind: SpanKind.INTERNAL,
        attributes: {
          'user.id': 1 + (index % 1000),
          'action.type': actions[index % actions.length] ?? 'login',
          'event.timestamp': new Date(1_700_000_000_000 + index).toISOString(),
          'activity.event.duplicate': false,
        },
      })
      .end();
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

async function main(port: number, total: number): Promise<void> {
  const exporter = new OTLPTraceExporter({ url: `http://127.0.0.1:${port}` });
  const batch = makeBatch();
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

await main(Number(process.argv[2]), Number(process.argv[3] ?? '200000'));
