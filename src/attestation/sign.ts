import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { writeFileAtomic } from '../common/index.ts';
import {
  IN_TOTO_PAYLOAD_TYPE,
  serializeEnvelope,
  signPayload,
  type Envelope,
} from './dsse/index.ts';
import { type KeySource, type SigningKey } from './keys/index.ts';
import { type PredicateSchema } from './predicate.ts';
import { validateStatement, type Statement } from './statement/index.ts';

/** A Statement or predicate that is not valid was about to be signed. Nothing was signed. */
export class InvalidStatementError extends Error {
  override readonly name = 'InvalidStatementError';
  readonly problems: readonly string[];

  constructor(what: string, problems: readonly string[]) {
    super(`refusing to sign an invalid ${what}:\n  ${problems.join('\n  ')}`);
    this.problems = problems;
  }
}

export interface SignStatementOptions {
  readonly statement: Statement<unknown>;
  readonly key: SigningKey;
  /** When given, the predicate is checked against it before signing. */
  readonly predicateSchema?: PredicateSchema | undefined;
}

/** The signed envelope, and what the report should say about who signed it. */
export interface SignedAttestation {
  readonly envelope: Envelope;
  readonly publicKeyPem: string;
  readonly keyid: string;
  readonly keySource: KeySource;
  /** Signed with certify's local key because no key was given: nobody vouches for it. */
  readonly selfSigned: boolean;
}

/** Checks the Statement (and its predicate, if a schema is given), then signs it into DSSE. */
export function signStatement(options: SignStatementOptions): SignedAttestation {
  const { statement, key, predicateSchema } = options;
  const payloadText = JSON.stringify(statement);
  const structure = validateStatement(JSON.parse(payloadText));
  if (!structure.ok) throw new InvalidStatementError('in-toto Statement', structure.problems);
  if (predicateSchema !== undefined) {
    const predicate = predicateSchema.validate(structure.statement.predicate);
    if (!predicate.ok) throw new InvalidStatementError('predicate', predicate.problems);
  }
  const envelope = signPayload({
    payloadType: IN_TOTO_PAYLOAD_TYPE,
    payload: Buffer.from(payloadText, 'utf8'),
    privateKey: key.privateKey,
    keyid: key.keyid,
  });
  return {
    envelope,
    publicKeyPem: key.publicKeyPem,
    keyid: key.keyid,
    keySource: key.source,
    selfSigned: key.selfSigned,
  };
}

/**
 * The public key's path for an envelope: beside it, `.dsse.json` (or `.json`) replaced by
 * `.pub.pem`, e.g. reports/certification.dsse.json → reports/certification.pub.pem.
 */
export function publicKeyPathFor(envelopePath: string): string {
  return `${envelopePath.replace(/(\.dsse)?\.json$/, '')}.pub.pem`;
}

export interface WriteAttestationOptions {
  readonly envelopePath: string;
  readonly signed: SignedAttestation;
}

/** Writes the envelope and, beside it, the public key (publicKeyPathFor), each atomically. */
export async function writeAttestation(
  options: WriteAttestationOptions,
): Promise<{ readonly envelopePath: string; readonly publicKeyPath: string }> {
  const { envelopePath, signed } = options;
  const publicKeyPath = publicKeyPathFor(envelopePath);
  await mkdir(dirname(envelopePath), { recursive: true });
  await writeFileAtomic(envelopePath, serializeEnvelope(signed.envelope), { mode: 0o644 });
  await writeFileAtomic(publicKeyPath, signed.publicKeyPem, { mode: 0o644 });
  return { envelopePath, publicKeyPath };
}
