import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { definitionV1Schema } from './schema-v1.ts';
import { definitionV2Schema } from './schema-v2.ts';

/**
 * Compiling is the costly part of ajv (a registry check has a one-second budget), so each
 * schema is compiled once per process, and only when a file of its format is seen. The options
 * trade code optimisation and ajv's own messages (certify words its messages itself) for a
 * compile about three times faster; our schemas are trusted, so they are not re-validated.
 */
const ajvOptions = {
  allErrors: true, // every unknown key, not only the first
  verbose: true, // offending values and parent schemas, for the messages
  allowUnionTypes: true,
  validateSchema: false,
  inlineRefs: false,
  messages: false,
  code: { optimize: false },
} as const;

let ajv: Ajv | undefined;
const compiled = new Map<1 | 2, ValidateFunction>();

function validatorFor(format: 1 | 2): ValidateFunction {
  const known = compiled.get(format);
  if (known !== undefined) return known;
  ajv ??= new Ajv(ajvOptions);
  const validate = ajv.compile(format === 1 ? definitionV1Schema : definitionV2Schema);
  compiled.set(format, validate);
  return validate;
}

/** Validates a parsed file against certify's schema for its format; returns ajv's errors. */
export function schemaErrors(format: 1 | 2, value: unknown): readonly ErrorObject[] {
  const validate = validatorFor(format);
  return validate(value) ? [] : (validate.errors ?? []);
}
