import { describeSchemaErrors, valueAt, type YamlDocument } from '../../yaml/index.ts';
import type { Diagnostic } from '../diagnostic/index.ts';
import type { RegistryFile } from '../load/index.ts';
import { contextAt } from './context.ts';
import { importsOf, readGroupsV1 } from './read-v1.ts';
import { readGroupsV2 } from './read-v2.ts';
import type { SpecFile } from './spec.ts';
import { schemaErrors } from './validators.ts';

export interface StructureResult {
  readonly files: readonly SpecFile[];
  readonly diagnostics: readonly Diagnostic[];
}

type FormatResult =
  | { readonly ok: true; readonly format: 1 | 2; readonly diagnostics: readonly Diagnostic[] }
  | { readonly ok: false; readonly diagnostic: Diagnostic };

/** Reads `file_format` (or the older `version`), as Weaver does. */
function detectFormat(document: YamlDocument): FormatResult {
  const declared = valueAt(document.value, ['file_format']);
  const version = valueAt(document.value, ['version']);
  const diagnostics: Diagnostic[] = [];
  if (version !== undefined) {
    diagnostics.push({
      id: 'DeprecatedVersionField',
      level: 'warning',
      message:
        '`version` is deprecated: write `file_format: definition/1` (or definition/2) instead',
      location: document.locateKey(['version']),
    });
  }
  const versionText =
    typeof version === 'string' || typeof version === 'number' ? String(version) : '?';
  const written = declared ?? (version === undefined ? undefined : `definition/${versionText}`);
  if (written === undefined || written === 'definition/1')
    return { ok: true, format: 1, diagnostics };
  if (written === 'definition/2') {
    diagnostics.push({
      id: 'UnstableFileFormat',
      level: 'warning',
      message:
        'file_format definition/2 is not stable yet in Weaver; its syntax may still change (--future makes this an error)',
      location: document.locate([declared === undefined ? 'version' : 'file_format']),
    });
    return { ok: true, format: 2, diagnostics };
  }
  return {
    ok: false,
    diagnostic: {
      id: 'InvalidFileFormat',
      level: 'error',
      message: `unknown file format ${JSON.stringify(written)}; expected file_format: definition/1 or definition/2`,
      location: document.locate([declared === undefined ? 'version' : 'file_format']),
    },
  };
}

function schemaDiagnostics(document: YamlDocument, format: 1 | 2): Diagnostic[] {
  return describeSchemaErrors(document, schemaErrors(format, document.value)).map((problem) => ({
    id: 'InvalidSemConvSpec',
    level: 'error',
    message: problem.message,
    location: problem.location,
    ...contextAt(document.value, problem.path),
  }));
}

/**
 * Stage 2: checks each file against certify's JSON Schema for its format (unknown keys rejected
 * at every level) and reads it into specs. A file with schema errors is still read, leaving out
 * the wrong values, so that later stages report what they can.
 */
export function checkStructure(files: readonly RegistryFile[]): StructureResult {
  const specs: SpecFile[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const file of files) {
    const { document } = file;
    const detected = detectFormat(document);
    if (!detected.ok) {
      diagnostics.push(detected.diagnostic);
      continue;
    }
    diagnostics.push(...detected.diagnostics, ...schemaDiagnostics(document, detected.format));
    const groups =
      detected.format === 1 ? readGroupsV1(document) : readGroupsV2(document, file.relative);
    specs.push({
      display: file.display,
      document,
      format: detected.format,
      groups,
      imports: importsOf(document),
    });
  }
  return { files: specs, diagnostics };
}
