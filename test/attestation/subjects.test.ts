import { createHash } from 'node:crypto';
import { rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import {
  checkSubjects,
  collectSubjects,
  fileSubjects,
  readGitState,
  SubjectError,
} from '../../src/attestation/subjects/index.ts';
import { createTempProject } from '../support/temp-project.ts';

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

const tree = (files: Record<string, string>): string => createTempProject(files).root;

async function git(root: string, ...args: string[]): Promise<string> {
  const identity = ['-c', 'user.name=certify test', '-c', 'user.email=test@example.com'];
  const run = await execa('git', [...identity, ...args], { cwd: root });
  return run.stdout.trim();
}

async function committedTree(files: Record<string, string>): Promise<string> {
  const root = tree(files);
  await git(root, 'init', '-q');
  await git(root, 'add', '.');
  await git(root, 'commit', '-q', '-m', 'fixture');
  return root;
}

describe('fileSubjects', () => {
  const files = {
    'feature/src/b.ts': 'b',
    'feature/src/a.ts': 'a',
    'feature/README.md': 'readme',
    'registry/events.yaml': 'groups: []',
    'pipeline/certify.yaml': 'tiers: []',
    'elsewhere/not-asked.ts': 'x',
  };

  it('digests every file under the given paths, sorted by name, each once', async () => {
    const root = tree(files);
    const paths = ['feature', 'registry', 'pipeline/certify.yaml', 'feature/src/a.ts'];
    const result = await fileSubjects({ root, paths });
    expect(result.subjects).toEqual([
      { name: 'feature/README.md', digest: { sha256: sha256('readme') } },
      { name: 'feature/src/a.ts', digest: { sha256: sha256('a') } },
      { name: 'feature/src/b.ts', digest: { sha256: sha256('b') } },
      { name: 'pipeline/certify.yaml', digest: { sha256: sha256('tiers: []') } },
      { name: 'registry/events.yaml', digest: { sha256: sha256('groups: []') } },
    ]);
    expect(result.skipped).toEqual([]);
  });

  it('gives the same subjects whatever the order of the paths, and accepts absolute paths', async () => {
    const root = tree(files);
    const forward = await fileSubjects({ root, paths: ['feature', 'registry'] });
    const backward = await fileSubjects({ root, paths: [join(root, 'registry'), 'feature'] });
    expect(backward).toEqual(forward);
  });

  it('reports every ignored entry instead of leaving it out silently', async () => {
    const root = tree({
      'feature/src/a.ts': 'a',
      'feature/node_modules/dep/index.js': 'dep',
      'feature/.git/HEAD': 'ref',
    });
    const result = await fileSubjects({ root, paths: ['feature'] });
    expect(result.subjects.map((subject) => subject.name)).toEqual(['feature/src/a.ts']);
    expect(result.skipped).toEqual([
      { path: 'feature/.git', reason: 'ignored name ".git"' },
      { path: 'feature/node_modules', reason: 'ignored name "node_modules"' },
    ]);
  });

  it('digests a link to a file, and reports links to folders and broken links', async () => {
    const root = tree({ 'feature/real.ts': 'real', 'feature/sub/x.ts': 'x' });
    symlinkSync('real.ts', join(root, 'feature/alias.ts'));
    symlinkSync('sub', join(root, 'feature/loop'));
    symlinkSync('gone.ts', join(root, 'feature/broken.ts'));
    const result = await fileSubjects({ root, paths: ['feature'] });
    expect(result.subjects).toEqual([
      { name: 'feature/alias.ts', digest: { sha256: sha256('real') } },
      { name: 'feature/real.ts', digest: { sha256: sha256('real') } },
      { name: 'feature/sub/x.ts', digest: { sha256: sha256('x') } },
    ]);
    expect(result.skipped).toEqual([
      { path: 'feature/broken.ts', reason: 'symbolic link that cannot be followed (ENOENT)' },
      { path: 'feature/loop', reason: 'symbolic link to a folder (not followed)' },
    ]);
  });

  it('reports a named pipe inside a folder', async () => {
    const root = tree({ 'feature/a.ts': 'a' });
    const made = await execa('mkfifo', [join(root, 'feature/pipe')], { reject: false });
    if (made.exitCode !== 0) return; // no mkfifo here (e.g. Windows): nothing to test
    const result = await fileSubjects({ root, paths: ['feature'] });
    expect(result.skipped).toEqual([{ path: 'feature/pipe', reason: 'named pipe' }]);
  });

  it('refuses a path that does not exist, naming it', async () => {
    const root = tree(files);
    const attempt = fileSubjects({ root, paths: ['feature', 'no-such-registry'] });
    await expect(attempt).rejects.toBeInstanceOf(SubjectError);
    await expect(attempt).rejects.toMatchObject({ problem: { kind: 'missing' } });
    await expect(attempt).rejects.toThrow(join(root, 'no-such-registry'));
  });

  it('refuses a path outside the root', async () => {
    const root = tree(files);
    const attempt = fileSubjects({ root: join(root, 'feature'), paths: ['../registry'] });
    await expect(attempt).rejects.toMatchObject({ problem: { kind: 'outside-root' } });
  });
});

describe('readGitState', () => {
  it('records that there is no commit outside a repository, with git own reason', async () => {
    const state = await readGitState(tree({ 'a.ts': 'a' }));
    expect(state.kind).toBe('unavailable');
    if (state.kind === 'unavailable') expect(state.reason).toMatch(/not a git repository/);
  });

  it('records that there is no commit in a repository without one', async () => {
    const root = tree({ 'a.ts': 'a' });
    await git(root, 'init', '-q');
    const state = await readGitState(root);
    expect(state.kind).toBe('unavailable');
  });

  it('reads HEAD of a clean tree', async () => {
    const root = await committedTree({ 'a.ts': 'a' });
    const state = await readGitState(root);
    expect(state).toEqual({
      kind: 'commit',
      commit: await git(root, 'rev-parse', 'HEAD'),
      workingTree: { kind: 'clean' },
    });
  });

  it('records a dirty tree with its changed and untracked paths, keeping the real HEAD', async () => {
    const root = await committedTree({ 'a.ts': 'a', 'b.ts': 'b' });
    writeFileSync(join(root, 'a.ts'), 'changed');
    writeFileSync(join(root, 'new file.ts'), 'new');
    await git(root, 'mv', 'b.ts', 'c.ts');
    const state = await readGitState(root);
    expect(state).toMatchObject({ kind: 'commit', commit: await git(root, 'rev-parse', 'HEAD') });
    if (state.kind === 'commit') {
      expect(state.workingTree).toEqual({
        kind: 'dirty',
        changedPaths: ['a.ts', 'c.ts', 'new file.ts'],
      });
    }
  });
});

describe('collectSubjects', () => {
  it('puts the git commit first, then the files', async () => {
    const root = await committedTree({ 'feature/a.ts': 'a', 'registry/r.yaml': 'r' });
    const collected = await collectSubjects({ root, paths: ['registry', 'feature'] });
    expect(collected.subjects).toEqual([
      { name: 'git:HEAD', digest: { gitCommit: await git(root, 'rev-parse', 'HEAD') } },
      { name: 'feature/a.ts', digest: { sha256: sha256('a') } },
      { name: 'registry/r.yaml', digest: { sha256: sha256('r') } },
    ]);
    expect(collected.git.kind).toBe('commit');
  });

  it('has no commit subject outside a repository, and says why', async () => {
    const root = tree({ 'feature/a.ts': 'a' });
    const collected = await collectSubjects({ root, paths: ['feature'] });
    expect(collected.subjects.map((subject) => subject.name)).toEqual(['feature/a.ts']);
    expect(collected.git.kind).toBe('unavailable');
  });
});

describe('checkSubjects', () => {
  it('matches an unchanged tree', async () => {
    const root = await committedTree({ 'feature/a.ts': 'a', 'feature/b.ts': 'b' });
    const { subjects } = await collectSubjects({ root, paths: ['feature'] });
    expect(await checkSubjects({ root, subjects })).toEqual({ matched: 3, problems: [] });
  });

  it('finds a modified file, a deleted file and a new HEAD, each with its reason', async () => {
    const root = await committedTree({ 'feature/a.ts': 'a', 'feature/b.ts': 'b', 'c.ts': 'c' });
    const { subjects } = await collectSubjects({ root, paths: ['feature'] });
    const signedCommit = await git(root, 'rev-parse', 'HEAD');
    writeFileSync(join(root, 'feature/a.ts'), 'A');
    rmSync(join(root, 'feature/b.ts'));
    writeFileSync(join(root, 'c.ts'), 'another commit');
    await git(root, 'commit', '-q', '-am', 'later');
    const check = await checkSubjects({ root, subjects });
    expect(check.matched).toBe(0);
    expect(check.problems).toEqual([
      `git commit: HEAD is ${await git(root, 'rev-parse', 'HEAD')}, the report was signed for ${signedCommit}`,
      `feature/a.ts: changed (signed sha256 ${sha256('a')}, now ${sha256('A')})`,
      'feature/b.ts: missing from the working tree',
    ]);
  });

  it('cannot confirm a commit outside a repository, and refuses names that leave the root', async () => {
    const root = tree({ 'a.ts': 'a' });
    const commit = 'f'.repeat(40);
    const check = await checkSubjects({
      root,
      subjects: [
        { name: 'git:HEAD', digest: { gitCommit: commit } },
        { name: '../outside.ts', digest: { sha256: sha256('a') } },
        { name: 'a.ts', digest: { sha512: 'ab' } },
      ],
    });
    expect(check.problems).toEqual([
      expect.stringMatching(
        new RegExp(`^git commit ${commit}: cannot read HEAD \\(.*not a git repository`),
      ),
      `../outside.ts: not a path inside ${root}, so it cannot be checked`,
      'a.ts: no sha256 or gitCommit digest, so it cannot be checked',
    ]);
  });
});
