/**
 * `npm run bench:live-check`: how many spans per second the live check receives over loopback
 * gRPC, decodes, checks against the activity-log registry and counts. A real OTLP/gRPC exporter
 * in another process sends the spans; the figure is spans validated / wall time from the first
 * export to the last acknowledgement (the receiver checks a request before acknowledging it).
 * Prints each run and the median. Options: --runs <n> (5), --spans <n> per run (200000),
 * --registry <dir> (registry).
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { execa } from 'execa';
import {
  runLiveCheck,
  type BoundPorts,
  type LiveCheckDocument,
} from '../../src/live-check/index.ts';
import { loadResolvedRegistry, type ResolvedRegistry } from '../../src/registry/index.ts';

const sender = resolve(import.meta.dirname, 'live-check-sender.ts');

interface SenderReport {
  readonly spans: number;
  readonly warmup: number;
  readonly ms: number;
  readonly cpuMs: number;
  readonly failed: number;
}

async function loadRegistry(dir: string): Promise<ResolvedRegistry> {
  const loaded = await loadResolvedRegistry(dir);
  if (loaded.kind !== 'resolved')
    throw new Error(`the registry ${dir} does not load (${loaded.kind})`);
  return loaded.registry;
}

interface RunFigure {
  /** Spans validated per second of wall time: the headline figure. */
  readonly rate: number;
  /** Spans per second of the receiver's own CPU time: what one free core would sustain. */
  readonly receiverRate: number;
  readonly senderRate: number;
  readonly findings: Readonly<Record<string, number>>;
}

async function oneRun(registry: ResolvedRegistry, spans: number): Promise<RunFigure> {
  const controller = new AbortController();
  let ports: BoundPorts | undefined;
  const running = runLiveCheck({
    registry,
    input: { kind: 'otlp', address: '127.0.0.1', grpcPort: 0, httpPort: undefined, adminPort: 0 },
    inactivityTimeoutSeconds: 0,
    failOn: 'violation',
    stopSignal: controller.signal,
    onReady: (bound) => {
      ports = bound;
    },
  });
  while (ports === undefined) await new Promise((done) => setTimeout(done, 10));
  const cpuBefore = process.cpuUsage();
  const child = await execa('node', ['--import', 'tsx', sender, String(ports.grpc), String(spans)]);
  const cpu = process.cpuUsage(cpuBefore);
  const sent = JSON.parse(child.stdout) as SenderReport;
  controller.abort();
  const result = await running;
  if (!result.ok) throw new Error(result.error.message);
  verify(result.document, sent);
  const receiverCpuMs = (cpu.user + cpu.system) / 1000;
  return {
    rate: sent.spans / (sent.ms / 1000),
    receiverRate: (sent.spans + sent.warmup) / (receiverCpuMs / 1000),
    senderRate: sent.spans / (sent.cpuMs / 1000),
    findings: result.document.statistics.findings_by_id,
  };
}

/** The figure counts only if every span sent was received and checked, and no export failed. */
function verify(document: LiveCheckDocument, sent: SenderReport): void {
  const validated = document.statistics.total_entities_by_type.span ?? 0;
  if (sent.failed > 0 || validated !== sent.spans + sent.warmup) {
    throw new Error(
      `sent ${sent.spans + sent.warmup} spans (${sent.failed} exports failed) but ${validated} were validated`,
    );
  }
}

function thousands(value: number): string {
  return Math.round(value).toLocaleString('en-US');
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '5' },
    spans: { type: 'string', default: '200000' },
    registry: { type: 'string', default: 'registry' },
  },
});
const registry = await loadRegistry(values.registry);
const runs = Number(values.runs);
const spans = Number(values.spans);
const rates: number[] = [];
const receiverRates: number[] = [];
const senderRates: number[] = [];
let findings: Readonly<Record<string, number>> = {};
for (let run = 1; run <= runs; run += 1) {
  const figure = await oneRun(registry, spans);
  rates.push(figure.rate);
  receiverRates.push(figure.receiverRate);
  senderRates.push(figure.senderRate);
  findings = figure.findings;
  process.stdout.write(
    `run ${run}: ${thousands(figure.rate)} spans/s (receiver ${thousands(figure.receiverRate)} spans per CPU-second, sender ${thousands(figure.senderRate)})\n`,
  );
}
// Findings are part of the work measured (the SDK's resource attributes are not in the registry).
process.stdout.write(`findings in the last run: ${JSON.stringify(findings)}\n`);
process.stdout.write(
  `live-check over loopback gRPC (${thousands(spans)} spans per run, ${runs} runs): median ${thousands(median(rates))} spans validated/s; receiver alone: median ${thousands(median(receiverRates))} spans per CPU-second\n`,
);
