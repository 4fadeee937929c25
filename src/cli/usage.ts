import { parseArgs, type ParseArgsConfig } from 'node:util';

/** A command or sub-command: takes the arguments after its name, resolves to an exit code. */
export type Command = (args: readonly string[]) => Promise<number>;

/** A problem with the command line itself: reported in one line, exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** `given`, when it is one of `allowed`; otherwise a UsageError naming the flag and the choices. */
export function oneOf<T extends string>(flag: string, given: string, allowed: readonly T[]): T {
  const found = allowed.find((value) => value === given);
  if (found === undefined) {
    throw new UsageError(`${flag} must be one of ${allowed.join(', ')}; got "${given}"`);
  }
  return found;
}

/** `util.parseArgs` in strict mode, with its errors turned into UsageError. */
export function parseCommandLine<T extends Omit<ParseArgsConfig, 'args' | 'strict'>>(
  args: readonly string[],
  config: T,
) {
  try {
    return parseArgs({ ...config, args: [...args], strict: true as const });
  } catch (error: unknown) {
    if (error instanceof TypeError) throw new UsageError(error.message);
    throw error;
  }
}
