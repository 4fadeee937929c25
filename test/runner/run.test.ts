import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Pipeline, StepSpec, TierSpec } from '../../src/pipeline/index.ts';
import {
  runPipeline,
  unknownIds,
  type RunPipelineOptions,
  type RunResult,
} from '../../src/runner/index.ts';
import { fixturePipeline } from '../steps/step-context.ts';
import { createTempProject, type TempProject } from '../support/temp-project.ts';

let project: TempProject;
beforeEach(() => {
  project = createTempProject();
});
afterEach(() => {
  project.remove();
});

/** A command step running a Node script in the project folder. */
function node(
  id: string,
  script: string,
  extra: { exclusive?: boolean; timeoutSeconds?: number } = {},
): StepSpec {
  return {
    id,
    kind: 'command',
    timeoutSeconds: 20,
    command: ['node', '-e', script],
    ...extra,
  };
}
const ok = (id: string) => node(id, '');
const failing = (id: string) => node(id, 'process.exit(1)');

function tier(id: string, steps: StepSpec[], concurrency = 1): TierSpec {
  return { id, name: `Tier ${id}`, concurrency, steps };
}

function pipelineOf(tiers: TierSpec[]): Pipeline {
  return { ...fixturePipeline(project.root), tiers };
}

async function run(
  tiers: TierSpec[],
  options: Partial<RunPipelineOptions> = {},
): Promise<RunResult> {
  return runPipeline({ pipeline: pipelineOf(tiers), renderer: 'silent', ...options });
}

const statuses = (result: RunResult) =>
  result.tiers.map(
    (t) => `${t.id}:${t.status}[${t.steps.map((s) => `${s.id}=${s.status}`).join(',')}]`,
  );

/** Appends `<event> <id>` to events.log, so the order of steps can be read back. */
const logEvent = (event: string, id: string) =>
  `require('fs').appendFileSync('events.log', '${event} ${id}\\n');`;
const pause = (ms: number) =>
  `Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ${ms});`;
const events = () => readFileSync(`${project.root}/events.log`, 'utf8').trim().split('\n');

