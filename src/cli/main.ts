import { commands, type CommandName } from './commands.ts';
import { UsageError, usageText } from './usage.ts';

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
  if (first !== undefined && !first.startsWith('-')) {
    if (!isCommandName(first)) throw new UsageError(`unknown command "${first}"`);
    const command = await commands[first]();
    return command(rest);
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
