import { stat } from 'node:fs/promises';
import { relative, resolve } from 'node:path';
import {
  describeSchemaErrors,
  formatPath,
  isIoProblem,
  pathFromPointer,
  readYamlFile,
  type YamlDocument,
  type YamlPath,
} from '../yaml/index.ts';
import { PipelineError, type PipelineLocation } from './errors.ts';
import { loadExemptions } from './exemptions.ts';
import type { Pipeline, PipelineFile } from './types.ts';
import { checkPipelineSchema, unknownKindMessage } from './validate.ts';

export interface LoadPipelineOptions {
  /** The folder the file's relative paths are resolved against (default: the working directory). */
  readonly projectRoot?: string;
}

function where(document: YamlDocument, path: YamlPath, key = false): PipelineLocation {
  const { line, column } = key ? document.locateKey(path) : document.locate(path);
  return { line, column, keyPath: path.length === 0 ? '' : formatPath(path) };
}

async function readDocument(absolute: string, shownAs: string): Promise<YamlDocument> {
  const read = await readYamlFile(absolute);
  if (read.ok) return read.document;
  const { problem } = read;
  const location = { line: problem.location.line, column: problem.location.column, keyPath: '' };
  if (isIoProblem(problem)) {
    throw new PipelineError(
      'unreadable',
      shownAs,
      `cannot read the pipeline file: ${problem.message}`,
    );
  }
  throw new PipelineError('syntax', shownAs, problem.message, location);
}

/** Every schema violation, located; the first one's place is the error's location. */
function schemaError(
  document: YamlDocument,
  shownAs: string,
  errors: Parameters<typeof describeSchemaErrors>[1],
): PipelineError {
  const discriminator = errors.find((error) => unknownKindMessage(error) !== undefined);
  if (discriminator !== undefined) {
    const path = [...pathFromPointer(discriminator.instancePath, document.value), 'kind'];
    return new PipelineError(
      'schema',
      shownAs,
      unknownKindMessage(discriminator) ?? '',
      where(document, path),
    );
  }
  const problems = describeSchemaErrors(document, errors);
  const [first] = problems;
  if (first === undefined)
    return new PipelineError('schema', shownAs, 'does not match the pipeline schema');
  const more = problems
    .slice(1)
    .map(
      (problem) =>
        `\n  ${String(problem.location.line)}:${String(problem.location.column)}: ${problem.message}`,
    );
  return new PipelineError('schema', shownAs, first.message + more.join(''), {
    line: first.location.line,
    column: first.location.column,
    keyPath: formatPath(first.path),
  });
}

/** Step ids name steps in `--only`, the report and JUnit, so they are unique across tiers. */
function checkUniqueIds(document: YamlDocument, shownAs: string, content: PipelineFile): void {
  const tierIds = new Set<string>();
  const stepIds = new Set<string>();
  content.tiers.forEach((tier, tierIndex) => {
    if (tierIds.has(tier.id)) {
      const location = where(document, ['tiers', tierIndex, 'id']);
      throw new PipelineError(
        'duplicate-id',
        shownAs,
        `tier id "${tier.id}" is used twice`,
        location,
      );
    }
    tierIds.add(tier.id);
    tier.steps.forEach((step, stepIndex) => {
      if (stepIds.has(step.id)) {
        const location = where(document, ['tiers', tierIndex, 'steps', stepIndex, 'id']);
        throw new PipelineError(
          'duplicate-id',
          shownAs,
          `step id "${step.id}" is used twice`,
          location,
        );
      }
      stepIds.add(step.id);
    });
  });
}

/** Options the vitest step sets itself: its reporter, `.only` refused, assertions, coverage. */
const reservedVitestOption = /^--(?:reporters?|outputFile|allowOnly|expect\b|coverage\b)/;

