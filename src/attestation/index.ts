/**
 * The attestation stage: takes the certification report (the predicate) and the subjects, gives
 * a DSSE envelope holding a signed in-toto Statement v1, and the signer's public key.
 *
 * Signing, in order (the report needs to know the key and the git state before it is signed):
 *   const key = await loadSigningKey({ root, keyFile, environment: process.env });
 *   const { subjects, git, skipped } = await collectSubjects({ root, paths });
 *   const statement = buildStatement({ subjects, predicateType, predicate: report });
 *   const signed = signStatement({ statement, key, predicateSchema });
 *   await writeAttestation({ envelopePath, signed });
 * Verifying: verifyEnvelope({ envelopeText, publicKey, predicateSchema, subjectsRoot }).
 */
export {
  IN_TOTO_PAYLOAD_TYPE,
  preAuthenticationEncoding,
  serializeEnvelope,
  type Envelope,
  type EnvelopeSignature,
} from './dsse/index.ts';
export {
  KEY_PAIR_FILE_NAMES,
  KeyError,
  KeyPairExistsError,
  LOCAL_KEY_PATH,
  SIGNING_KEY_VARIABLE,
  describeSource,
  loadSigningKey,
  parsePublicKey,
  readKeyText,
  writeKeyPair,
  type KeyProblem,
  type KeySource,
  type LoadSigningKeyOptions,
  type SigningKey,
  type WriteKeyPairOptions,
  type WrittenKeyPair,
} from './keys/index.ts';
export { type PredicateSchema, type PredicateValidation } from './predicate.ts';
export {
  InvalidStatementError,
  publicKeyPathFor,
  signStatement,
  writeAttestation,
  type SignedAttestation,
  type SignStatementOptions,
  type WriteAttestationOptions,
} from './sign.ts';
export {
  IN_TOTO_STATEMENT_TYPE,
  buildStatement,
  type BuildStatementOptions,
  type Statement,
  type Subject,
} from './statement/index.ts';
export {
  DEFAULT_IGNORED_NAMES,
  GIT_COMMIT_SUBJECT_NAME,
  SubjectError,
  collectSubjects,
  type FileSubjectsOptions,
  type GitState,
  type SkippedPath,
  type SubjectCollection,
  type SubjectProblem,
  type WorkingTreeState,
} from './subjects/index.ts';
export {
  verifyEnvelope,
  type CheckName,
  type CheckOutcome,
  type Verification,
  type VerifyEnvelopeOptions,
} from './verify.ts';
