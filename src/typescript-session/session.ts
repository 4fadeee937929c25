import { createInterface } from 'node:readline';
import { Worker } from 'node:worker_threads';
import type {
  LintReply,
  LintRequest,
  PrepareReply,
  ReplyMessage,
  SessionReply,
  SessionRequest,
  TypecheckReply,
  WorkerSetup,
} from './protocol.ts';

/**
 * Why a request got no reply: `stopped` (its step was told to stop), `closed` (the run ended),
 * `crashed` (the worker died), `failed` (the request itself failed: a config error, no ESLint).
 */
export type SessionErrorKind = 'stopped' | 'closed' | 'crashed' | 'failed';

export class TypeScriptSessionError extends Error {
  override readonly name = 'TypeScriptSessionError';
  readonly kind: SessionErrorKind;

  constructor(kind: SessionErrorKind, message: string) {
    super(message);
    this.kind = kind;
  }
}

/** What the session has done so far: shows, for one, that two steps shared one program. */
export interface SessionStatistics {
  readonly workersStarted: number;
  readonly requests: number;
  readonly programsBuilt: number;
  readonly programsReused: number;
}

export interface SessionRequestOptions {
  /** Aborted: the request is dropped, or, when it is running, the worker is terminated. */
  readonly signal: AbortSignal;
  /** Each line the tools print while this request runs. */
  readonly onOutput?: (line: string) => void;
}

interface Pending {
  readonly id: number;
  readonly request: SessionRequest;
  readonly options: SessionRequestOptions;
  readonly settle: (outcome: { reply: SessionReply } | { error: TypeScriptSessionError }) => void;
}

const workerEntry = new URL('./worker-entry.js', import.meta.url);

/**
 * One TypeScript session per run: a worker thread holding the programs, built on first request
 * and shared by later ones (the typecheck and the typed lint rules read one program and its type
 * checker). Requests run one at a time, in the order they came.
 */
export class TypeScriptSession {
  private worker: Worker | undefined;
  private running: Pending | undefined;
  private readonly queue: Pending[] = [];
  private closed = false;
  private nextId = 1;
  private counts = { workersStarted: 0, requests: 0, programsBuilt: 0, programsReused: 0 };

  private readonly projectRoot: string;

  constructor(projectRoot: string) {
    this.projectRoot = projectRoot;
  }

  statistics(): SessionStatistics {
    return { ...this.counts };
  }

  /** `tsc --noEmit -p <project>`'s diagnostics, from the project's shared program. */
  async typecheck(project: string, options: SessionRequestOptions): Promise<TypecheckReply> {
    const reply = await this.request({ kind: 'typecheck', project }, options);
    if (reply.kind !== 'typecheck') throw new Error(`a typecheck got a ${reply.kind} reply`);
    return reply;
  }

  /** `eslint <paths>`'s results; with `project`, typed rules read its shared program. */
  async lint(
    request: Omit<LintRequest, 'kind'>,
    options: SessionRequestOptions,
  ): Promise<LintReply> {
    const reply = await this.request({ kind: 'lint', ...request }, options);
    if (reply.kind !== 'lint') throw new Error(`a lint got a ${reply.kind} reply`);
    return reply;
  }

  /**
   * Loads TypeScript (and, with `eslint`, ESLint and the project's ESLint config) in the worker
   * before any check asks: the runner calls it when the run starts, so the loading overlaps the
   * earlier tiers instead of delaying the first check. It checks nothing.
   */
  async prepare(tools: { readonly eslint: boolean }): Promise<PrepareReply> {
    const reply = await this.request(
      { kind: 'prepare', eslint: tools.eslint },
      { signal: new AbortController().signal },
    );
    if (reply.kind !== 'prepare') throw new Error(`a prepare got a ${reply.kind} reply`);
    return reply;
  }

  /** Fails every request still waiting and terminates the worker. */
  async close(): Promise<void> {
    this.closed = true;
    const waiting = [...(this.running === undefined ? [] : [this.running]), ...this.queue];
    this.running = undefined;
    this.queue.length = 0;
    const closed = new TypeScriptSessionError(
      'closed',
      'stopped: the TypeScript session was closed',
    );
    for (const pending of waiting) pending.settle({ error: closed });
    const worker = this.worker;
    this.worker = undefined;
    await worker?.terminate();
  }

