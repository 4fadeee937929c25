import { type KeyObject } from 'node:crypto';
import { plural } from '../common/index.ts';
import { findVerifyingSignature, parseEnvelope, type DecodedEnvelope } from './dsse/index.ts';
import { keyIdOf } from './keys/index.ts';
import { type PredicateSchema } from './predicate.ts';
import { validateStatement, type Statement } from './statement/index.ts';
import { checkSubjects } from './subjects/index.ts';

export type CheckName = 'envelope' | 'signature' | 'statement' | 'predicate' | 'subjects';

/** One step of verification. "not-checked" says what was not asked for or not possible. */
export type CheckOutcome =
  | { readonly check: CheckName; readonly status: 'pass'; readonly summary: string }
  | { readonly check: CheckName; readonly status: 'not-checked'; readonly summary: string }
  | {
      readonly check: CheckName;
      readonly status: 'fail';
      readonly summary: string;
      readonly problems: readonly string[];
    };

export type Verification =
  | {
      readonly verified: true;
      readonly statement: Statement;
      readonly checks: readonly CheckOutcome[];
    }
  | { readonly verified: false; readonly checks: readonly CheckOutcome[] };

export interface VerifyEnvelopeOptions {
  /** The envelope file's text. */
  readonly envelopeText: string;
  /** The key to trust. The envelope's keyids are hints and never choose it. */
  readonly publicKey: KeyObject;
  /** Without it the predicate is reported "not-checked". */
  readonly predicateSchema?: PredicateSchema | undefined;
  /** When given, every subject is checked against the working tree under this folder. */
  readonly subjectsRoot?: string | undefined;
}

/**
 * Envelope, then signature over the PAE, then (only for a signed payload) the Statement, the
 * predicate and the subjects. Verified only when no check fails.
 */
export async function verifyEnvelope(options: VerifyEnvelopeOptions): Promise<Verification> {
  const checks: CheckOutcome[] = [];
  const parsed = parseEnvelope(options.envelopeText);
  if (!parsed.ok) return failed(checks, 'envelope', 'not a valid DSSE envelope', parsed.problems);
  const { envelope } = parsed;
  const count = envelope.signatures.length;
  checks.push(
    pass('envelope', `DSSE, payloadType ${envelope.payloadType}, ${plural(count, 'signature')}`),
  );
  const signature = checkSignature(envelope, options.publicKey);
  checks.push(signature);
  if (signature.status === 'fail') return { verified: false, checks };
  const statement = readStatement(envelope.payload);
  if (!statement.ok)
    return failed(checks, 'statement', 'not an in-toto Statement v1', statement.problems);
  const { subject, predicateType } = statement.statement;
  checks.push(
    pass(
      'statement',
      `in-toto Statement v1, ${plural(subject.length, 'subject')}, predicateType ${predicateType}`,
    ),
  );
  checks.push(checkPredicate(statement.statement, options.predicateSchema));
  checks.push(await checkWorkingTree(statement.statement, options.subjectsRoot));
  const verified = checks.every((check) => check.status !== 'fail');
  return verified ? { verified, statement: statement.statement, checks } : { verified, checks };
}

function checkSignature(envelope: DecodedEnvelope, publicKey: KeyObject): CheckOutcome {
  const keyid = keyIdOf(publicKey);
  const index = findVerifyingSignature(envelope, publicKey);
  const count = envelope.signatures.length;
  if (index === undefined) {
    const hints = envelope.signatures.map((signature) => signature.keyid ?? '(none)').join(', ');
    return fail('signature', `no signature verifies with the key ${keyid}`, [
      `tried ${plural(count, 'Ed25519 signature')} over the PAE of the payload (keyid hints, not trusted: ${hints})`,
      'the payload or the signature was changed, or it was signed with another key',
    ]);
  }
  return pass(
    'signature',
    `Ed25519 signature ${index + 1} of ${count} verifies over the PAE with the key ${keyid}`,
  );
}

type StatementRead =
  | { readonly ok: true; readonly statement: Statement }
  | { readonly ok: false; readonly problems: readonly string[] };

function readStatement(payload: Buffer): StatementRead {
  let json: unknown;
  try {
    json = JSON.parse(payload.toString('utf8'));
  } catch (error: unknown) {
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, problems: [`the payload is not JSON: ${reason}`] };
  }
  return validateStatement(json);
}

function checkPredicate(statement: Statement, schema: PredicateSchema | undefined): CheckOutcome {
  const { predicateType } = statement;
  if (schema === undefined) {
    return {
      check: 'predicate',
      status: 'not-checked',
      summary: `no schema given for ${predicateType}`,
    };
  }
  if (predicateType !== schema.predicateType) {
    return fail('predicate', `unexpected predicateType`, [
      `predicateType is ${predicateType}, expected ${schema.predicateType}`,
    ]);
  }
  const validation = schema.validate(statement.predicate);
  if (!validation.ok) return fail('predicate', `not valid against its schema`, validation.problems);
  return pass('predicate', `valid against the schema of ${predicateType}`);
}

async function checkWorkingTree(
  statement: Statement,
  root: string | undefined,
): Promise<CheckOutcome> {
  if (root === undefined) {
    return {
      check: 'subjects',
      status: 'not-checked',
      summary: 'not compared with the working tree',
    };
  }
  const total = statement.subject.length;
  const { matched, problems } = await checkSubjects({ root, subjects: statement.subject });
  if (problems.length > 0) {
    return fail(
      'subjects',
      `${problems.length} of ${total} do not match the working tree in ${root}`,
      problems,
    );
  }
  return pass('subjects', `all ${plural(matched, 'subject')} match the working tree in ${root}`);
}

function pass(check: CheckName, summary: string): CheckOutcome {
  return { check, status: 'pass', summary };
}

function fail(check: CheckName, summary: string, problems: readonly string[]): CheckOutcome {
  return { check, status: 'fail', summary, problems };
}

function failed(
  checks: CheckOutcome[],
  check: CheckName,
  summary: string,
  problems: readonly string[],
): Verification {
  return { verified: false, checks: [...checks, fail(check, summary, problems)] };
}
