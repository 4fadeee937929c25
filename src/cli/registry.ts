import { runLiveCheckCommand } from './live-check.ts';
import { runRegistryCheckCommand } from './registry-check.ts';
import { UsageError } from './usage.ts';

/** `certify registry <sub-command>`: one line per sub-command. */
const registryCommands = {
  check: runRegistryCheckCommand,
  'live-check': runLiveCheckCommand,
} satisfies Record<string, (args: readonly string[]) => Promise<number>>;

function isRegistryCommand(word: string): word is keyof typeof registryCommands {
  return Object.hasOwn(registryCommands, word);
}

export async function runRegistryCommand(args: readonly string[]): Promise<number> {
  const [name, ...rest] = args;
  const known = Object.keys(registryCommands).join(', ');
  if (name === undefined) throw new UsageError(`registry needs a sub-command: ${known}`);
  if (!isRegistryCommand(name))
    throw new UsageError(`unknown registry sub-command "${name}"; known: ${known}`);
  return registryCommands[name](rest);
}
