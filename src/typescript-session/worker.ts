import { parentPort, workerData } from 'node:worker_threads';
import { lint } from './lint.ts';
import { ProgramCache } from './programs.ts';
import type {
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

function answer(request: SessionRequest): SessionReply | Promise<SessionReply> {
  return request.kind === 'typecheck' ? typecheck(request) : lint(request, projectRoot, programs);
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
