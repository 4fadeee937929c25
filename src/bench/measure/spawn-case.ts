import { fileURLToPath } from 'node:url';
import { execaNode } from 'execa';
import type { CaseMeasurement } from './measure-case.ts';
import { isCaseMeasurement, type CaseRequest } from './protocol.ts';

const caseProcessPath = fileURLToPath(new URL('./case-process.ts', import.meta.url));
/**
 * The measuring process runs TypeScript sources (the suite, this harness) through certify's own
 * cached type-stripping hooks, as certify itself does: a fresh process per case, so start-up is
 * paid once per case and round.
 */
const typeScriptLoaderUrl = new URL('../../../bin/typescript-register.js', import.meta.url).href;

const lastLines = (text: string, count: number): string =>
  text.trim().split('\n').slice(-count).join('\n');

/** How long a measuring process told to stop has before it is killed. */
const STOP_GRACE_MS = 1_000;

/**
 * Measures one case in its own Node.js process and returns what that process sent back. When
 * `signal` aborts, the process is stopped and the abort reason is thrown.
 */
export async function measureInChild(
  request: CaseRequest,
  signal?: AbortSignal,
): Promise<CaseMeasurement> {
  const child = await execaNode(caseProcessPath, [JSON.stringify(request)], {
    nodeOptions: [
      '--expose-gc',
      // V8's profiler charges a function inlined by TurboFan to its caller (here, mitata's
      // loop): the profiled process, whose figures never count, runs without that inlining so
      // that its time lands on the functions that spend it.
      ...(request.profile === undefined ? [] : ['--no-turbo-inlining']),
      '--import',
      typeScriptLoaderUrl,
    ],
    ipc: true,
    reject: false,
    stdin: 'ignore',
    forceKillAfterDelay: STOP_GRACE_MS,
    ...(signal === undefined ? {} : { cancelSignal: signal }),
  });
  signal?.throwIfAborted();
  const reply = child.ipcOutput.find(isCaseMeasurement);
  if (reply !== undefined) return reply;
  const stderr = typeof child.stderr === 'string' ? lastLines(child.stderr, 8) : '';
  return {
    kind: 'failed',
    name: request.caseName,
    error: `the measuring process ended without a result (${child.shortMessage})${stderr === '' ? '' : `\n${stderr}`}`,
  };
}
