import { relative, resolve } from 'node:path';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import {
  describeSchemaErrors,
  formatPath,
  isIoProblem,
  readYamlFile,
  type YamlDocument,
} from '../yaml/index.ts';
import { PipelineError } from './errors.ts';
import exemptionsSchema from './exemptions.schema.json' with { type: 'json' };
import type { Exemption, ExemptionsFile } from './types.ts';

const ajv = new Ajv({ allErrors: true, verbose: true, strict: true });
addFormats.default(ajv, ['date']);
const validateExemptionsFile = ajv.compile<ExemptionsFile>(exemptionsSchema);

async function readDocument(absolute: string, shownAs: string): Promise<YamlDocument> {
  const read = await readYamlFile(absolute);
  if (read.ok) return read.document;
  const { problem } = read;
  if (isIoProblem(problem)) {
    throw new PipelineError(
      'unreadable',
      shownAs,
      `cannot read the exemptions file: ${problem.message}`,
    );
  }
  const { line, column } = problem.location;
  throw new PipelineError('syntax', shownAs, problem.message, { line, column, keyPath: '' });
}

function schemaError(document: YamlDocument, shownAs: string): PipelineError {
  const problems = describeSchemaErrors(document, validateExemptionsFile.errors ?? []);
  const [first] = problems;
  if (first === undefined) {
    return new PipelineError('schema', shownAs, 'does not match the exemptions schema');
  }
  const more = problems
    .slice(1)
    .map(
      (problem) => `\n  ${problem.location.line}:${problem.location.column}: ${problem.message}`,
    );
  return new PipelineError('schema', shownAs, first.message + more.join(''), {
    line: first.location.line,
    column: first.location.column,
    keyPath: formatPath(first.path),
  });
}

/**
 * Reads the exemptions file at `file` (relative to `projectRoot`) and checks it against the
 * shipped JSON Schema. Throws a PipelineError naming the exemptions file, line, column and key.
 */
export async function loadExemptions(file: string, projectRoot: string): Promise<Exemption[]> {
  const absolute = resolve(projectRoot, file);
  const shownAs = relative(process.cwd(), absolute) || absolute;
  const document = await readDocument(absolute, shownAs);
  if (!validateExemptionsFile(document.value)) throw schemaError(document, shownAs);
  const source = relative(projectRoot, absolute);
  return document.value.exemptions.map((entry, index) => ({
    ...entry,
    source: { file: source, line: document.locate(['exemptions', index]).line },
  }));
}
