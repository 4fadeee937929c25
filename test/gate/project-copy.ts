import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { execa } from 'execa';
import { parseDocument } from 'yaml';

/** A throw-away copy of the project, with the project's own node_modules linked in. */
export interface ProjectCopy {
  readonly root: string;
  /** Replaces `find` (which must be there) in a file of the copy. */
  edit(path: string, find: string | RegExp, replace: string): void;
  write(path: string, content: string): void;
  remove(): void;
}

/** The project's files as git sees them: tracked and untracked-but-not-ignored, as they are now. */
export async function projectFiles(projectRoot: string): Promise<string[]> {
  const { stdout } = await execa(
    'git',
    ['ls-files', '--cached', '--others', '--exclude-standard', '-z'],
    { cwd: projectRoot },
  );
  return stdout.split('\0').filter((path) => path !== '');
}

export function copyProject(projectRoot: string, files: readonly string[]): ProjectCopy {
  const root = mkdtempSync(join(tmpdir(), 'certify-gate-'));
  for (const path of files) {
    const target = join(root, path);
    mkdirSync(dirname(target), { recursive: true });
    // A file deleted in the working tree but still in the index is simply not copied.
    cpSync(join(projectRoot, path), target, { force: true, errorOnExist: false });
  }
  symlinkSync(join(projectRoot, 'node_modules'), join(root, 'node_modules'), 'dir');
  return {
    root,
    edit(path, find, replace) {
      const file = join(root, path);
      const before = readFileSync(file, 'utf8');
      const found = typeof find === 'string' ? before.includes(find) : find.test(before);
      if (!found) throw new Error(`cannot inject the fault: ${String(find)} is not in ${path}`);
      writeFileSync(file, before.replace(find, replace));
    },
    write(path, content) {
      const file = join(root, path);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, content);
    },
    remove() {
      rmSync(root, { recursive: true, force: true });
    },
  };
}

/**
 * The shipped pipeline, shortened for the gate suite where a step's cost does not decide whether
 * it can fail: the benchmark measures only the budgeted case, in one round, and the test suite
 * runs `testFiles` (the injected failing test among them). Every other step, and every budget,
 * stays as shipped.
 */
export function quickPipeline(shipped: string, testFiles: readonly string[]): string {
  const document = parseDocument(shipped);
  const budget = document.getIn(['budgets', 'ticksPerEvent', 'case']);
  const count = (path: (string | number)[]) =>
    (document.getIn(path) as { items: unknown[] } | undefined)?.items.length ?? 0;
  for (let tier = 0; tier < count(['tiers']); tier += 1) {
    for (let step = 0; step < count(['tiers', tier, 'steps']); step += 1) {
      const path = ['tiers', tier, 'steps', step];
      const kind = document.getIn([...path, 'kind']);
      if (kind === 'tick-bench') {
        document.setIn([...path, 'cases'], [budget]);
        document.setIn([...path, 'timing'], { rounds: 1 });
      }
      if (kind === 'vitest') document.setIn([...path, 'args'], [...testFiles]);
    }
  }
  return document.toString();
}
