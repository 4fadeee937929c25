/**
 * The hot-path cases' state guard: after the last timed call, every row the store holds is
 * hashed in store order, straight from the store's columns (through the handle `log.share()`
 * gives), and compared, by count and by that order-sensitive checksum, with the rows the case
 * logged. A case that stored fewer rows, other rows, rows out of order or refused rows fails,
 * whatever figure it showed. Hashing the columns of a full store takes about 40 ms; reading every
 * user back through `getEventsForUser` took about 250 ms per measuring process (the feature's
 * tests cover that read path).
 */
import type { ActivityLog } from '../src/index.ts';
import { EventStore, HIGH_WORD, LOW_WORD } from '../src/store/index.ts';
import type { StoredRow } from './batch-stream.ts';

const WORD = 2 ** 32;

/** One row hashed with its position, from its user id's two words, action code and time. */
function rowHash(
  low: number,
  high: number,
  actionCode: number,
  timeMs: number,
  at: number,
): number {
  let hash = Math.imul(low ^ 0x9e37_79b9, 0x85eb_ca6b) ^ Math.imul(high, 0xc2b2_ae35);
  hash = Math.imul(hash ^ actionCode, 0x27d4_eb2f) ^ Math.imul(timeMs | 0, 0x1656_67b1);
  hash ^= Math.imul(Math.floor(timeMs / WORD), 0x9e37_79b1) ^ Math.imul(at + 1, 0x2545_f491);
  return hash >>> 0;
}

/** Count and checksum of a sequence of rows in store order. */
export class StoreDigest {
  count = 0;
  checksum = 0;

  add(row: StoredRow): void {
    const low = row.userId % WORD;
    const high = Math.floor(row.userId / WORD);
    this.checksum =
      (this.checksum + rowHash(low, high, row.actionCode, row.timeMs, this.count)) >>> 0;
    this.count += 1;
  }
}

/** The digest of what `log`'s store holds, read from its columns. */
function storedDigest(log: ActivityLog): { count: number; checksum: number } {
  const store = EventStore.attach(log.share());
  const count = log.countEvents();
  let checksum = 0;
  for (let at = 0; at < count; at += 1) {
    const low = store.userWords[2 * at + LOW_WORD] ?? 0;
    const high = store.userWords[2 * at + HIGH_WORD] ?? 0;
    const code = store.actionCodes[at] ?? 0;
    checksum = (checksum + rowHash(low, high, code, store.timestamps[at] ?? 0, at)) >>> 0;
  }
  return { count, checksum };
}

/** What `log` holds against `expected`: its count and every row's checksum. */
export function storeProblems(log: ActivityLog, expected: StoreDigest): string[] {
  const stored = storedDigest(log);
  if (stored.count !== expected.count) {
    return [`the log holds ${stored.count} events, expected ${expected.count}`];
  }
  if (stored.checksum !== expected.checksum) {
    return [
      `the rows stored (checksum ${stored.checksum.toString(16)}) differ from those logged (${expected.checksum.toString(16)})`,
    ];
  }
  return [];
}
