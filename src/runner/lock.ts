interface Waiter {
  readonly exclusive: boolean;
  readonly grant: () => void;
}

/**
 * Lets a tier's steps share the machine: shared holders run together, an exclusive holder runs
 * alone (a benchmark must not compete with a test suite). First come, first served, so an
 * exclusive step is not starved by the shared ones queued after it.
 */
export class TierLock {
  private shared = 0;
  private exclusive = false;
  private readonly queue: Waiter[] = [];

  /** Resolves, when the step may run, to the function that releases its turn. */
  acquire(exclusive: boolean): Promise<() => void> {
    return new Promise((resolve) => {
      this.queue.push({
        exclusive,
        grant: () => {
          resolve(this.releaser(exclusive));
        },
      });
      this.pump();
    });
  }

  private releaser(exclusive: boolean): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      if (exclusive) this.exclusive = false;
      else this.shared -= 1;
      this.pump();
    };
  }

  private pump(): void {
    for (let head = this.queue[0]; head !== undefined; head = this.queue[0]) {
      const free = head.exclusive ? this.shared === 0 && !this.exclusive : !this.exclusive;
      if (!free) return;
      this.queue.shift();
      if (head.exclusive) this.exclusive = true;
      else this.shared += 1;
      head.grant();
    }
  }
}
