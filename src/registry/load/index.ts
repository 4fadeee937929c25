/** Stage 1: registry folder → parsed YAML documents with positions. */
export {
  loadRegistryFiles,
  registryFolderProblem,
  type LoadResult,
  type LoadedRegistry,
  type RegistryFile,
  type RegistryIoProblem,
} from './load.ts';
export { walkRegistry, type FoundFiles, type WalkResult } from './walk.ts';
