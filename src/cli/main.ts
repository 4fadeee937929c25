import { commands, type CommandName } from './commands.ts';
import { asksForHelp, commandUsageText, usageText } from './help.ts';
import { UsageError } from './usage.ts';

/** Exit codes shared by every command: 2 is always a usage or configuration problem. */
const EXIT_USAGE = 2;

function isCommandName(word: string): word is CommandName {
  return Object.hasOwn(commands, word);
}

async function main(argv: readonly string[]): Promise<number> {
  const [first, ...rest] = argv;
  if (first === '--help' || first === '-h' || first === 'help') {
    process.stdout.write(usageText());
    return 0;
  }
  if (first === '--version') {
    const { certifyVersion } = await import('../report/index.ts');
    process.stdout.write(`certify ${certifyVersion()}\n`);
    return 0;
  }
  if (first !== undefined && !first.startsWith('-')) {
    if (!isCommandName(first)) throw new UsageError(`unknown command "${first}"`);
    // `registry` answers for its sub-commands.
    if (first !== 'registry' && asksForHelp(rest)) {
      process.stdout.write(commandUsageText(first));
      return 0;
    }
    const command = await commands[first]();
    return command(rest);
  }
  if (asksForHelp(argv)) {
    process.stdout.write(usageText());
    return 0;
  }
  const certify = await commands.certify();
  return certify(argv);
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error: unknown) {
  if (!(error instanceof UsageError)) throw error;
  process.stderr.write(`certify: ${error.message}\nRun "certify --help" for usage.\n`);
  process.exitCode = EXIT_USAGE;
}