/** A vitest step's `args` may not undo what the step itself asks of Vitest. */
function checkVitestArgs(document: YamlDocument, shownAs: string, content: PipelineFile): void {
  content.tiers.forEach((tier, tierIndex) => {
    tier.steps.forEach((step, stepIndex) => {
      if (step.kind !== 'vitest') return;
      (step.args ?? []).forEach((arg, argIndex) => {
        if (!reservedVitestOption.test(arg)) return;
        const path = ['tiers', tierIndex, 'steps', stepIndex, 'args', argIndex];
        const detail = `"${arg}" is set by the vitest step itself (its reporter, .only refused, assertions required, coverage from the step's coverage key); remove it`;
        throw new PipelineError('schema', shownAs, detail, where(document, path));
      });
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

/** Every tick-bench step's suite module, with where it is in the file. */
function benchSuites(content: PipelineFile) {
  return content.tiers.flatMap((tier, tierIndex) =>
    tier.steps.flatMap((step, stepIndex) =>
      step.kind === 'tick-bench'
        ? [
            {
              path: ['tiers', tierIndex, 'steps', stepIndex, 'suite'],
              value: step.suite,
              kind: 'file',
            } as const,
          ]
        : [],
    ),
  );
}

/**
 * A tick-bench step's gate that gives both bounds must give them in order (with one bound, the
 * other is the benchmark's default, and a mismatch is the step's failure, in words).
 */
function checkGateBounds(document: YamlDocument, shownAs: string, content: PipelineFile): void {
  content.tiers.forEach((tier, tierIndex) => {
    tier.steps.forEach((step, stepIndex) => {
      if (step.kind !== 'tick-bench' || step.gate === undefined) return;
      const { minProcesses, maxProcesses } = step.gate;
      if (minProcesses === undefined || maxProcesses === undefined || maxProcesses >= minProcesses)
        return;
      const path = ['tiers', tierIndex, 'steps', stepIndex, 'gate', 'maxProcesses'];
      const detail = `gate.maxProcesses (${maxProcesses}) must be at least gate.minProcesses (${minProcesses})`;
      throw new PipelineError('schema', shownAs, detail, where(document, path));
    });
  });
}

/** Every TypeScript project a step names (typecheck's `project`, eslint's `typeInfo.project`). */
function typeScriptProjects(content: PipelineFile) {
  return content.tiers.flatMap((tier, tierIndex) =>
    tier.steps.flatMap((step, stepIndex) => {
      const at = ['tiers', tierIndex, 'steps', stepIndex];
      if (step.kind === 'typecheck') return [{ path: [...at, 'project'], value: step.project }];
      if (step.kind === 'eslint' && step.typeInfo !== undefined) {
        return [{ path: [...at, 'typeInfo', 'project'], value: step.typeInfo.project }];
      }
      return [];
    }),
  );
}

/** A project is a tsconfig file, or a folder holding tsconfig.json, as for `tsc -p`. */
async function checkTypeScriptProjects(
  document: YamlDocument,
  shownAs: string,
  content: PipelineFile,
  root: string,
): Promise<void> {
  for (const { path, value } of typeScriptProjects(content)) {
    const found = await kindOf(resolve(root, value));
    const config =
      found === 'directory' ? await kindOf(resolve(root, value, 'tsconfig.json')) : found;
    if (config === 'file') continue;
    const what = found === 'missing' ? 'does not exist' : 'is a folder without a tsconfig.json';
    const detail = `TypeScript project "${value}" ${what} (relative to ${root})`;
    throw new PipelineError('missing-path', shownAs, detail, where(document, path));
  }
}

async function checkPaths(
  document: YamlDocument,
  shownAs: string,
  content: PipelineFile,
  root: string,
): Promise<void> {
  const expected = [
    { path: ['feature', 'root'], value: content.feature.root, kind: 'directory' },
    { path: ['feature', 'source'], value: content.feature.source, kind: 'directory' },
    { path: ['feature', 'entry'], value: content.feature.entry, kind: 'file' },
    { path: ['registry'], value: content.registry, kind: 'directory' },
    ...(content.exemptions === undefined
      ? []
      : [{ path: ['exemptions'], value: content.exemptions, kind: 'file' } as const]),
    ...benchSuites(content),
  ] as const;
  for (const { path, value, kind } of expected) {
    const found = await kindOf(resolve(root, value));
    if (found !== kind) {
      const what = found === 'missing' ? 'does not exist' : `is a ${found}, not a ${kind}`;
      const detail = `"${value}" ${what} (relative to ${root})`;
      throw new PipelineError('missing-path', shownAs, detail, where(document, path));
    }
  }
}

/**
 * Reads a pipeline file, validates it against the shipped JSON Schema and checks what a schema
 * cannot: unique ids, existing paths and TypeScript projects; then reads its exemptions file, if it
 * names one. Throws a PipelineError that names the file, the line and the key.
 */
export async function loadPipeline(
  file: string,
  options: LoadPipelineOptions = {},
): Promise<Pipeline> {
  const projectRoot = resolve(options.projectRoot ?? process.cwd());
  const absolute = resolve(projectRoot, file);
  const shownAs = relative(process.cwd(), absolute) || absolute;
  const document = await readDocument(absolute, shownAs);
  const checked = checkPipelineSchema(document.value);
  if (!checked.ok) throw schemaError(document, shownAs, checked.errors);
  checkUniqueIds(document, shownAs, checked.value);
  checkGateBounds(document, shownAs, checked.value);
  checkVitestArgs(document, shownAs, checked.value);
  await checkPaths(document, shownAs, checked.value, projectRoot);
  await checkTypeScriptProjects(document, shownAs, checked.value, projectRoot);
  const exemptionEntries =
    checked.value.exemptions === undefined
      ? []
      : await loadExemptions(checked.value.exemptions, projectRoot);
  return { ...checked.value, file: absolute, projectRoot, exemptionEntries };
}
