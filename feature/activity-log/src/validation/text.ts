const encoder = new TextEncoder();
const loneSurrogate = /\p{Surrogate}/u;

/**
 * `text` as UTF-8, or undefined when it holds a lone surrogate, which UTF-8 cannot represent
 * (encoding would silently replace it, and the stored text would differ from the given one).
 */
export function utf8(text: string): Uint8Array | undefined {
  return loneSurrogate.test(text) ? undefined : encoder.encode(text);
}
