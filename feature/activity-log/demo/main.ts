/**
 * The activity-log demo workload: sets up the OpenTelemetry SDK with OTLP gRPC exporters,
 * simulates user sessions through both APIs (with refused inputs), flushes every span and
 * metric, and exits 0 — or 2 with a message saying what failed when telemetry could not be
 * exported (1 if the workload itself fails). Run: `npm run demo:activity-log`, or
 * `node --import tsx feature/activity-log/demo/main.ts`, with `OTEL_EXPORTER_OTLP_ENDPOINT`
 * pointing at an OTLP gRPC receiver (default `http://localhost:4317`).
 */
import { ActivityLog } from '../src/index.ts';
import { runWorkload, type WorkloadSummary } from './sessions.ts';
import { startTelemetry } from './telemetry.ts';

const WORKLOAD_FAILED = 1;
const EXPORT_FAILED = 2;

const telemetry = startTelemetry();
let summary: WorkloadSummary | undefined;
try {
  summary = runWorkload(new ActivityLog({ capacity: 50_000 }), Date.now());
} catch (error: unknown) {
  console.error('activity-log demo: the workload failed:', error);
  process.exitCode = WORKLOAD_FAILED;
}

// Shutting down ends the span batches and exports a last round of metrics.
const flushProblem = await telemetry.shutdown().then(
  () => [],
  (error: unknown) => [
    `flushing failed: ${error instanceof Error ? error.message : String(error)}`,
  ],
);
const problems = [...new Set([...telemetry.tally.problems(), ...flushProblem])];
if (problems.length > 0) {
  console.error(`activity-log demo: telemetry to ${telemetry.endpoint} was not delivered:`);
  for (const problem of problems) console.error(`  - ${problem}`);
  process.exitCode = EXPORT_FAILED;
} else if (summary !== undefined) {
  const { traces, metrics } = telemetry.tally;
  console.log(
    `activity-log demo: ${summary.stored} events stored, ${summary.duplicates} duplicates ` +
      `acknowledged, ${summary.refused} refused; telemetry exported to ${telemetry.endpoint} ` +
      `(${traces.succeeded} trace and ${metrics.succeeded} metric exports)`,
  );
}
