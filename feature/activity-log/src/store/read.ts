import { ACTION_TYPE_BY_CODE, ActionType } from '../action-type.ts';
import type { ActivityEvent } from '../event.ts';
import { committedRows } from './counters.ts';
import type { EventStore } from './event-store.ts';
import { extrasDetails, extrasEventId } from './extras.ts';
import { HIGH_WORD, LOW_WORD, userIdFromWords } from './words.ts';

/** The event stored at `row`, rebuilt from its columns. */
export function readRow(store: EventStore, row: number): ActivityEvent {
  const userId = userIdFromWords(
    store.userWords[row * 2 + LOW_WORD] ?? 0,
    store.userWords[row * 2 + HIGH_WORD] ?? 0,
  );
  const actionType = ACTION_TYPE_BY_CODE[store.actionCodes[row] ?? 0] ?? ActionType.Login;
  const timestamp = new Date(store.timestamps[row] ?? Number.NaN);
  const extras = store.extrasRefs[row] ?? 0;
  if (extras === 0) return { userId, actionType, timestamp };
  const eventId = extrasEventId(store, extras);
  const detailsText = extrasDetails(store, extras);
  return {
    userId,
    actionType,
    timestamp,
    ...(detailsText === undefined ? {} : { details: detailsFromJson(detailsText) }),
    ...(eventId === undefined ? {} : { eventId }),
  };
}

/**
 * Details back from their stored JSON entries. A null-prototype object, so a key such as
 * `__proto__` or `constructor` is an ordinary own entry and reaches no prototype.
 */
function detailsFromJson(text: string): Readonly<Record<string, string>> {
  const entries = JSON.parse(text) as [string, string][];
  const details = Object.create(null) as Record<string, string>;
  for (const [key, value] of entries) details[key] = value;
  return Object.freeze(details);
}

/**
 * Rows per user, built lazily: each read first indexes the rows committed since the last read,
 * so appending never pays for the index.
 */
export class UserIndex {
  readonly #store: EventStore;
  readonly #rowsByUser = new Map<number | bigint, number[]>();
  #indexedRows = 0;

  constructor(store: EventStore) {
    this.#store = store;
  }

  /** Rows of `userId` (in canonical form, see `userIdFromWords`), in the order logged. */
  rowsOf(userId: number | bigint): readonly number[] {
    this.#catchUp();
    return this.#rowsByUser.get(userId) ?? [];
  }

  #catchUp(): void {
    const words = this.#store.userWords;
    const end = committedRows(this.#store.header);
    for (let row = this.#indexedRows; row < end; row++) {
      const user = userIdFromWords(words[row * 2 + LOW_WORD] ?? 0, words[row * 2 + HIGH_WORD] ?? 0);
      const rows = this.#rowsByUser.get(user);
      if (rows === undefined) this.#rowsByUser.set(user, [row]);
      else rows.push(row);
    }
    this.#indexedRows = end;
  }
}
