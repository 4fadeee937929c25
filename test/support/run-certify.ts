import { resolve } from 'node:path';
import { execa } from 'execa';

export const projectRoot = resolve(import.meta.dirname, '../..');
const certifyBin = resolve(projectRoot, 'bin/certify.js');

export interface CertifyRun {
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the real `certify` executable as a child process, the way a user or CI would. */
export async function runCertify(
  args: readonly string[],
  options: { cwd?: string; env?: Record<string, string> } = {},
): Promise<CertifyRun> {
  const result = await execa('node', [certifyBin, ...args], {
    cwd: options.cwd ?? projectRoot,
    env: { ...options.env, FORCE_COLOR: '0' },
    reject: false,
  });
  return { exitCode: result.exitCode ?? -1, stdout: result.stdout, stderr: result.stderr };
}
