/**
 * Prints the API's schema as SDL (sorted, as `printHearthSchema` builds it), to stdout or to the file named by
 * the first argument. The client SDK commits this output as `packages/client/schema.graphql` and types its
 * operations from it; `pnpm --filter @hearth/client generate` runs this script, and the client's drift test fails
 * until it is run again after an API change.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { printHearthSchema } from '../src/schema/index.js';

const sdl = `${printHearthSchema()}\n`;
const [target] = process.argv.slice(2);
if (target) writeFileSync(resolve(target), sdl);
else process.stdout.write(sdl);
