/** Where a key came from; named in every key error, the key itself never is. */
export type KeySource =
  | { readonly kind: 'environment'; readonly variable: string }
  | { readonly kind: 'file'; readonly path: string }
  | { readonly kind: 'local'; readonly path: string };

export type KeyProblem =
  | { readonly kind: 'unreadable'; readonly code: string }
  | { readonly kind: 'cannot-create'; readonly code: string }
  | { readonly kind: 'empty' }
  | { readonly kind: 'malformed' }
  | { readonly kind: 'encrypted' }
  | { readonly kind: 'not-ed25519'; readonly keyType: string }
  | { readonly kind: 'public-not-private' }
  | { readonly kind: 'private-not-public' }
  | { readonly kind: 'permissions-too-open'; readonly mode: number };

/**
 * A key that cannot be used. The message says which key (by its source) and what is wrong with
 * it; it never quotes the key's text, which may be a private key.
 */
export class KeyError extends Error {
  override readonly name = 'KeyError';
  readonly source: KeySource;
  readonly problem: KeyProblem;

  /** `cause` is the underlying error (an errno or OpenSSL code), never the key text. */
  constructor(source: KeySource, problem: KeyProblem, cause?: unknown) {
    super(`${describeSource(source)}: ${describeProblem(source, problem)}`, { cause });
    this.source = source;
    this.problem = problem;
  }
}

export function describeSource(source: KeySource): string {
  switch (source.kind) {
    case 'environment':
      return `the key in ${source.variable}`;
    case 'file':
      return `the key file ${source.path}`;
    case 'local':
      return `the local self-signing key ${source.path}`;
  }
}

function describeProblem(source: KeySource, problem: KeyProblem): string {
  switch (problem.kind) {
    case 'unreadable':
      return `cannot be read (${problem.code})`;
    case 'cannot-create':
      return `cannot be created (${problem.code}); give a key with --key or CERTIFY_SIGNING_KEY`;
    case 'empty':
      return 'is empty';
    case 'malformed':
      return 'is not a PEM key (expected an Ed25519 key in PKCS#8 or SPKI PEM)';
    case 'encrypted':
      return 'is encrypted with a passphrase; certify needs an unencrypted Ed25519 private key';
    case 'not-ed25519':
      return `is a ${problem.keyType} key; certify signs with Ed25519 only`;
    case 'public-not-private':
      return 'is a public key; signing needs the private key';
    case 'private-not-public':
      return 'is a private key; verifying needs only the public key, keep the private one secret';
    case 'permissions-too-open': {
      const mode = (problem.mode & 0o777).toString(8).padStart(4, '0');
      const path = source.kind === 'environment' ? source.variable : source.path;
      return `is readable or writable by other users (mode ${mode}); run: chmod 600 ${path}`;
    }
  }
}
