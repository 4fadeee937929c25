// The TypeScript session's worker. Node 20 does not apply module hooks registered in the main
// thread (bin/certify.js) to worker threads, nor does vitest's transform reach them: the worker
// registers certify's own hooks before loading its TypeScript source.
import '../typescript-loader/index.js';

await import('./worker.ts');
