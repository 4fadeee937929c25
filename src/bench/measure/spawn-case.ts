import { fileURLToPath } from 'node:url';
import { runProcess } from '../../common/index.ts';
import type { CaseMeasurement } from './measure-case.ts';
import { isCaseMeasurement, type CaseRequest } from './protocol.ts';

const caseProcessPath = fileURLToPath(new URL('./case-process.ts', import.meta.url));
/**
 * The measuring process runs TypeScript sources (the suite, this harness) through certify's own
 * cached type-stripping hooks, as certify itself does: a fresh process per case, so start-up is
 * paid once per case and round.
 */
const typeScriptLoaderUrl = new URL('../../typescript-loader/index.js', import.meta.url).href;

/**
 * Measures one case in its own Node.js process and returns what that process sent back. When
 * `signal` aborts, the process is stopped and the abort reason is thrown.
 */
export async function measureInChild(
  request: CaseRequest,
  signal?: AbortSignal,
): Promise<CaseMeasurement> {
  const child = await runProcess([caseProcessPath, JSON.stringify(request)], {
    cwd: process.cwd(),
    env: process.env,
    node: {
      nodeOptions: [
        '--expose-gc',
        // V8's profiler charges a function inlined by TurboFan to its caller (here, mitata's
        // loop): the profiled process, whose figures never count, runs without that inlining so
        // that its time lands on the functions that spend it.
        ...(request.profile === undefined ? [] : ['--no-turbo-inlining']),
        '--import',
        typeScriptLoaderUrl,
      ],
    },
    keepLines: 8,
    signal,
  });
  signal?.throwIfAborted();
  const reply = child.messages.find(isCaseMeasurement);
  if (reply !== undefined) return reply;
  const stderr = child.outputTail.join('\n').trim();
  const end =
    child.startError ??
    (child.signal === null ? `exit code ${String(child.exitCode)}` : `killed by ${child.signal}`);
  return {
    kind: 'failed',
    name: request.caseName,
    error: `the measuring process ended without a result (${end})${stderr === '' ? '' : `\n${stderr}`}`,
  };
}
