import { sign, verify, type KeyObject } from 'node:crypto';
import { type DecodedEnvelope, type Envelope } from './envelope.ts';
import { preAuthenticationEncoding } from './pae.ts';

export interface SignPayloadOptions {
  readonly payloadType: string;
  readonly payload: Uint8Array;
  /** An Ed25519 private key. */
  readonly privateKey: KeyObject;
  readonly keyid: string;
}

/** Signs the PAE of the payload (never the envelope JSON) with Ed25519. */
export function signPayload(options: SignPayloadOptions): Envelope {
  const { payloadType, payload, privateKey, keyid } = options;
  // Ed25519 hashes internally: the algorithm argument must be null.
  const sig = sign(null, preAuthenticationEncoding(payloadType, payload), privateKey);
  return {
    payloadType,
    payload: Buffer.from(payload).toString('base64'),
    signatures: [{ keyid, sig: sig.toString('base64') }],
  };
}

/**
 * The index of the first signature that verifies with `publicKey`, else undefined. Every
 * signature is tried: keyids are unauthenticated hints and decide nothing.
 */
export function findVerifyingSignature(
  envelope: DecodedEnvelope,
  publicKey: KeyObject,
): number | undefined {
  const signed = preAuthenticationEncoding(envelope.payloadType, envelope.payload);
  const index = envelope.signatures.findIndex(({ sig }) => verify(null, signed, publicKey, sig));
  return index < 0 ? undefined : index;
}
