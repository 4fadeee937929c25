import type { Command } from './usage.ts';

/**
 * Each command's module is imported only when that command runs, so a command loads only its own
 * dependencies (`registry check` does not pay for OpenTelemetry, gRPC, listr2 or execa).
 */
export const commands = {
  certify: async () => (await import('./certify.ts')).runCertify,
  bench: async () => (await import('./bench.ts')).runBenchCommand,
  keygen: async () => (await import('./keygen.ts')).runKeygen,
  verify: async () => (await import('./verify.ts')).runVerify,
  registry: async () => (await import('./registry.ts')).runRegistryCommand,
} satisfies Record<string, () => Promise<Command>>;

export type CommandName = keyof typeof commands;
