/** Stage 2: parsed documents → schema diagnostics and typed specs (both file formats). */
export { checkStructure, type StructureResult } from './structure.ts';
export { definitionV1Schema } from './schema-v1.ts';
export { schemaErrors } from './validators.ts';
export { definitionV2Schema } from './schema-v2.ts';
export {
  importKinds,
  locationOf,
  type ImportKind,
  type SpecAnyValue,
  type SpecAttribute,
  type SpecAttributeDefinition,
  type SpecAttributeReference,
  type SpecFile,
  type SpecGroup,
  type SpecImport,
  type SpecInclude,
  type SpecPlace,
} from './spec.ts';