  private request(request: SessionRequest, options: SessionRequestOptions): Promise<SessionReply> {
    if (this.closed) {
      const error = new TypeScriptSessionError('closed', 'the TypeScript session is closed');
      return Promise.reject(error);
    }
    if (options.signal.aborted) {
      return Promise.reject(new TypeScriptSessionError('stopped', 'stopped before it started'));
    }
    return new Promise((resolve, reject) => {
      const abort = (): void => {
        this.abandon(pending);
      };
      const pending: Pending = {
        id: this.nextId++,
        request,
        options,
        settle: (outcome) => {
          options.signal.removeEventListener('abort', abort);
          if ('reply' in outcome) resolve(outcome.reply);
          else reject(outcome.error);
        },
      };
      options.signal.addEventListener('abort', abort, { once: true });
      this.queue.push(pending);
      this.pump();
    });
  }

  private pump(): void {
    if (this.running !== undefined || this.closed) return;
    const next = this.queue.shift();
    if (next === undefined) {
      // An idle worker does not keep the process alive.
      this.worker?.unref();
      return;
    }
    const worker = this.worker ?? this.start();
    worker.ref();
    this.running = next;
    this.counts.requests += 1;
    worker.postMessage({ id: next.id, request: next.request });
  }

  private start(): Worker {
    const setup: WorkerSetup = { projectRoot: this.projectRoot };
    // Its output is read here (never mixed into certify's own, which may be a JSON report).
    const worker = new Worker(workerEntry, { workerData: setup, stdout: true, stderr: true });
    this.counts.workersStarted += 1;
    worker.on('message', (message: ReplyMessage) => {
      this.replied(worker, message);
    });
    worker.on('error', (error) => {
      this.lost(worker, `the TypeScript session failed: ${error.message}`);
    });
    worker.on('exit', (code) => {
      this.lost(worker, `the TypeScript session ended unexpectedly (exit code ${code})`);
    });
    for (const stream of [worker.stdout, worker.stderr]) {
      createInterface({ input: stream }).on('line', (line) => {
        this.running?.options.onOutput?.(line);
      });
    }
    this.worker = worker;
    return worker;
  }

  private replied(worker: Worker, message: ReplyMessage): void {
    const pending = this.running;
    if (worker !== this.worker || pending?.id !== message.id) return;
    this.running = undefined;
    if (message.ok) {
      const program = message.reply.kind === 'prepare' ? undefined : message.reply.program;
      if (program?.built === true) this.counts.programsBuilt += 1;
      if (program?.built === false) this.counts.programsReused += 1;
      pending.settle({ reply: message.reply });
    } else {
      pending.settle({ error: new TypeScriptSessionError('failed', message.error) });
    }
    this.pump();
  }

  /** The worker died: its running request fails; later ones get a fresh worker. */
  private lost(worker: Worker, why: string): void {
    if (worker !== this.worker) return;
    this.worker = undefined;
    const pending = this.running;
    this.running = undefined;
    pending?.settle({ error: new TypeScriptSessionError('crashed', why) });
    this.pump();
  }

  /**
   * A request's step was told to stop. Waiting, it is dropped; running, the worker is terminated
   * (a type check cannot be interrupted otherwise) and the next request starts a fresh one.
   */
  private abandon(pending: Pending): void {
    const queued = this.queue.indexOf(pending);
    if (queued >= 0) {
      this.queue.splice(queued, 1);
      pending.settle({ error: new TypeScriptSessionError('stopped', 'stopped before it started') });
      return;
    }
    if (this.running !== pending) return;
    const worker = this.worker;
    this.worker = undefined;
    this.running = undefined;
    void worker?.terminate();
    const message = 'stopped: the TypeScript session was terminated';
    pending.settle({ error: new TypeScriptSessionError('stopped', message) });
    this.pump();
  }
}
