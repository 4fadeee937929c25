/**
 * YAML files read safely, with the line and column of every node, and JSON Schema errors
 * located in the file. Generic: it knows nothing about registries or pipelines.
 */
export { readYamlFile, readYamlFileSync } from './read.ts';
export { parseYamlText } from './parse.ts';
export { formatPath, pathFromPointer, valueAt } from './path.ts';
export { describeSchemaErrors, type SchemaProblem } from './schema-problems.ts';
export {
  isIoProblem,
  type SourceLocation,
  type YamlDocument,
  type YamlPath,
  type YamlProblem,
  type YamlProblemKind,
  type YamlReadOptions,
  type YamlReadResult,
} from './types.ts';
