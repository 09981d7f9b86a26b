import { readFile, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, relative } from 'node:path';
import type { Metafile } from 'esbuild';

/**
 * Removes the chunks esbuild writes empty, and the imports of them. A module that only re-exports (lit's
 * `lit/directive.js`), reached by two lazily loaded elements, gets a chunk of its own with nothing in it once its
 * exports are hoisted: a page would spend a request on zero bytes. Updates the metafile to match.
 */
export async function dropEmptyChunks(folder: string, metafile: Metafile): Promise<string[]> {
  const empty = Object.entries(metafile.outputs)
    .filter(([file, output]) => file.endsWith('.js') && output.bytes === 0)
    .map(([file]) => file);
  if (empty.length === 0) return [];
  for (const [file, output] of Object.entries(metafile.outputs)) {
    if (!file.endsWith('.js') || empty.includes(file)) continue;
    const importsEmpty = output.imports.filter((imported) => empty.includes(imported.path));
    if (importsEmpty.length === 0) continue;
    let code = await readFile(join(folder, file), 'utf8');
    for (const imported of importsEmpty) {
      const specifier = `./${relative(dirname(file), imported.path)}`;
      code = code.replaceAll(`import"${specifier}";`, '');
      if (code.includes(basename(imported.path))) throw new Error(`${file} still refers to the empty chunk ${imported.path}`);
    }
    output.bytes = Buffer.byteLength(code);
    output.imports = output.imports.filter((imported) => !empty.includes(imported.path));
    await writeFile(join(folder, file), code);
  }
  for (const file of empty) {
    await rm(join(folder, file));
    delete metafile.outputs[file];
  }
  return empty;
}
