/**
 * Run by the jitless test as its own process (`node --jitless`, where there is no WebAssembly):
 * logs batches through the JavaScript row checks and prints what came back, as JSON.
 */
import { ActivityLog } from '../../src/index.ts';
import { batchOf, fixedClock, NOW_MS } from './events.ts';

const log = new ActivityLog({ clock: fixedClock });
const rows = Array.from({ length: 40 }, (_, row): [bigint, number, number] => [
  row === 17 ? 0n : 3n,
  row === 33 ? 9 : row % 4,
  NOW_MS - row,
]);
const sequenced = { ...batchOf(rows), producerId: 5, firstSequence: 0 };
const first = log.logBatch(sequenced);
const retry = log.logBatch(sequenced);
const engine = typeof Reflect.get(globalThis, 'WebAssembly');
const times = log.getEventsForUser(3).map((event) => NOW_MS - event.timestamp.getTime());
console.log(JSON.stringify({ engine, first, retry, times }));
