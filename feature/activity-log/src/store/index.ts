export { appendEvent, type AppendOutcome, type EncodedEvent } from './append-event.ts';
export { lockAppends, unlockAppends } from './append-lock.ts';
export { type ColumnMemory, isWebAssemblyMemory } from './column-memory.ts';
export { committedRows, publishRows, type RowRange } from './counters.ts';
export { EventStore, SHARED_STORE_FORMAT, type SharedActivityStore } from './event-store.ts';
export { MAX_PRODUCERS, WINDOW_ROWS } from './layout.ts';
export {
  expectedSequence,
  findProducer,
  type ProducerSlot,
  recordProducer,
  roomForProducer,
} from './producers.ts';
export { readRow, UserIndex } from './read.ts';
export { HIGH_WORD, LOW_WORD, WORD } from './words.ts';
