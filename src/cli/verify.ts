import { type KeyObject } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import {
  KeyError,
  parsePublicKey,
  publicKeyPathFor,
  readKeyText,
  verifyEnvelope,
  type CheckOutcome,
  type Verification,
} from '../attestation/index.ts';
import { errnoCode } from '../common/index.ts';
import { certificationPredicate } from '../report/index.ts';
import { parseCommandLine, UsageError } from './usage.ts';

const EXIT_FAILED = 1;
const EXIT_IO = 2;

interface TrustedKey {
  readonly publicKey: KeyObject;
  /** Where the key came from, as the output names it. */
  readonly label: string;
  readonly besideEnvelope: boolean;
}

/** A problem reading the inputs (not a failed check): exit code 2. */
class VerifyInputError extends Error {
  override readonly name = 'VerifyInputError';
}

/**
 * `certify verify <envelope> [--key <pub.pem>] [--check-subjects] [--root <dir>]`. The key is
 * `--key`, else the public key beside the envelope (see publicKeyPathFor); never one named by
 * the envelope itself.
 */
export async function runVerify(args: readonly string[]): Promise<number> {
  const { values, positionals } = parseCommandLine(args, {
    allowPositionals: true,
    options: {
      key: { type: 'string' },
      'check-subjects': { type: 'boolean' },
      root: { type: 'string' },
    },
  });
  const [envelopePath, ...extra] = positionals;
  if (envelopePath === undefined) throw new UsageError('verify needs an envelope file');
  if (extra.length > 0)
    throw new UsageError(`verify takes one envelope file, got also "${extra.join(' ')}"`);
  const checkSubjects = values['check-subjects'] === true;
  if (values.root !== undefined && !checkSubjects) {
    throw new UsageError('--root is the folder for --check-subjects; give both or neither');
  }
  try {
    const envelopeText = await readEnvelope(envelopePath);
    const key = await trustedKey(envelopePath, values.key);
    const subjectsRoot = checkSubjects ? await workingTree(values.root ?? '.') : undefined;
    const verification = await verifyEnvelope({
      envelopeText,
      publicKey: key.publicKey,
      predicateSchema: certificationPredicate,
      subjectsRoot,
    });
    process.stdout.write(render(envelopePath, key, verification));
    return verification.verified ? 0 : EXIT_FAILED;
  } catch (error: unknown) {
    if (!(error instanceof VerifyInputError || error instanceof KeyError)) throw error;
    process.stderr.write(`certify verify: ${error.message}\n`);
    return EXIT_IO;
  }
}

/** The folder --check-subjects compares with; a missing one is an I/O problem, not a mismatch. */
async function workingTree(root: string): Promise<string> {
  const info = await stat(root).catch((error: unknown) => {
    throw new VerifyInputError(`cannot read the --root folder ${root} (${errnoCode(error)})`, {
      cause: error,
    });
  });
  if (!info.isDirectory()) throw new VerifyInputError(`--root ${root} is not a folder`);
  return resolve(root);
}

async function readEnvelope(path: string): Promise<string> {
  return readFile(path, 'utf8').catch((error: unknown) => {
    throw new VerifyInputError(`cannot read the envelope ${path} (${errnoCode(error)})`, {
      cause: error,
    });
  });
}

async function trustedKey(envelopePath: string, keyPath: string | undefined): Promise<TrustedKey> {
  const path = keyPath ?? publicKeyPathFor(envelopePath);
  const source = { kind: 'file', path } as const;
  const text = await readKeyText(source).catch((error: unknown) => {
    if (keyPath === undefined && error instanceof KeyError && error.problem.kind === 'unreadable') {
      throw new VerifyInputError(
        `no public key to verify with: pass --key <pub.pem>, or put the signer's public key at ${path} (${error.problem.code})`,
        { cause: error },
      );
    }
    throw error;
  });
  const publicKey = parsePublicKey(text, source);
  return { publicKey, label: path, besideEnvelope: keyPath === undefined };
}

function render(envelopePath: string, key: TrustedKey, verification: Verification): string {
  const lines = [
    `envelope  ${envelopePath}`,
    `key       ${key.label}${key.besideEnvelope ? ' (beside the envelope)' : ''}`,
    '',
  ];
  for (const check of verification.checks) lines.push(...renderCheck(check));
  lines.push('');
  if (key.besideEnvelope) {
    lines.push(
      'note: the key was found beside the envelope, so this shows the report is intact, not who signed it;',
      '      pass --key with a public key you trust to know that.',
    );
  }
  const failed = verification.checks.find((check) => check.status === 'fail');
  lines.push(
    failed === undefined ? 'VERIFIED' : `NOT VERIFIED: ${failed.check}: ${failed.summary}`,
    '',
  );
  return lines.join('\n');
}

function renderCheck(check: CheckOutcome): string[] {
  const status = { pass: 'pass', fail: 'FAIL', 'not-checked': 'not checked' }[check.status];
  const hint =
    check.check === 'subjects' && check.status === 'not-checked' ? ' (pass --check-subjects)' : '';
  const line = `${status.padEnd(13)}${check.check.padEnd(11)}${check.summary}${hint}`;
  if (check.status !== 'fail') return [line];
  return [line, ...check.problems.map((problem) => `${' '.repeat(24)}- ${problem}`)];
}
