import { writeFile } from 'node:fs/promises';
import { Session } from 'node:inspector/promises';
import { findSourceMap } from 'node:module';

/** Asks a measuring process to profile its sampling (an extra process, never one that counts). */
export interface ProfileRequest {
  /** Where the process writes the `.cpuprofile` (Chrome DevTools' format). */
  readonly path: string;
  /** Between two stack samples, in microseconds (V8's default is 1,000). */
  readonly samplingIntervalUs: number;
}

interface CallFrame {
  url: string;
  lineNumber: number;
  columnNumber: number;
}

interface ProfileNode {
  callFrame: CallFrame;
}

interface CpuProfile {
  nodes: ProfileNode[];
}

/**
 * The positions V8 records are in the JavaScript certify's hooks produced from each `.ts` file;
 * their inline source maps (loaded because the hooks enable source maps) give the TypeScript line
 * and column, so the profile names the lines a person reads. Positions are 0-based in both.
 */
function toSourcePositions(profile: CpuProfile): void {
  for (const { callFrame } of profile.nodes) {
    if (callFrame.url === '' || callFrame.lineNumber < 0) continue;
    const map = findSourceMap(callFrame.url);
    const entry = map?.findEntry(callFrame.lineNumber, callFrame.columnNumber);
    if (entry === undefined || !('originalLine' in entry)) continue;
    callFrame.lineNumber = entry.originalLine;
    callFrame.columnNumber = entry.originalColumn;
  }
}

/** A CPU profile being recorded in this process, through the inspector's in-process session. */
export class ProfileRecording {
  readonly #session: Session;
  readonly #request: ProfileRequest;

  private constructor(session: Session, request: ProfileRequest) {
    this.#session = session;
    this.#request = request;
  }

  static async start(request: ProfileRequest): Promise<ProfileRecording> {
    const session = new Session();
    session.connect();
    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', { interval: request.samplingIntervalUs });
    await session.post('Profiler.start');
    return new ProfileRecording(session, request);
  }

  /** Stops recording and writes the profile, its positions mapped to the TypeScript sources. */
  async stopAndWrite(): Promise<void> {
    const { profile } = await this.#session.post('Profiler.stop');
    this.#session.disconnect();
    const mapped = profile as unknown as CpuProfile;
    toSourcePositions(mapped);
    await writeFile(this.#request.path, JSON.stringify(mapped));
  }
}
