import { createHash, createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import { KeyError, type KeySource } from './key-error.ts';

const ENCRYPTED_PEM = /-----BEGIN ENCRYPTED PRIVATE KEY-----|Proc-Type: 4,ENCRYPTED/;

type Parsed = { readonly key: KeyObject } | { readonly error: unknown };

function parseWith(
  parse: (options: { key: string; format: 'pem' }) => KeyObject,
  pem: string,
): Parsed {
  try {
    return { key: parse({ key: pem, format: 'pem' }) };
  } catch (error: unknown) {
    return { error };
  }
}

/** An Ed25519 private key from PEM text, or a KeyError saying what the text is instead. */
export function parsePrivateKey(pem: string, source: KeySource): KeyObject {
  if (pem.trim() === '') throw new KeyError(source, { kind: 'empty' });
  // Checked first: OpenSSL would otherwise try to ask for a passphrase.
  if (ENCRYPTED_PEM.test(pem)) throw new KeyError(source, { kind: 'encrypted' });
  const parsed = parseWith(createPrivateKey, pem);
  if ('error' in parsed) {
    const isPublic = 'key' in parseWith(createPublicKey, pem);
    const kind = isPublic ? 'public-not-private' : 'malformed';
    throw new KeyError(source, { kind }, parsed.error);
  }
  return requireEd25519(parsed.key, source);
}

/** An Ed25519 public key from PEM text; a private key is refused rather than quietly derived. */
export function parsePublicKey(pem: string, source: KeySource): KeyObject {
  if (pem.trim() === '') throw new KeyError(source, { kind: 'empty' });
  if (ENCRYPTED_PEM.test(pem) || 'key' in parseWith(createPrivateKey, pem)) {
    throw new KeyError(source, { kind: 'private-not-public' });
  }
  const parsed = parseWith(createPublicKey, pem);
  if ('error' in parsed) throw new KeyError(source, { kind: 'malformed' }, parsed.error);
  return requireEd25519(parsed.key, source);
}

/** The common DSSE keyid: hex sha256 of the public key's SPKI DER encoding. */
export function keyIdOf(publicKey: KeyObject): string {
  const der = publicKey.export({ type: 'spki', format: 'der' });
  return createHash('sha256').update(der).digest('hex');
}

export function publicKeyPemOf(publicKey: KeyObject): string {
  return publicKey.export({ type: 'spki', format: 'pem' }).toString();
}

export function privateKeyPemOf(privateKey: KeyObject): string {
  return privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
}

function requireEd25519(key: KeyObject, source: KeySource): KeyObject {
  const keyType = key.asymmetricKeyType ?? 'unknown';
  if (keyType !== 'ed25519') throw new KeyError(source, { kind: 'not-ed25519', keyType });
  return key;
}
