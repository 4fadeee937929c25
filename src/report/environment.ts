import { readFileSync } from 'node:fs';
import os from 'node:os';
import type { Environment } from './types.ts';

/** certify's own version, from its package.json (read at run time: it lies outside src/). */
export function certifyVersion(): string {
  const text = readFileSync(new URL('../../package.json', import.meta.url), 'utf8');
  const { version } = JSON.parse(text) as { version?: unknown };
  return typeof version === 'string' ? version : 'unknown';
}

/** Where the certification ran: Node, OS, CPU and certify versions. */
export function describeEnvironment(): Environment {
  const model = os.cpus()[0]?.model.trim() ?? '';
  return {
    node: process.version,
    os: { platform: os.platform(), release: os.release(), arch: os.arch() },
    cpu: { model: model === '' ? 'unknown' : model, cores: os.availableParallelism() },
    certifyVersion: certifyVersion(),
  };
}
