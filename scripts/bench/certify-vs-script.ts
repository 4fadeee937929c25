/**
 * `npm run bench:certify`: the wall time of `npx certify` beside the same checks run one after
 * another by a plain shell script (scripts/bench/seed-pipeline.sh, the seed's way). The two are
 * run alternately, each in a fresh process, `--runs` times (default 2), and the medians and their
 * ratio are printed. certify's goal: at most 0.7 of the script's time.
 *
 * `--only` runs of certify (the script's security audit and documentation check) are never
 * certified, so the script's own verdict is read from its exit lines, not from an exit code.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { execa } from 'execa';

const projectRoot = resolve(import.meta.dirname, '../..');
const goal = 0.7;

interface Timed {
  readonly ms: number;
  readonly summary: string;
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
  return { ms, summary: `exit ${String(run.exitCode)}: ${verdict}` };
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
  return { ms, summary: failures.length === 0 ? 'every command ok' : failures.join('; ') };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const upper = sorted[middle] ?? 0;
  return sorted.length % 2 === 1 ? upper : ((sorted[middle - 1] ?? 0) + upper) / 2;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const load = () =>
  loadavg()
    .map((value) => value.toFixed(2))
    .join(' ');

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { runs: { type: 'string', default: '2' } } });
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs must be a positive integer`);
  const scratch = mkdtempSync(join(tmpdir(), 'certify-bench-'));
  const certifyMs: number[] = [];
  const scriptMs: number[] = [];
  try {
    console.log(`npx certify vs. scripts/bench/seed-pipeline.sh, ${runs} runs each, alternating`);
    console.log(`load average before: ${load()}`);
    for (let run = 1; run <= runs; run += 1) {
      const certify = await timeCertify(join(scratch, `reports-${run}`));
      certifyMs.push(certify.ms);
      console.log(`run ${run}: certify ${seconds(certify.ms)} (${certify.summary})`);
      const script = await timeScript();
      scriptMs.push(script.ms);
      console.log(`run ${run}: script  ${seconds(script.ms)} (${script.summary})`);
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  const ratio = median(certifyMs) / median(scriptMs);
  console.log(`load average after: ${load()}`);
  console.log(
    `median: certify ${seconds(median(certifyMs))}, script ${seconds(median(scriptMs))}; ratio ${ratio.toFixed(2)} (goal ≤ ${goal}: ${ratio <= goal ? 'met' : 'not met'})`,
  );
  return 0;
}

process.exitCode = await main();
