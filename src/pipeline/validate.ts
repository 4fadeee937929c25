import { Ajv, type ErrorObject } from 'ajv';
import pipelineSchema from './pipeline.schema.json' with { type: 'json' };
import { stepKinds, type PipelineFile } from './types.ts';

// allErrors and verbose: src/yaml turns the errors into located messages, every one of them.
const ajv = new Ajv({ allErrors: true, verbose: true, discriminator: true, strict: true });
const validatePipelineFile = ajv.compile<PipelineFile>(pipelineSchema);

/** Checks `value` against the shipped pipeline schema; on failure, ajv's errors. */
export function checkPipelineSchema(
  value: unknown,
): { ok: true; value: PipelineFile } | { ok: false; errors: readonly ErrorObject[] } {
  if (validatePipelineFile(value)) return { ok: true, value };
  return { ok: false, errors: validatePipelineFile.errors ?? [] };
}

/** A step whose `kind` is not one certify knows, in words: ajv's own says "tag … must be in oneOf". */
export function unknownKindMessage(error: ErrorObject): string | undefined {
  if (error.keyword !== 'discriminator') return undefined;
  const { tagValue } = error.params as { tagValue?: unknown };
  return `unknown step kind ${JSON.stringify(tagValue)}; expected one of: ${stepKinds.join(', ')}`;
}
