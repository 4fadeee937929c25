/**
 * `npm run bench:certify`: how often `npx certify` gives the right verdict, and how long it takes.
 * The project is copied twice (its node_modules linked in): as it is, and with a per-event clock
 * read added to the hot path (a slower tree that must never be certified). certify runs on the
 * two copies alternately, `--runs` times each (default 10), each run in a fresh process; every
 * run's verdict, tick decision and gated intervals, tick-bench duration and wall time are printed,
 * then the counts and medians. Exit 1 when a clean run was not certified or a slowed one was.
 *
 *   npm run bench:certify -- --runs 10 [--pipeline pipeline/certify.yaml] [--no-cache]
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { execa } from 'execa';
import { copyProject, projectFiles, type ProjectCopy } from '../../test/gate/project-copy.ts';

const projectRoot = resolve(import.meta.dirname, '../..');

/** The slowed tree: one clock read per row while a window of a batch is copied into the store. */
const CORE = 'feature/activity-log/src/batch/core.ts';
const COPY_ANCHOR = '  store.userIds.set(rowsOf(batch.userIds, from, rows), at);\n';
const CLOCK_PER_ROW = '  for (let row = 0; row < rows; row++) if (Date.now() < 0) break;\n';

interface GatedCase {
  readonly case: string;
  readonly decision: string;
  readonly interval: { readonly lower: number; readonly upper: number };
  readonly processes: number;
}

interface RunReport {
  readonly verdict: { readonly certified: boolean; readonly summary: string };
  readonly tiers: readonly {
    readonly steps: readonly {
      readonly kind: string;
      readonly status: string;
      readonly durationMs: number;
      readonly details?: { readonly figures?: { readonly gated?: readonly GatedCase[] } };
    }[];
  }[];
}

interface Run {
  readonly tree: 'clean' | 'slowed';
  readonly certified: boolean;
  readonly tickStatus: string;
  readonly gated: readonly GatedCase[];
  readonly tickMs: number;
  readonly wallMs: number;
  readonly load: number;
}

async function certifyOnce(copy: ProjectCopy, tree: Run['tree'], extra: string[]): Promise<Run> {
  const reports = mkdtempSync(join(tmpdir(), 'certify-runs-'));
  const load = loadavg()[0] ?? 0;
  const started = performance.now();
  try {
    await execa(
      'node',
      ['bin/certify.js', '--renderer', 'silent', '--reports', reports, ...extra],
      {
        cwd: copy.root,
        reject: false,
        env: { CI: '1' },
      },
    );
    const wallMs = performance.now() - started;
    const report = JSON.parse(
      readFileSync(join(reports, 'certification.json'), 'utf8'),
    ) as RunReport;
    const tick = report.tiers.flatMap((tier) => tier.steps).find((s) => s.kind === 'tick-bench');
    return {
      tree,
      certified: report.verdict.certified,
      tickStatus: tick?.status ?? 'not run',
      gated: tick?.details?.figures?.gated ?? [],
      tickMs: tick?.durationMs ?? 0,
      wallMs,
      load,
    };
  } finally {
    rmSync(reports, { recursive: true, force: true });
  }
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)] ?? Number.NaN;
}

function line(index: number, run: Run): string {
  const intervals = run.gated
    .map(
      (g) =>
        `${g.case.split('/').pop() ?? g.case} ${g.decision} [${g.interval.lower.toFixed(2)}, ${g.interval.upper.toFixed(2)}] (${g.processes} processes)`,
    )
    .join('; ');
  const verdict = run.certified ? 'CERTIFIED' : 'refused  ';
  return `${String(index).padStart(2)} ${run.tree.padEnd(6)} ${verdict} tick-bench ${run.tickStatus.padEnd(12)} ${seconds(run.tickMs).padStart(6)}  wall ${seconds(run.wallMs).padStart(6)}  load ${run.load.toFixed(2)}  ${intervals}`;
}

function summary(runs: readonly Run[], tree: Run['tree']): string {
  const of = runs.filter((run) => run.tree === tree);
  const certified = of.filter((run) => run.certified).length;
  const statuses = new Map<string, number>();
  for (const run of of) statuses.set(run.tickStatus, (statuses.get(run.tickStatus) ?? 0) + 1);
  const byStatus = [...statuses].map(([status, count]) => `${count} ${status}`).join(', ');
  return `${tree}: ${certified} of ${of.length} certified; tick-bench ${byStatus}; tick-bench median ${seconds(median(of.map((r) => r.tickMs)))} (${seconds(Math.min(...of.map((r) => r.tickMs)))} to ${seconds(Math.max(...of.map((r) => r.tickMs)))}); certify wall median ${seconds(median(of.map((r) => r.wallMs)))}`;
}

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '10' },
    pipeline: { type: 'string' },
    'no-cache': { type: 'boolean', default: false },
  },
});
const count = Number(values.runs);
if (!Number.isInteger(count) || count < 1)
  throw new RangeError('--runs must be a whole number ≥ 1');
const extra = [
  ...(values.pipeline === undefined ? [] : ['--pipeline', values.pipeline]),
  ...(values['no-cache'] ? ['--no-cache'] : []),
];

const files = await projectFiles(projectRoot);
const clean = copyProject(projectRoot, files);
const slowed = copyProject(projectRoot, files);
slowed.edit(CORE, COPY_ANCHOR, `${CLOCK_PER_ROW}${COPY_ANCHOR}`);
const runs: Run[] = [];
try {
  console.log(
    `npx certify ${extra.join(' ')}: ${count} runs of the clean tree and ${count} of a tree with a per-row Date.now() in the hot path, alternating`,
  );
  for (let index = 1; index <= count; index += 1) {
    for (const [tree, copy] of [
      ['clean', clean],
      ['slowed', slowed],
    ] as const) {
      const run = await certifyOnce(copy, tree, extra);
      runs.push(run);
      console.log(line(index, run));
    }
  }
} finally {
  clean.remove();
  slowed.remove();
}
console.log(summary(runs, 'clean'));
console.log(summary(runs, 'slowed'));
const wrong = runs.filter((run) => run.certified !== (run.tree === 'clean'));
process.exitCode = wrong.length === 0 ? 0 : 1;
