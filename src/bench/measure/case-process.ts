/**
 * The measuring process: one case, in a fresh V8 started with --expose-gc, so the case's code gets
 * its own type feedback (no other case, nor certify's own code, has made it polymorphic), its
 * heap holds nothing from the command line, and global telemetry providers set up by one case
 * cannot leak into the next. Sends one `CaseMeasurement` to the parent over IPC.
 */
import { loadSuite } from '../suite/index.ts';
import { measureCase, type CaseMeasurement } from './measure-case.ts';
import { parseCaseRequest } from './protocol.ts';

async function measureRequested(): Promise<CaseMeasurement> {
  const request = parseCaseRequest(process.argv[2]);
  const loaded = await loadSuite(request.suitePath);
  if (!loaded.ok) return { kind: 'failed', name: request.caseName, error: loaded.error.message };
  const benchCase = loaded.value.suite.cases.find((entry) => entry.name === request.caseName);
  if (benchCase === undefined) {
    return { kind: 'failed', name: request.caseName, error: 'no such case in the suite' };
  }
  return measureCase(
    benchCase,
    request.timing,
    request.profile === undefined ? {} : { profile: request.profile },
  );
}

function sendToParent(message: CaseMeasurement): Promise<void> {
  return new Promise((resolve, reject) => {
    if (process.send === undefined) {
      reject(new Error('the measuring process must be started with an IPC channel'));
      return;
    }
    process.send(message, undefined, {}, (error: Error | null) => {
      if (error === null) resolve();
      else reject(error);
    });
  });
}

await sendToParent(await measureRequested());
// A suite may leave timers behind (a metric reader); the measurement is sent, so end here.
process.exit(0);
