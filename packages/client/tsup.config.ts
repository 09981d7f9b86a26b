import { defineConfig } from 'tsup';

/**
 * The published build: one ES module and its declarations. `platform: 'neutral'` makes esbuild refuse to resolve
 * a Node built-in, so a `node:` import in src fails the build instead of breaking browsers.
 */
export default defineConfig({
  entry: ['src/index.ts'],
  format: ['esm'],
  platform: 'neutral',
  target: 'es2022',
  dts: true,
  sourcemap: true,
  clean: true,
  treeshake: true,
  tsconfig: 'tsconfig.json',
});
