import { Worker } from 'node:worker_threads';

/**
 * A worker thread running a TypeScript module. Node 20 does not apply loaders given in a
 * worker's `execArgv` (`--import tsx`) to the worker's own entry file (nodejs/node#47747), so
 * the worker starts from a one-line bootstrap that loads the module through tsx's API.
 */
export function startTypeScriptWorker(module: URL): Worker {
  const bootstrap = `import('tsx/esm/api').then(({ tsImport }) => tsImport(${JSON.stringify(
    module.href,
  )}, ${JSON.stringify(import.meta.url)}))`;
  return new Worker(bootstrap, { eval: true });
}
