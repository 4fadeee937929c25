/**
 * `npm run bench:certify`: the wall time of `npx certify` beside the same checks run one after
 * another by a plain shell script (scripts/bench/seed-pipeline.sh, the seed's way). The two are
 * run alternately, each in a fresh process, `--runs` times (default 2), and the medians and their
 * ratio are printed, then the same without the tick benchmark, which runs alone in both (so
 * neither can shorten it by running other work beside it). certify's goal: at most 0.7 of the
 * script's time.
 *
 * `--only` runs of certify (the script's security audit and documentation check) are never
 * certified, so the script's own verdict is read from its exit lines, not from an exit code.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { execa } from 'execa';

const projectRoot = resolve(import.meta.dirname, '../..');
const goal = 0.7;

interface Timed {
  readonly ms: number;
  /** Of which the tick benchmark, which runs alone in both: neither can make it shorter. */
  readonly benchMs: number;
  readonly summary: string;
}

/** The tick-bench steps' durations, from the run's JSON report (0 when it has none). */
function tickBenchMs(reports: string): number {
  const report = JSON.parse(readFileSync(join(reports, 'certification.json'), 'utf8')) as {
    tiers: { steps: { kind: string; durationMs: number }[] }[];
  };
  const steps = report.tiers.flatMap((tier) => tier.steps);
  return steps
    .filter((step) => step.kind === 'tick-bench')
    .reduce((sum, s) => sum + s.durationMs, 0);
}

/** The script's benchmark line: `ok    35012 ms  node bin/certify.js bench …`. */
function scriptBenchMs(output: string): number {
  const line = output.split('\n').find((text) => text.includes(' bin/certify.js bench '));
  const ms = line === undefined ? undefined : /^\w+\s+(\d+) ms/.exec(line)?.[1];
  if (ms === undefined) throw new Error(`the script printed no timed benchmark line:\n${output}`);
  return Number(ms);
}

async function timeCertify(reports: string): Promise<Timed> {
  const started = performance.now();
  const run = await execa('node', ['bin/certify.js', '--renderer', 'plain', '--reports', reports], {
    cwd: projectRoot,
    reject: false,
    all: true,
  });
  const ms = performance.now() - started;
  const verdict = run.all.split('\n').find((line) => /^(NOT )?CERTIFIED/.test(line)) ?? '';
  return { ms, benchMs: tickBenchMs(reports), summary: `exit ${String(run.exitCode)}: ${verdict}` };
}

async function timeScript(): Promise<Timed> {
  const started = performance.now();
  const run = await execa('bash', ['scripts/bench/seed-pipeline.sh'], {
    cwd: projectRoot,
    reject: false,
    all: true,
  });
  const ms = performance.now() - started;
  const failures = run.all.split('\n').filter((line) => line.startsWith('FAIL'));
  const summary = failures.length === 0 ? 'every command ok' : failures.join('; ');
  return { ms, benchMs: scriptBenchMs(run.all), summary };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const upper = sorted[middle] ?? 0;
  return sorted.length % 2 === 1 ? upper : ((sorted[middle - 1] ?? 0) + upper) / 2;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const describe = (timed: Timed) =>
  `${seconds(timed.ms)}, tick benchmark ${seconds(timed.benchMs)} (${timed.summary})`;
const load = () =>
  loadavg()
    .map((value) => value.toFixed(2))
    .join(' ');

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { runs: { type: 'string', default: '2' } } });
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs must be a positive integer`);
  const scratch = mkdtempSync(join(tmpdir(), 'certify-bench-'));
  const certifyRuns: Timed[] = [];
  const scriptRuns: Timed[] = [];
  try {
    console.log(`npx certify vs. scripts/bench/seed-pipeline.sh, ${runs} runs each, alternating`);
    console.log(`load average before: ${load()}`);
    for (let run = 1; run <= runs; run += 1) {
      const certify = await timeCertify(join(scratch, `reports-${run}`));
      certifyRuns.push(certify);
      console.log(`run ${run}: certify ${describe(certify)}`);
      const script = await timeScript();
      scriptRuns.push(script);
      console.log(`run ${run}: script  ${describe(script)}`);
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  console.log(`load average after: ${load()}`);
  const whole = (runs: readonly Timed[]) => median(runs.map((run) => run.ms));
  const rest = (runs: readonly Timed[]) => median(runs.map((run) => run.ms - run.benchMs));
  const ratio = whole(certifyRuns) / whole(scriptRuns);
  console.log(
    `median: certify ${seconds(whole(certifyRuns))}, script ${seconds(whole(scriptRuns))}; ratio ${ratio.toFixed(2)} (goal ≤ ${goal}: ${ratio <= goal ? 'met' : 'not met'})`,
  );
  console.log(
    `without the tick benchmark: certify ${seconds(rest(certifyRuns))}, script ${seconds(rest(scriptRuns))}; ratio ${(rest(certifyRuns) / rest(scriptRuns)).toFixed(2)}`,
  );
  return 0;
}

process.exitCode = await main();
