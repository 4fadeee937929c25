/** `npm run build:wasm`: compiles rows.wat and writes rows-wasm.ts beside it. */
import { writeFile } from 'node:fs/promises';
import { compileRowsModule, generatedPath, renderRowsModule } from './wasm-source.ts';

const bytes = await compileRowsModule();
await writeFile(generatedPath, renderRowsModule(bytes));
console.log(`rows-wasm.ts: ${bytes.length} bytes of WebAssembly`);
