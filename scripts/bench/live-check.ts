/**
 * `npm run bench:live-check`: how many spans per second the live check receives over loopback
 * gRPC, decodes, checks against the activity-log registry and counts. A real OTLP/gRPC exporter
 * in another process sends the activity log's spans (see live-check-sender.ts); the figure is
 * spans validated / wall time from the first export to the last acknowledgement (the receiver
 * checks a request before acknowledging it). Prints each run, with the machine's 1-minute load
 * average (sender and receiver share its cores with whatever else runs), and the median.
 * Options: --runs <n> (5), --spans <n> per run (200000), --batch <n> spans per export (2048),
 * --in-flight <n> exports (8), --registry <dir> (registry), --cpu-prof <dir>: the sender writes a
 * CPU profile there (run the bench itself under `node --cpu-prof --cpu-prof-dir <dir> --import
 * tsx` for the receiver's).
 */
import { loadavg } from 'node:os';
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

/** How the sender exports: spans per run and per export, exports in flight, node flags. */
interface SenderOptions {
  readonly spans: number;
  readonly batch: number;
  readonly inFlight: number;
  readonly nodeArgs: readonly string[];
}

function senderArgs(port: number, options: SenderOptions): string[] {
  const { spans, batch, inFlight, nodeArgs } = options;
  return [...nodeArgs, '--import', 'tsx', sender, ...[port, spans, batch, inFlight].map(String)];
}

async function oneRun(registry: ResolvedRegistry, options: SenderOptions): Promise<RunFigure> {
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
  const child = await execa('node', senderArgs(ports.grpc, options));
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
    batch: { type: 'string', default: '2048' },
    'in-flight': { type: 'string', default: '8' },
    registry: { type: 'string', default: 'registry' },
    'cpu-prof': { type: 'string' },
  },
});
const registry = await loadRegistry(values.registry);
const runs = Number(values.runs);
const profile = values['cpu-prof'];
const options: SenderOptions = {
  spans: Number(values.spans),
  batch: Number(values.batch),
  inFlight: Number(values['in-flight']),
  nodeArgs: profile === undefined ? [] : ['--cpu-prof', '--cpu-prof-dir', profile],
};
const rates: number[] = [];
const receiverRates: number[] = [];
const senderRates: number[] = [];
let findings: Readonly<Record<string, number>> = {};
for (let run = 1; run <= runs; run += 1) {
  const figure = await oneRun(registry, options);
  rates.push(figure.rate);
  receiverRates.push(figure.receiverRate);
  senderRates.push(figure.senderRate);
  findings = figure.findings;
  process.stdout.write(
    `run ${run}: ${thousands(figure.rate)} spans/s (receiver ${thousands(figure.receiverRate)} spans per CPU-second, sender ${thousands(figure.senderRate)}; load average ${(loadavg()[0] ?? 0).toFixed(2)})\n`,
  );
}
// Findings are part of the work measured: the spans leave out the attributes the registry
// requires only conditionally (error.type on an accepted event, for one).
process.stdout.write(`findings in the last run: ${JSON.stringify(findings)}\n`);
process.stdout.write(
  `live-check over loopback gRPC (${thousands(options.spans)} spans per run in exports of ${thousands(options.batch)}, ${runs} runs): median ${thousands(median(rates))} spans validated/s; receiver alone: median ${thousands(median(receiverRates))} spans per CPU-second, sender ${thousands(median(senderRates))}\n`,
);
