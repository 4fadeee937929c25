/**
 * Benchmark of `certify registry check`: checks a registry (by default the official semantic
 * conventions, ../shared/semconv/model) several times, each in a fresh process, exactly as a user
 * or CI runs it, and prints the wall time of each run with the median, min and max.
 *
 *   npm run bench:registry-check [-- --runs 9] [-- --registry <dir>] [-- --engine builtin]
 *
 * The goal is a median of at most 1 s on the project's 2-core machine. That machine is shared,
 * so the load average and each run's CPU time (all threads, less distorted by other work) are
 * printed alongside: read the wall times against them.
 */
import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { execa } from 'execa';

const projectRoot = resolve(import.meta.dirname, '../..');
const reportCpu = resolve(import.meta.dirname, 'report-cpu.js');
const certifyBin = resolve(projectRoot, 'bin/certify.js');
const goalMs = 1000;

function parseOptions() {
  const { values } = parseArgs({
    options: {
      runs: { type: 'string', default: '7' },
      registry: { type: 'string', default: resolve(projectRoot, '../shared/semconv/model') },
      engine: { type: 'string', default: 'builtin' },
    },
  });
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1) {
    throw new Error(`--runs must be a positive integer, got ${values.runs}`);
  }
  return { runs, registry: values.registry, engine: values.engine };
}

interface Run {
  readonly ms: number;
  readonly cpuMs: number;
  readonly exitCode: number;
  readonly summary: string;
}

async function timedRun(registry: string, engine: string): Promise<Run> {
  const args = [
    'registry',
    'check',
    '-r',
    registry,
    '--engine',
    engine,
    '--diagnostic-format',
    'json',
  ];
  const started = performance.now();
  const result = await execa('node', ['--import', reportCpu, certifyBin, ...args], {
    cwd: projectRoot,
    reject: false,
  });
  const ms = performance.now() - started;
  const lines = result.stderr.trim().split('\n');
  const cpu = lines.find((line) => line.startsWith('bench-cpu-ms '));
  const summary = lines.find((line) => line.startsWith('registry check ')) ?? '';
  return { ms, cpuMs: Number(cpu?.split(' ')[1] ?? NaN), exitCode: result.exitCode ?? -1, summary };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((left, right) => left - right);
  const middle = Math.floor(sorted.length / 2);
  const upper = sorted[middle] ?? 0;
  return sorted.length % 2 === 1 ? upper : ((sorted[middle - 1] ?? 0) + upper) / 2;
}

const format = (ms: number) => `${ms.toFixed(0)} ms`;
const load = () =>
  loadavg()
    .map((value) => value.toFixed(2))
    .join(' ');

async function main(): Promise<number> {
  const { runs, registry, engine } = parseOptions();
  if (!existsSync(registry)) {
    process.stderr.write(
      `bench:registry-check: registry not found: ${registry} (is ../shared present?)\n`,
    );
    return 2;
  }
  process.stdout.write(
    `certify registry check -r ${registry} --engine ${engine}: ${runs} fresh processes\n`,
  );
  process.stdout.write(`load average before: ${load()}\n`);
  // One untimed run first: certify's TypeScript and schema caches are then warm, as
  // they are for every run but the very first on a machine.
  const warmup = await timedRun(registry, engine);
  process.stdout.write(
    `warm-up: ${format(warmup.ms)} (${warmup.summary}; exit ${warmup.exitCode})\n`,
  );
  const results: Run[] = [];
  for (let run = 1; run <= runs; run += 1) {
    const result = await timedRun(registry, engine);
    results.push(result);
    process.stdout.write(
      `run ${run}: ${format(result.ms)} wall, ${format(result.cpuMs)} CPU (exit ${result.exitCode})\n`,
    );
  }
  const walls = results.map((result) => result.ms);
  const wallMedian = median(walls);
  const verdict = wallMedian <= goalMs ? 'met' : 'not met';
  process.stdout.write(`load average after: ${load()}\n`);
  process.stdout.write(
    `wall time: median ${format(wallMedian)}, min ${format(Math.min(...walls))}, max ${format(Math.max(...walls))} (goal: median ≤ ${format(goalMs)}: ${verdict})\n`,
  );
  process.stdout.write(
    `CPU time: median ${format(median(results.map((result) => result.cpuMs)))}\n`,
  );
  return 0;
}

process.exitCode = await main();
