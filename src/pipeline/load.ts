import { readFile, stat } from 'node:fs/promises';
import { relative, resolve } from 'node:path';
import { LineCounter, parseDocument, type Document } from 'yaml';
import { PipelineError } from './errors.ts';
import { locate } from './locate.ts';
import type { Pipeline, PipelineFile } from './types.ts';
import { checkPipelineSchema } from './validate.ts';

export interface LoadPipelineOptions {
  /** The folder the file's relative paths are resolved against (default: the working directory). */
  readonly projectRoot?: string;
}

interface ParsedFile {
  readonly shownAs: string;
  readonly document: Document;
  readonly lineCounter: LineCounter;
}

async function readText(file: string, shownAs: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error: unknown) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new PipelineError('unreadable', shownAs, `cannot read the pipeline file (${reason})`);
  }
}

function parse(text: string, shownAs: string): ParsedFile {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const [error] = document.errors;
  if (error !== undefined) {
    const start = lineCounter.linePos(error.pos[0]);
    throw new PipelineError('syntax', shownAs, `not valid YAML: ${error.message}`, {
      line: start.line,
      column: start.col,
      keyPath: '',
    });
  }
  return { shownAs, document, lineCounter };
}

/** The document as plain data; an alias bomb is refused rather than expanded. */
function toPlainValue(parsed: ParsedFile): unknown {
  try {
    return parsed.document.toJS({ maxAliasCount: 100 });
  } catch (error: unknown) {
    if (!(error instanceof ReferenceError)) throw error;
    throw new PipelineError('syntax', parsed.shownAs, `not usable YAML: ${error.message}`);
  }
}

function failAt(
  parsed: ParsedFile,
  problem: 'schema' | 'duplicate-id' | 'missing-path',
  path: readonly (string | number)[],
  detail: string,
): never {
  const location = locate(parsed.document, parsed.lineCounter, path);
  throw new PipelineError(problem, parsed.shownAs, detail, location);
}

/** Step ids name steps in `--only`, the report and JUnit, so they are unique across tiers. */
function checkUniqueIds(parsed: ParsedFile, content: PipelineFile): void {
  const tierIds = new Set<string>();
  const stepIds = new Set<string>();
  content.tiers.forEach((tier, tierIndex) => {
    if (tierIds.has(tier.id)) {
      failAt(
        parsed,
        'duplicate-id',
        ['tiers', tierIndex, 'id'],
        `tier id "${tier.id}" is used twice`,
      );
    }
    tierIds.add(tier.id);
    tier.steps.forEach((step, stepIndex) => {
      if (stepIds.has(step.id)) {
        const path = ['tiers', tierIndex, 'steps', stepIndex, 'id'];
        failAt(parsed, 'duplicate-id', path, `step id "${step.id}" is used twice`);
      }
      stepIds.add(step.id);
    });
  });
}

async function kindOf(path: string): Promise<'file' | 'directory' | 'missing'> {
  try {
    const info = await stat(path);
    return info.isDirectory() ? 'directory' : 'file';
  } catch (error: unknown) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return 'missing';
    throw error;
  }
}

async function checkPaths(parsed: ParsedFile, content: PipelineFile, root: string): Promise<void> {
  const expected = [
    { path: ['feature', 'root'], value: content.feature.root, kind: 'directory' },
    { path: ['feature', 'source'], value: content.feature.source, kind: 'directory' },
    { path: ['feature', 'entry'], value: content.feature.entry, kind: 'file' },
    { path: ['registry'], value: content.registry, kind: 'directory' },
  ] as const;
  for (const { path, value, kind } of expected) {
    const found = await kindOf(resolve(root, value));
    if (found !== kind) {
      const what = found === 'missing' ? 'does not exist' : `is a ${found}, not a ${kind}`;
      failAt(parsed, 'missing-path', path, `"${value}" ${what} (relative to ${root})`);
    }
  }
}

/**
 * Reads a pipeline file, validates it against the shipped JSON Schema and checks what a schema
 * cannot: unique ids and existing paths. Throws a PipelineError that names the line and key.
 */
export async function loadPipeline(
  file: string,
  options: LoadPipelineOptions = {},
): Promise<Pipeline> {
  const projectRoot = resolve(options.projectRoot ?? process.cwd());
  const absolute = resolve(projectRoot, file);
  const shownAs = relative(process.cwd(), absolute) || absolute;
  const parsed = parse(await readText(absolute, shownAs), shownAs);
  const checked = checkPipelineSchema(toPlainValue(parsed));
  if (!checked.ok) failAt(parsed, 'schema', checked.violation.path, checked.violation.detail);
  checkUniqueIds(parsed, checked.value);
  await checkPaths(parsed, checked.value, projectRoot);
  return { ...checked.value, file: absolute, projectRoot };
}
