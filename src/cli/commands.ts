import { runBenchCommand } from './bench.ts';
import { runCertify } from './certify.ts';
import { runKeygen } from './keygen.ts';
import { runVerify } from './verify.ts';
import { runRegistryCommand } from './registry.ts';

/** Each sub-command takes the arguments after its name and resolves to an exit code. */
export const commands = {
  certify: runCertify,
  bench: runBenchCommand,
  keygen: runKeygen,
  verify: runVerify,
  registry: runRegistryCommand,
} satisfies Record<string, (args: readonly string[]) => Promise<number>>;

export type CommandName = keyof typeof commands;