describe('running a pipeline', () => {
  it('runs tiers in order and skips the tiers after a failed one, saying why', async () => {
    const result = await run([
      tier('1', [ok('a')]),
      tier('2', [failing('b'), ok('c')]),
      tier('3', [ok('d')]),
    ]);
    expect(statuses(result)).toEqual([
      '1:pass[a=pass]',
      '2:fail[b=fail,c=pass]',
      '3:skipped[d=skipped]',
    ]);
    expect(result.tiers[2]?.steps[0]?.reason).toBe('not run: Tier 2 failed');
    expect(result.interrupted).toBe(false);
  });

  it('with keepGoing, runs every tier after a failure', async () => {
    const result = await run([tier('1', [failing('a')]), tier('2', [ok('b')])], {
      keepGoing: true,
    });
    expect(statuses(result)).toEqual(['1:fail[a=fail]', '2:pass[b=pass]']);
  });

  it('does not stop at an inconclusive tier', async () => {
    // The real weaver asked for, and none on PATH: the check cannot be made, which is no failure.
    const weaver = {
      id: 'weaver',
      kind: 'registry-check',
      timeoutSeconds: 5,
      engine: 'weaver',
    } as const;
    const env = { PATH: dirname(process.execPath) };
    const result = await run([tier('1', [weaver]), tier('2', [ok('b')])], { env });
    expect(statuses(result)).toEqual(['1:inconclusive[weaver=inconclusive]', '2:pass[b=pass]']);
  });

  it('runs a tier’s steps one after another by default, and at once with concurrency', async () => {
    // Each step waits for the other's mark: only steps running at the same time both finish.
    const rendezvous = (me: string, other: string) =>
      node(
        me,
        `const fs = require('fs'); fs.writeFileSync('${me}.mark', '');` +
          `while (!fs.existsSync('${other}.mark')) ${pause(20)}`,
        { timeoutSeconds: 2 },
      );
    const together = await run([tier('1', [rendezvous('a', 'b'), rendezvous('b', 'a')], 2)]);
    expect(statuses(together)).toEqual(['1:pass[a=pass,b=pass]']);

    project.remove();
    project = createTempProject();
    const apart = await run([tier('1', [rendezvous('c', 'd'), rendezvous('d', 'c')], 1)]);
    expect(statuses(apart)).toEqual(['1:fail[c=fail,d=pass]']);
    expect(apart.tiers[0]?.steps[0]?.reason).toBe('timed out after 2 s; stopped');
  });

  it('runs an exclusive step alone, in its turn', async () => {
    const step = (id: string, extra: Partial<StepSpec> = {}) =>
      node(id, `${logEvent('start', id)}${pause(150)}${logEvent('end', id)}`, extra);
    const result = await run([
      tier('1', [step('a'), step('b'), step('x', { exclusive: true }), step('c')], 3),
    ]);
    expect(statuses(result)).toEqual(['1:pass[a=pass,b=pass,x=pass,c=pass]']);
    const log = events();
    const xStart = log.indexOf('start x');
    const xEnd = log.indexOf('end x');
    expect(log.slice(xStart, xEnd + 1)).toEqual(['start x', 'end x']);
    expect(log.indexOf('end a')).toBeLessThan(xStart);
    expect(log.indexOf('end b')).toBeLessThan(xStart);
    expect(log.indexOf('start c')).toBeGreaterThan(xEnd);
  });

  it('runs only the selected steps and tiers, reporting the others skipped', async () => {
    const tiers = [tier('1', [ok('a'), ok('b')]), tier('2', [ok('c')]), tier('3', [ok('d')])];
    const result = await run(tiers, { only: ['b', '3'] });
    expect(statuses(result)).toEqual([
      '1:inconclusive[a=skipped,b=pass]',
      '2:skipped[c=skipped]',
      '3:pass[d=pass]',
    ]);
    expect(result.tiers[1]?.steps[0]?.reason).toBe('not selected (--only)');
    expect(unknownIds(pipelineOf(tiers), ['b', '3', 'nope'])).toEqual(['nope']);
  });

  it('reports a step that throws as failed', async () => {
    // The security audit reads the feature's source folder, which this project lacks.
    const audit = {
      id: 'audit',
      kind: 'security-audit',
      timeoutSeconds: 10,
      npmAudit: 'off',
    } as const;
    const result = await run([tier('1', [audit])]);
    expect(statuses(result)).toEqual(['1:fail[audit=fail]']);
    expect(result.tiers[0]?.steps[0]?.reason).toMatch(/^the step crashed: .*ENOENT/);
  });

  it('when interrupted, stops the running step and runs nothing more', async () => {
    const interrupt = new AbortController();
    const waiting = node('waits', `${logEvent('start', 'waits')}${pause(30_000)}`);
    const running = run([tier('1', [waiting, ok('next')]), tier('2', [ok('later')])], {
      interrupt: interrupt.signal,
    });
    await expect.poll(() => events(), { timeout: 10_000 }).toEqual(['start waits']);
    interrupt.abort();
    const result = await running;
    expect(result.interrupted).toBe(true);
    expect(statuses(result)).toEqual([
      '1:skipped[waits=skipped,next=skipped]',
      '2:skipped[later=skipped]',
    ]);
    expect(result.tiers[0]?.steps.map((s) => s.reason)).toEqual(['interrupted', 'interrupted']);
  });
});

describe('the plain renderer', () => {
  it('prints a line when each tier and step starts and ends, with its status', async () => {
    const stream = new PassThrough();
    let text = '';
    stream.on('data', (chunk: Buffer) => (text += chunk.toString()));
    await run([tier('1', [ok('a'), failing('b')]), tier('2', [ok('c')])], {
      renderer: 'plain',
      progressStream: stream,
    });
    const lines = text
      .trim()
      .split('\n')
      .map((line) => line.replace(/\(\d+\.\d s\)/, '(t)'));
    expect(lines).toEqual([
      'Tier 1 ...',
      '  a ...',
      '  a: PASS (t) node -e  exited with code 0',
      '  b ...',
      '  b: FAIL (t)',
      '    node -e process.exit(1) exited with code 1',
      'Tier 1: FAIL (t) 1 passed, 1 failed',
      'Tier 2 ...',
      '  c ...',
      '  c: SKIPPED (t) not run: Tier 1 failed',
      'Tier 2: SKIPPED (t) 1 skipped',
    ]);
  });
});
