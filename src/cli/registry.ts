import { asksForHelp, commandUsageText } from './help.ts';
import { UsageError, type Command } from './usage.ts';

/**
 * `certify registry <sub-command>`: one line per sub-command, each module imported only when it
 * runs (`check` must not load live-check's gRPC, protobuf and OpenTelemetry stack).
 */
const registryCommands = {
  check: async () => (await import('./registry-check.ts')).runRegistryCheckCommand,
  'live-check': async () => (await import('./live-check.ts')).runLiveCheckCommand,
} satisfies Record<string, () => Promise<Command>>;

function isRegistryCommand(word: string): word is keyof typeof registryCommands {
  return Object.hasOwn(registryCommands, word);
}

export async function runRegistryCommand(args: readonly string[]): Promise<number> {
  const [name, ...rest] = args;
  const known = Object.keys(registryCommands).join(', ');
  if (name === '--help' || name === '-h') {
    process.stdout.write(commandUsageText('registry'));
    return 0;
  }
  if (name === undefined) throw new UsageError(`registry needs a sub-command: ${known}`);
  if (!isRegistryCommand(name))
    throw new UsageError(`unknown registry sub-command "${name}"; known: ${known}`);
  if (asksForHelp(rest)) {
    process.stdout.write(commandUsageText(`registry ${name}`));
    return 0;
  }
  const command = await registryCommands[name]();
  return command(rest);
}
