import { decodeBase64 } from './base64.ts';

/** The payload type of an in-toto Statement in a DSSE envelope. */
export const IN_TOTO_PAYLOAD_TYPE = 'application/vnd.in-toto+json';

/** One signature as it stands in the envelope JSON; keyid is an unauthenticated hint. */
export interface EnvelopeSignature {
  readonly keyid: string;
  readonly sig: string;
}

/** A DSSE envelope as written to disk. */
export interface Envelope {
  readonly payloadType: string;
  readonly payload: string;
  readonly signatures: readonly EnvelopeSignature[];
}

/** An envelope whose fields have been checked and whose base64 has been decoded. */
export interface DecodedEnvelope {
  readonly payloadType: string;
  readonly payload: Buffer;
  readonly signatures: readonly { readonly keyid: string | undefined; readonly sig: Buffer }[];
}

export type EnvelopeParse =
  | { readonly ok: true; readonly envelope: DecodedEnvelope }
  | { readonly ok: false; readonly problems: readonly string[] };

export function serializeEnvelope(envelope: Envelope): string {
  return `${JSON.stringify(envelope, null, 2)}\n`;
}

/** Reads an envelope's JSON text; every problem found names the field it is in. */
export function parseEnvelope(text: string): EnvelopeParse {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error: unknown) {
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, problems: [`the envelope is not JSON: ${reason}`] };
  }
  if (!isRecord(json)) return { ok: false, problems: ['the envelope must be a JSON object'] };
  const problems: string[] = [];
  const payloadType = readPayloadType(json.payloadType, problems);
  const payload = readBase64('payload', json.payload, problems);
  const signatures = readSignatures(json.signatures, problems);
  if (problems.length > 0 || payloadType === undefined || payload === undefined) {
    return { ok: false, problems };
  }
  return { ok: true, envelope: { payloadType, payload, signatures } };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function readPayloadType(value: unknown, problems: string[]): string | undefined {
  if (value === undefined) problems.push('payloadType: missing');
  else if (typeof value !== 'string') problems.push('payloadType: must be a string');
  else if (value !== IN_TOTO_PAYLOAD_TYPE) {
    problems.push(`payloadType is ${JSON.stringify(value)}, expected "${IN_TOTO_PAYLOAD_TYPE}"`);
  } else return value;
  return undefined;
}

function readBase64(field: string, value: unknown, problems: string[]): Buffer | undefined {
  if (value === undefined) problems.push(`${field}: missing`);
  else if (typeof value !== 'string') problems.push(`${field}: must be a base64 string`);
  else {
    const decoded = decodeBase64(value);
    if (decoded.ok) return decoded.bytes;
    problems.push(`${field}: not valid base64 (${decoded.reason})`);
  }
  return undefined;
}

function readSignatures(value: unknown, problems: string[]): DecodedEnvelope['signatures'] {
  if (value === undefined) problems.push('signatures: missing');
  else if (!Array.isArray(value)) problems.push('signatures: must be an array');
  else if (value.length === 0) problems.push('signatures: empty, the envelope is not signed');
  else return value.flatMap((entry: unknown, index) => readSignature(entry, index, problems));
  return [];
}

function readSignature(entry: unknown, index: number, problems: string[]) {
  const at = `signatures[${index}]`;
  if (!isRecord(entry)) {
    problems.push(`${at}: must be an object`);
    return [];
  }
  const problemsBefore = problems.length;
  const { keyid } = entry;
  if (keyid !== undefined && typeof keyid !== 'string')
    problems.push(`${at}.keyid: must be a string`);
  const sig = readBase64(`${at}.sig`, entry.sig, problems);
  if (sig?.length === 0) problems.push(`${at}.sig: empty`);
  if (sig === undefined || problems.length > problemsBefore) return [];
  return [{ keyid: typeof keyid === 'string' ? keyid : undefined, sig }];
}
