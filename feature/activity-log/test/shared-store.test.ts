import { describe, expect, it } from 'vitest';
import { ActivityLog, type SharedActivityStore } from '../src/index.ts';
import { batchOf, eventOf, fixedClock, NOW_MS } from './support/events.ts';

describe('a shared store', () => {
  it('is one store for every log attached to it: appends and reads are seen by all', () => {
    const owner = new ActivityLog({ clock: fixedClock, capacity: 100, maxDetailEntries: 1 });
    const attached = new ActivityLog({ store: owner.share(), clock: fixedClock });
    owner.logEvent(eventOf(1));
    attached.logBatch(batchOf([[1n, 2, NOW_MS - 5]]));
    expect([owner.countEvents(), attached.countEvents()]).toEqual([2, 2]);
    expect(owner.getEventsForUser(1)).toEqual(attached.getEventsForUser(1));
    expect(attached.capacity).toBe(100);
    expect(attached.limits.maxDetailEntries).toBe(1);
  });

  it('applies the limits it was created with in every attached log', () => {
    const owner = new ActivityLog({ clock: fixedClock, maxDetailEntries: 1 });
    const attached = new ActivityLog({ store: owner.share(), clock: fixedClock });
    const result = attached.logEvent({ ...eventOf(1), details: { a: '1', b: '2' } });
    expect(result.ok ? undefined : result.error.code).toBe('INVALID_DETAILS');
  });

  it('survives structured cloning, as postMessage does, and stays shared', () => {
    const owner = new ActivityLog({ clock: fixedClock });
    const attached = new ActivityLog({ store: structuredClone(owner.share()), clock: fixedClock });
    attached.logEvent(eventOf(3));
    expect(owner.getEventsForUser(3)).toHaveLength(1);
  });

  it('refuses options that a shared store already fixes', () => {
    const handle = new ActivityLog().share();
    expect(() => new ActivityLog({ store: handle, capacity: 5, clockSkewMs: 1 })).toThrow(
      'ActivityLog options capacity, clockSkewMs cannot be combined with store',
    );
  });

  const real = new ActivityLog({ capacity: 10 }).share();
  it.each<[string, unknown, string]>([
    ['no object', null, 'the handle is not an object'],
    ['another format', { format: 'other' }, 'format is other'],
    [
      'the previous format',
      { ...real, format: 'activity-log.store/1' },
      'format is activity-log.store/1',
    ],
    [
      'plain column memory',
      { ...real, columns: { buffer: new ArrayBuffer(8) } },
      'columns has no shared buffer',
    ],
    ['plain row buffers', { ...real, rows: new ArrayBuffer(8) }, 'rows is not a SharedArrayBuffer'],
    ['a wrong size', { ...real, capacity: 11 }, 'not the layout of 11 events'],
    ['columns of another size', { ...real, capacity: 100_000 }, 'columns holds'],
  ])('refuses to attach to %s, saying why', (_, handle, says) => {
    expect(() => new ActivityLog({ store: handle as SharedActivityStore })).toThrow(TypeError);
    expect(() => new ActivityLog({ store: handle as SharedActivityStore })).toThrow(says);
  });
});
