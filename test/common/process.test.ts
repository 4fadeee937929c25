import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runProcess, startProcess } from '../../src/common/index.ts';
import { isAlive, processTreeScript, treePids } from '../support/process-tree.ts';
import { createTempProject, type TempProject } from '../support/temp-project.ts';

let project: TempProject;
beforeEach(() => {
  project = createTempProject();
});
afterEach(() => {
  project.remove();
});

const tree = ['node', '-e', processTreeScript] as const;

describe('the process runner', () => {
  it('gives the exit code, each line of both streams in order, and the kept tail', async () => {
    const lines: string[] = [];
    const script = 'console.log("one\\ntwo"); console.error("three"); process.exit(4)';
    const result = await runProcess(['node', '-e', script], {
      cwd: project.root,
      env: process.env,
      onLine: (line) => lines.push(line),
      keepLines: 2,
    });
    expect(result).toMatchObject({ exitCode: 4, signal: null, outputTail: ['two', 'three'] });
    expect(lines).toEqual(['one', 'two', 'three']);
  });

  it('keeps a document on stdout whole, out of the tail, which keeps stderr', async () => {
    const script = 'console.log(JSON.stringify({ a: [1, 2] }, null, 2)); console.error("note")';
    const result = await runProcess(['node', '-e', script], {
      cwd: project.root,
      env: process.env,
      captureStdout: true,
    });
    expect(JSON.parse(result.stdout)).toEqual({ a: [1, 2] });
    expect(result.outputTail).toEqual(['note']);
  });

  it('gives the environment it is given and no other', async () => {
    const script =
      'console.log(JSON.stringify(Object.keys(process.env).filter((k) => k.startsWith("CERTIFY_T"))))';
    const result = await runProcess([process.execPath, '-e', script], {
      cwd: project.root,
      env: { CERTIFY_TEST_ONLY: 'yes' },
      captureStdout: true,
    });
    expect(JSON.parse(result.stdout)).toEqual(['CERTIFY_TEST_ONLY']);
  });

  it('says why a program could not start', async () => {
    const result = await runProcess(['certify-no-such-program'], {
      cwd: project.root,
      env: process.env,
    });
    expect(result).toMatchObject({ exitCode: null, startErrorCode: 'ENOENT' });
    expect(result.startError).toContain('ENOENT');
  });

  it('stops the whole process tree past its timeout, and says so', async () => {
    const result = await runProcess(tree, {
      cwd: project.root,
      env: process.env,
      timeoutMs: 2_000,
    });
    expect(result.stoppedBy).toBe('timeout');
    // The tree has a minute to live: if it wrote its pids before the timeout, both are gone.
    const pids = treePids(project.root);
    await expect.poll(() => pids.filter(isAlive), { timeout: 5_000 }).toEqual([]);
  });

  it('stops the whole process tree on stop(), and says so', async () => {
    const running = startProcess(tree, { cwd: project.root, env: process.env });
    await expect.poll(() => treePids(project.root), { timeout: 10_000 }).toHaveLength(2);
    running.stop();
    const result = await running.finished;
    expect(result).toMatchObject({ stoppedBy: 'abort', signal: 'SIGTERM' });
    const pids = treePids(project.root);
    await expect.poll(() => pids.filter(isAlive), { timeout: 5_000 }).toEqual([]);
  });

  it('runs a Node.js script with an IPC channel and gives the messages it sent', async () => {
    const script = project.write('send.mjs', 'process.send({ measured: 42 });\n');
    const result = await runProcess([script], {
      cwd: project.root,
      env: process.env,
      node: { nodeOptions: [] },
    });
    expect(result.exitCode).toBe(0);
    expect(result.messages).toEqual([{ measured: 42 }]);
  });
});
