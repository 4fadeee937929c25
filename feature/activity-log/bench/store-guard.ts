/**
 * The hot-path cases' state guard: after the last timed call, every event the store must hold is
 * read back through the public API and compared, by count and by a checksum of each user's
 * events in order, with what the case logged. A case that stored fewer rows, other rows, rows out
 * of order or refused rows fails, whatever figure it showed.
 */
import { ACTION_TYPE_BY_CODE, type ActivityEvent, type ActivityLog } from '../src/index.ts';
import type { StoredRow } from './batch-stream.ts';

/** A user's `index`-th event, hashed: the checksum sees users, actions, times and their order. */
function eventHash(userId: number, actionCode: number, timeMs: number, index: number): number {
  let hash =
    Math.imul(userId >>> 0, 0x9e37_79b1) ^ Math.imul(Math.floor(userId / 2 ** 32), 0x85eb_ca6b);
  hash = Math.imul(hash ^ actionCode, 0xc2b2_ae35) ^ Math.imul(timeMs | 0, 0x27d4_eb2f);
  hash ^= Math.imul(Math.floor(timeMs / 2 ** 32), 0x1656_67b1) ^ Math.imul(index + 1, 0x9e37_79b9);
  return hash >>> 0;
}

/** Count and checksum of a sequence of stored rows, per user in order. */
export class StoreDigest {
  count = 0;
  checksum = 0;
  readonly #perUser = new Map<number, number>();

  add(row: StoredRow): void {
    const index = this.#perUser.get(row.userId) ?? 0;
    this.#perUser.set(row.userId, index + 1);
    this.count += 1;
    this.checksum =
      (this.checksum + eventHash(row.userId, row.actionCode, row.timeMs, index)) >>> 0;
  }

  /** The users whose events the digest covers. */
  users(): IterableIterator<number> {
    return this.#perUser.keys();
  }
}

function actionCodeOf(event: ActivityEvent): number {
  return ACTION_TYPE_BY_CODE.indexOf(event.actionType);
}

/** What `log` holds for the users of `expected`, read back, against `expected`. */
export function storeProblems(log: ActivityLog, expected: StoreDigest): string[] {
  if (log.countEvents() !== expected.count) {
    return [`the log holds ${log.countEvents()} events, expected ${expected.count}`];
  }
  const read = new StoreDigest();
  for (const userId of expected.users()) {
    for (const event of log.getEventsForUser(userId)) {
      read.add({ userId, actionCode: actionCodeOf(event), timeMs: event.timestamp.getTime() });
    }
  }
  if (read.count !== expected.count || read.checksum !== expected.checksum) {
    return [
      `the events read back (${read.count}, checksum ${read.checksum.toString(16)}) differ from those logged (${expected.count}, checksum ${expected.checksum.toString(16)})`,
    ];
  }
  return [];
}
