export { appendEvent, type AppendOutcome, type EncodedEvent } from './append-event.ts';
export { committedRows, publishRows, takeUpTo, type RowRange } from './counters.ts';
export { EventStore, SHARED_STORE_FORMAT, type SharedActivityStore } from './event-store.ts';
export { RESERVED_ROWS } from './layout.ts';
export { readRow, UserIndex } from './read.ts';
export { HIGH_WORD, LOW_WORD, WORD } from './words.ts';
