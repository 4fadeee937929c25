import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { IN_TOTO_STATEMENT_TYPE, type Statement } from './statement.ts';

const lowerHex = (pattern: string) => ({ type: 'string', pattern: `^${pattern}$` }) as const;

/** The Statement v1 structure; the predicate's own schema belongs to whoever defines it. */
const statementSchema = {
  type: 'object',
  required: ['_type', 'subject', 'predicateType', 'predicate'],
  properties: {
    _type: { const: IN_TOTO_STATEMENT_TYPE },
    subject: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        required: ['name', 'digest'],
        properties: {
          name: { type: 'string', minLength: 1 },
          digest: {
            type: 'object',
            minProperties: 1,
            properties: {
              sha256: lowerHex('[0-9a-f]{64}'),
              sha512: lowerHex('[0-9a-f]{128}'),
              gitCommit: lowerHex('(?:[0-9a-f]{40}|[0-9a-f]{64})'),
            },
            additionalProperties: { type: 'string', minLength: 1 },
          },
        },
      },
    },
    predicateType: { type: 'string', pattern: '^[A-Za-z][A-Za-z0-9+.-]*:\\S+$' },
    predicate: { type: 'object' },
  },
} as const;

export type StatementValidation =
  | { readonly ok: true; readonly statement: Statement }
  | { readonly ok: false; readonly problems: readonly string[] };

let compiled: ValidateFunction<Statement> | undefined;

/** Checks parsed JSON against the Statement v1 structure; each problem names its JSON path. */
export function validateStatement(json: unknown): StatementValidation {
  compiled ??= new Ajv({ allErrors: true, strict: true }).compile<Statement>(statementSchema);
  if (compiled(json)) return { ok: true, statement: json };
  return { ok: false, problems: (compiled.errors ?? []).map(describeAjvError) };
}

function describeAjvError(error: ErrorObject): string {
  const path = error.instancePath === '' ? '(the statement)' : error.instancePath.slice(1);
  const where = path.replaceAll('/', '.');
  const allowed = error.keyword === 'const' ? ` ${JSON.stringify(error.params.allowedValue)}` : '';
  return `${where}: ${error.message ?? error.keyword}${allowed}`;
}
