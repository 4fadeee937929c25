import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runStep } from '../../src/steps/index.ts';
import { createTempProject, type TempProject } from '../support/temp-project.ts';
import { stepContext } from './step-context.ts';

let project: TempProject;
beforeEach(() => {
  project = createTempProject();
});
afterEach(() => {
  project.remove();
});

/** Running, as opposed to gone or a zombie waiting for a reaper (state Z in /proc). */
function isRunning(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}

const step = (command: [string, ...string[]]) =>
  ({ id: 'cmd', kind: 'command', timeoutSeconds: 10, command }) as const;

describe('a command step', () => {
  it('passes when the program exits 0, and streams its output as progress', async () => {
    const context = stepContext(project.root);
    const outcome = await runStep(step(['node', '-e', 'console.log("all good")']), context);
    expect(outcome.status).toBe('pass');
    expect(context.lines).toContain('all good');
  });

  it('fails with the exit code and the end of the output', async () => {
    const script = 'console.log("checking"); console.error("3 problems"); process.exit(3)';
    const outcome = await runStep(step(['node', '-e', script]), stepContext(project.root));
    expect(outcome).toMatchObject({
      status: 'fail',
      details: { kind: 'command', exitCode: 3 },
      outputTail: ['checking', '3 problems'],
    });
    expect(outcome.reason).toContain('exited with code 3');
  });

  it('fails, saying so, when the program does not exist', async () => {
    const outcome = await runStep(step(['no-such-program-here']), stepContext(project.root));
    expect(outcome.status).toBe('fail');
    expect(outcome.reason).toContain('could not start');
  });

  it('runs the program in the project root, without a shell', async () => {
    const outcome = await runStep(
      step(['node', '-e', 'require("fs").writeFileSync("out.txt", process.argv[1])', '$HOME; x']),
      stepContext(project.root),
    );
    expect(outcome.status).toBe('pass');
    expect(readFileSync(`${project.root}/out.txt`, 'utf8')).toBe('$HOME; x');
  });

  it('stops the whole process tree when aborted', async () => {
    const controller = new AbortController();
    const context = stepContext(project.root, { signal: controller.signal });
    // The shell starts a grandchild and reports its pid; aborting must end both.
    const running = runStep(step(['sh', '-c', 'sleep 60 & echo "child $!"; wait']), context);
    await expect.poll(() => context.lines.find((line) => line.startsWith('child '))).toBeDefined();
    const grandchild = Number(context.lines.find((line) => line.startsWith('child '))?.slice(6));
    controller.abort();
    const outcome = await running;
    expect(outcome.status).toBe('fail');
    expect(outcome.reason).toContain('stopped by SIGTERM');
    await expect.poll(() => isRunning(grandchild)).toBe(false);
  });
});
