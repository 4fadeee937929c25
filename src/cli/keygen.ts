import { KeyPairExistsError, writeKeyPair } from '../attestation/index.ts';
import { AtomicWriteError } from '../common/index.ts';
import { parseCommandLine } from './usage.ts';

const EXIT_IO = 2;

/** `certify keygen [--out <dir>] [--force]`: a fresh Ed25519 key pair for signing reports. */
export async function runKeygen(args: readonly string[]): Promise<number> {
  const { values } = parseCommandLine(args, {
    options: { out: { type: 'string' }, force: { type: 'boolean' } },
  });
  try {
    const written = await writeKeyPair({ folder: values.out ?? '.', force: values.force === true });
    process.stdout.write(
      [
        `private key  ${written.privateKeyPath}  (mode 0600: keep it secret, never commit it)`,
        `public key   ${written.publicKeyPath}`,
        `keyid        ${written.keyid}`,
        '',
        `sign:    certify --key ${written.privateKeyPath}`,
        `         (or put the key's PEM text in CERTIFY_SIGNING_KEY, e.g. a CI secret)`,
        `verify:  certify verify reports/certification.dsse.json --key ${written.publicKeyPath}`,
        '',
      ].join('\n'),
    );
    return 0;
  } catch (error: unknown) {
    if (error instanceof KeyPairExistsError) {
      process.stderr.write(`certify keygen: ${error.message}; pass --force to replace\n`);
      return EXIT_IO;
    }
    if (!(error instanceof AtomicWriteError)) throw error;
    process.stderr.write(`certify keygen: ${error.message}\n`);
    return EXIT_IO;
  }
}
