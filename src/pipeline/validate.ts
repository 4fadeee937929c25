import { Ajv, type ErrorObject } from 'ajv';
import pipelineSchema from './pipeline.schema.json' with { type: 'json' };
import { pointerToPath } from './locate.ts';
import { stepKinds, type PipelineFile } from './types.ts';

const ajv = new Ajv({ allErrors: false, discriminator: true, strict: true });
const validatePipelineFile = ajv.compile<PipelineFile>(pipelineSchema);

/** One schema violation: the offending key's path (as segments) and what is wrong with it. */
export interface SchemaViolation {
  readonly path: readonly (string | number)[];
  readonly detail: string;
}

function stringParam(error: ErrorObject, name: string): string {
  const value: unknown = (error.params as Record<string, unknown>)[name];
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** Turns ajv's first error into a path and a sentence a person can act on. */
function describe(error: ErrorObject): SchemaViolation {
  const path = pointerToPath(error.instancePath);
  switch (error.keyword) {
    case 'required':
      return {
        path: [...path, stringParam(error, 'missingProperty')],
        detail: 'is required but missing',
      };
    case 'additionalProperties':
      return {
        path: [...path, stringParam(error, 'additionalProperty')],
        detail: 'is not a known key here',
      };
    case 'discriminator':
      return {
        path: [...path, 'kind'],
        detail: `must be one of ${stepKinds.join(', ')}`,
      };
    case 'enum':
      return {
        path,
        detail: `must be one of ${(error.params as { allowedValues: unknown[] }).allowedValues.join(', ')}`,
      };
    default:
      return { path, detail: error.message ?? `fails the schema's ${error.keyword} rule` };
  }
}

/** Checks `value` against the shipped pipeline schema. */
export function checkPipelineSchema(
  value: unknown,
): { ok: true; value: PipelineFile } | { ok: false; violation: SchemaViolation } {
  if (validatePipelineFile(value)) return { ok: true, value };
  const [first] = validatePipelineFile.errors ?? [];
  if (first === undefined) return { ok: false, violation: { path: [], detail: 'is not valid' } };
  return { ok: false, violation: describe(first) };
}
