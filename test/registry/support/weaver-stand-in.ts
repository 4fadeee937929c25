import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A fake `weaver` executable: prints fixed output, records the arguments it was given. */
export interface WeaverStandIn {
  /** The folder holding the executable, named `weaver` (put it first on PATH). */
  readonly dir: string;
  readonly path: string;
  /** The arguments of the last run. */
  lastArguments(): string[];
  remove(): void;
}

export function writeWeaverStandIn(options: { stdout: string; exitCode: number }): WeaverStandIn {
  const dir = mkdtempSync(join(tmpdir(), 'certify-weaver-'));
  const path = join(dir, 'weaver');
  const argsFile = join(dir, 'args.json');
  const script = [
    '#!/usr/bin/env node',
    "const fs = require('node:fs');",
    `fs.writeFileSync(${JSON.stringify(argsFile)}, JSON.stringify(process.argv.slice(2)));`,
    "process.stderr.write('Weaver Registry Check\\n');",
    `process.stdout.write(${JSON.stringify(options.stdout)});`,
    `process.exitCode = ${String(options.exitCode)};`,
    '',
  ].join('\n');
  writeFileSync(path, script);
  chmodSync(path, 0o755);
  return {
    dir,
    path,
    lastArguments: () => JSON.parse(readFileSync(argsFile, 'utf8')) as string[],
    remove: () => {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A fake `weaver` that never answers: it starts a grandchild and both wait for ten minutes. */
export interface HangingWeaver {
  /** The folder holding the executable, named `weaver` (put it first on PATH). */
  readonly dir: string;
  /** The pids of the fake weaver and of its grandchild, once it has started them. */
  pids(): number[];
  remove(): void;
}

export function writeHangingWeaver(): HangingWeaver {
  const dir = mkdtempSync(join(tmpdir(), 'certify-weaver-'));
  const pidsFile = join(dir, 'pids.txt');
  const script = [
    '#!/bin/sh',
    'sleep 600 &',
    `echo "$$ $!" > ${JSON.stringify(pidsFile)}.tmp`,
    `mv ${JSON.stringify(pidsFile)}.tmp ${JSON.stringify(pidsFile)}`,
    'wait',
    '',
  ].join('\n');
  writeFileSync(join(dir, 'weaver'), script);
  chmodSync(join(dir, 'weaver'), 0o755);
  return {
    dir,
    pids: () => {
      try {
        return readFileSync(pidsFile, 'utf8').trim().split(' ').map(Number);
      } catch {
        return [];
      }
    },
    remove: () => {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
