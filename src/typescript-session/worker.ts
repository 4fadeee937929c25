import { parentPort, workerData } from 'node:worker_threads';
import { lint, prepareEslint } from './lint.ts';
import { ProgramCache } from './programs.ts';
import type {
  PrepareReply,
  PrepareRequest,
  ReplyMessage,
  RequestMessage,
  SessionReply,
  SessionRequest,
  TypecheckReply,
  TypecheckRequest,
  WorkerSetup,
} from './protocol.ts';

const { projectRoot } = workerData as WorkerSetup;
const programs = new ProgramCache(projectRoot);

function typecheck(request: TypecheckRequest): TypecheckReply {
  const lease = programs.lease(request.project);
  const diagnostics = lease.ok
    ? programs.diagnosticsOf(lease.program)
    : [programs.plain(lease.problem)];
  return { kind: 'typecheck', diagnostics, program: lease.use, typescript: programs.origin };
}

async function prepare(request: PrepareRequest): Promise<PrepareReply> {
  const typescript = programs.origin;
  if (!request.eslint) return { kind: 'prepare', typescript };
  return { kind: 'prepare', typescript, eslint: await prepareEslint(projectRoot) };
}

function answer(request: SessionRequest): SessionReply | Promise<SessionReply> {
  switch (request.kind) {
    case 'typecheck':
      return typecheck(request);
    case 'lint':
      return lint(request, projectRoot, programs);
    case 'prepare':
      return prepare(request);
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

// The session sends one request at a time and waits for its reply, so requests run in order.
parentPort?.on('message', (message: RequestMessage) => {
  const reply = async (): Promise<ReplyMessage> => {
    try {
      return { id: message.id, ok: true, reply: await answer(message.request) };
    } catch (error: unknown) {
      // Not swallowed: the request fails with this message, and the step says it.
      return { id: message.id, ok: false, error: describe(error) };
    }
  };
  void reply().then((sent) => {
    parentPort?.postMessage(sent);
  });
});
