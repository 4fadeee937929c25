export { decodeBase64, type Base64Decoding } from './base64.ts';
export {
  IN_TOTO_PAYLOAD_TYPE,
  parseEnvelope,
  serializeEnvelope,
  type DecodedEnvelope,
  type Envelope,
  type EnvelopeParse,
  type EnvelopeSignature,
} from './envelope.ts';
export { preAuthenticationEncoding } from './pae.ts';
export { findVerifyingSignature, signPayload, type SignPayloadOptions } from './signature.ts';
