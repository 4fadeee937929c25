export { describeSource, KeyError, type KeyProblem, type KeySource } from './key-error.ts';
export { readKeyText } from './key-file.ts';
export {
  KEY_PAIR_FILE_NAMES,
  KeyPairExistsError,
  writeKeyPair,
  type WriteKeyPairOptions,
  type WrittenKeyPair,
} from './key-pair.ts';
export { keyIdOf, parsePublicKey, publicKeyPemOf } from './pem.ts';
export {
  LOCAL_KEY_PATH,
  SIGNING_KEY_VARIABLE,
  loadSigningKey,
  type LoadSigningKeyOptions,
  type SigningKey,
} from './signing-key.ts';
