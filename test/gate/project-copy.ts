import {
  cpSync,
  existsSync,
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
  /** Deletes a file of the copy (which must be there). */
  delete(path: string): void;
  /** The copy's files under `folder`, as paths relative to the copy's root. */
  list(folder: string): string[];
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
    delete(path) {
      rmSync(join(root, path));
    },
    list(folder) {
      return files.filter((path) => path.startsWith(`${folder}/`) && existsSync(join(root, path)));
    },
    remove() {
      rmSync(root, { recursive: true, force: true });
    },
  };
}

/** What part of the shipped pipeline a gate run needs. */
export interface GateRun {
  /** The vitest step's test files; `all` keeps the shipped step, its coverage floors too. */
  readonly tests: readonly string[] | 'all';
  /** Only these tiers, in the shipped order (default: every tier). */
  readonly tiers?: readonly string[];
  /** Steps left out (default: none). */
  readonly withoutSteps?: readonly string[];
}

type Path = (string | number)[];

/**
 * The shipped pipeline, shortened for the gate suite where a step's cost does not decide whether
 * it can fail: the benchmark measures only the budgeted case, in one round; with a list of test
 * files the vitest step runs just those and measures no coverage (a few files cannot reach the
 * feature's floor: the runs that judge coverage keep the shipped step); and a fault that one
 * tier refuses may run only that tier, without the steps it does not need. Every step that runs
 * is the real step, with the shipped budgets.
 */
export function gatePipeline(shipped: string, run: GateRun): string {
  const document = parseDocument(shipped);
  const gated = document.getIn(['budgets', 'ticksPerEvent', 'cases']) as
    { toJSON(): unknown } | undefined;
  const gatedCases = gated?.toJSON() ?? [document.getIn(['budgets', 'ticksPerEvent', 'case'])];
  const count = (path: Path) =>
    (document.getIn(path) as { items: unknown[] } | undefined)?.items.length ?? 0;
  // Backwards, so that deleting an item leaves the indexes still to visit as they were.
  for (let tier = count(['tiers']) - 1; tier >= 0; tier -= 1) {
    if (
      run.tiers !== undefined &&
      !run.tiers.includes(String(document.getIn(['tiers', tier, 'id'])))
    ) {
      document.deleteIn(['tiers', tier]);
      continue;
    }
    for (let step = count(['tiers', tier, 'steps']) - 1; step >= 0; step -= 1) {
      const path = ['tiers', tier, 'steps', step];
      const kind = document.getIn([...path, 'kind']);
      if ((run.withoutSteps ?? []).includes(String(document.getIn([...path, 'id'])))) {
        document.deleteIn(path);
      } else if (kind === 'tick-bench') {
        document.setIn([...path, 'cases'], gatedCases);
        document.setIn([...path, 'timing'], { rounds: 1 });
      } else if (kind === 'vitest' && run.tests !== 'all') {
        document.setIn([...path, 'args'], [...run.tests]);
        document.setIn([...path, 'coverage'], 'off');
      }
    }
  }
  return document.toString();
}
