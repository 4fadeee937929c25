/** Names longer than this are decoded each time: real span names and attribute keys are shorter. */
const longestName = 128;
/** Distinct names kept; a stream of random names empties the table instead of growing it. */
const namesKept = 4096;

interface NameEntry {
  readonly bytes: Buffer;
  readonly text: string;
  /** Another entry with the same hash. */
  readonly sameHash: NameEntry | undefined;
  /** The name read right after this one, last time: most likely the next one again. */
  followedBy: NameEntry | undefined;
}

function holds(entry: NameEntry, buffer: Buffer, start: number, length: number): boolean {
  const bytes = entry.bytes;
  if (bytes.length !== length) return false;
  for (let index = 0; index < length; index += 1) {
    if (bytes[index] !== buffer[start + index]) return false;
  }
  return true;
}

/** A small integer hash (a Smi, the cheapest map key) of the bytes; collisions are checked. */
function hashOf(buffer: Buffer, start: number, end: number): number {
  let hash = end - start;
  for (let index = start; index < end; index += 1) {
    hash = (Math.imul(hash, 31) + (buffer[index] ?? 0)) | 0;
  }
  return hash & 0x3fffffff;
}

/**
 * Names decoded from UTF-8 once: span names and attribute keys repeat in every request, so the
 * same bytes give back the same string. That saves decoding it and, because the string is then
 * the very same object, every map lookup keyed by it reuses its hash. Names also come in the same
 * order span after span, so the name that followed the previous one is tried first, before
 * hashing. Either way the bytes are compared in full: the text is always what
 * `buffer.toString('utf8', start, end)` gives for them.
 */
export class NameTable {
  private readonly byHash = new Map<number, NameEntry>();
  private size = 0;
  private previous: NameEntry | undefined;

  text(buffer: Buffer, start: number, end: number): string {
    const length = end - start;
    if (length > longestName) return buffer.toString('utf8', start, end);
    const guess = this.previous?.followedBy;
    const entry =
      guess !== undefined && holds(guess, buffer, start, length)
        ? guess
        : this.lookUp(buffer, start, end);
    if (this.previous !== undefined) this.previous.followedBy = entry;
    this.previous = entry;
    return entry.text;
  }

  private lookUp(buffer: Buffer, start: number, end: number): NameEntry {
    const hash = hashOf(buffer, start, end);
    const first = this.byHash.get(hash);
    for (let entry = first; entry !== undefined; entry = entry.sameHash) {
      if (holds(entry, buffer, start, end - start)) return entry;
    }
    if (this.size >= namesKept) this.forgetAll();
    const entry: NameEntry = {
      // A copy: the receiver reuses the request's buffer once the request is handled.
      bytes: Buffer.from(buffer.subarray(start, end)),
      text: buffer.toString('utf8', start, end),
      sameHash: this.size === 0 ? undefined : first,
      followedBy: undefined,
    };
    this.byHash.set(hash, entry);
    this.size += 1;
    return entry;
  }

  private forgetAll(): void {
    this.byHash.clear();
    this.size = 0;
    this.previous = undefined;
  }
}
