import { runCertify } from './certify.ts';

/** Each sub-command takes the arguments after its name and resolves to an exit code. */
export const commands = {
  certify: runCertify,
} satisfies Record<string, (args: readonly string[]) => Promise<number>>;

export type CommandName = keyof typeof commands;
