export type Base64Decoding =
  { readonly ok: true; readonly bytes: Buffer } | { readonly ok: false; readonly reason: string };

const STANDARD = /^[A-Za-z0-9+/]*={0,2}$/;
const URL_SAFE = /^[A-Za-z0-9_-]*={0,2}$/;

/**
 * Strict base64: standard or URL-safe (DSSE verifiers must accept both), padded or not. Node's own
 * decoder skips characters it does not know and ignores unused bits, so a changed character could
 * decode to the same bytes; this refuses anything that is not the one canonical spelling.
 */
export function decodeBase64(text: string): Base64Decoding {
  if (!STANDARD.test(text) && !URL_SAFE.test(text))
    return { ok: false, reason: badCharacter(text) };
  const unpadded = text.replace(/=+$/, '');
  if (unpadded.length !== text.length && text.length % 4 !== 0) {
    return { ok: false, reason: `padding does not fit a length of ${unpadded.length}` };
  }
  if (unpadded.length % 4 === 1) {
    return { ok: false, reason: `a length of ${unpadded.length} characters is not possible` };
  }
  const bytes = Buffer.from(unpadded, 'base64');
  if (bytes.toString('base64url') !== unpadded.replace(/\+/g, '-').replace(/\//g, '_')) {
    return { ok: false, reason: 'the last character has unused bits set (not canonical)' };
  }
  return { ok: true, bytes };
}

function badCharacter(text: string): string {
  // A character outside both alphabets, or padding followed by anything but padding.
  const foreign = /[^A-Za-z0-9+/_=-]|=(?=.*[^=])/.exec(text);
  if (foreign !== null)
    return `character ${JSON.stringify(foreign[0])} at position ${foreign.index}`;
  if (/={3,}$/.test(text)) return 'more than two padding characters';
  return 'it mixes the standard (+/) and URL-safe (-_) alphabets';
}
