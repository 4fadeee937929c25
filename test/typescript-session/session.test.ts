import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TypeScriptSession, TypeScriptSessionError } from '../../src/typescript-session/index.ts';
import type { TempProject } from '../support/temp-project.ts';
import { createTypeScriptProject } from './fixture.ts';

const running = () => ({ signal: new AbortController().signal });

let project: TempProject;

beforeAll(() => {
  project = createTypeScriptProject({
    'src/index.ts': 'export const answer: number = 42;\n',
  });
});
afterAll(() => {
  project.remove();
});

describe('the TypeScript session', () => {
  it('builds a project program once and shares it between the typecheck and the lint', async () => {
    const session = new TypeScriptSession(project.root);
    try {
      const [checked, linted] = await Promise.all([
        session.typecheck('.', running()),
        session.lint({ paths: ['src'], project: 'tsconfig.json' }, running()),
      ]);
      expect(checked.program).toMatchObject({ configFile: 'tsconfig.json', built: true });
      expect(linted.program).toMatchObject({ configFile: 'tsconfig.json', built: false });
      expect(session.statistics()).toEqual({
        workersStarted: 1,
        requests: 2,
        programsBuilt: 1,
        programsReused: 1,
      });
    } finally {
      await session.close();
    }
  });

  it('terminates the worker when a running request is aborted, and starts a fresh one after', async () => {
    const session = new TypeScriptSession(project.root);
    try {
      const stop = new AbortController();
      const stopped = session.typecheck('.', { signal: stop.signal });
      // Queued behind it, from another step: it must still be answered, by a new worker.
      const next = session.typecheck('.', running());
      stop.abort();
      const error = await stopped.catch((thrown: unknown) => thrown);
      expect(error).toBeInstanceOf(TypeScriptSessionError);
      expect((error as TypeScriptSessionError).kind).toBe('stopped');
      expect((error as Error).message).toBe('stopped: the TypeScript session was terminated');
      expect((await next).diagnostics).toEqual([]);
      expect(session.statistics()).toMatchObject({ workersStarted: 2, programsBuilt: 1 });
    } finally {
      await session.close();
    }
  });

  it('prepares the tools ahead of the first check, which then only builds its program', async () => {
    const session = new TypeScriptSession(project.root);
    try {
      const prepared = await session.prepare({ eslint: true });
      expect(prepared).toEqual({
        kind: 'prepare',
        typescript: { version: expect.any(String) as string, from: 'project' },
        eslint: { version: expect.any(String) as string, from: 'project' },
      });
      const linted = await session.lint({ paths: ['src'], project: '.' }, running());
      expect(linted).toMatchObject({ errorCount: 0, program: { built: true } });
      expect(session.statistics()).toMatchObject({ workersStarted: 1, requests: 2 });
    } finally {
      await session.close();
    }
  });

  it('reports a tool it cannot prepare, and the check that needs it fails the same way', async () => {
    const bare = createTypeScriptProject({ 'src/index.ts': 'export {};\n' }, { tools: false });
    const session = new TypeScriptSession(bare.root);
    try {
      await expect(session.prepare({ eslint: true })).rejects.toThrow('eslint is not installed');
      await expect(session.lint({ paths: ['src'] }, running())).rejects.toThrow(
        'eslint is not installed',
      );
    } finally {
      await session.close();
      bare.remove();
    }
  });

  it('fails the requests still waiting when it is closed, and refuses new ones', async () => {
    const session = new TypeScriptSession(project.root);
    const waiting = session.typecheck('.', running()).catch((thrown: unknown) => thrown);
    await session.close();
    expect(await waiting).toMatchObject({
      kind: 'closed',
      message: 'stopped: the TypeScript session was closed',
    });
    await expect(session.typecheck('.', running())).rejects.toThrow('session is closed');
  });
});
