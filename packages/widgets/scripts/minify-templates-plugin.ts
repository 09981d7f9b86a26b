import { readFile } from 'node:fs/promises';
import { transform, type Plugin } from 'esbuild';

/** The browsers the bundle targets; CSS is minified for them, never rewritten for older ones. */
export const cssTargets = ['chrome111', 'firefox111', 'safari16.4'];

/**
 * Minifies the CSS inside Lit's css`…` templates with esbuild's own CSS minifier. esbuild minifies the JavaScript
 * around them but leaves template literals as written, indentation and all. The components' styles have no
 * `${…}` interpolations (they take values through custom properties), so each template is plain CSS; one that
 * had them would be left alone.
 */
export const minifyCssPlugin: Plugin = {
  name: 'hearth-minify-css',
  setup(build) {
    build.onLoad({ filter: /[\\/]src[\\/].*\.ts$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      if (!source.includes('css`')) return undefined;
      let output = '';
      let last = 0;
      for (const match of source.matchAll(/\bcss`([^`$]*)`/g)) {
        const minified = (await transform(match[1]!, { loader: 'css', minify: true, target: cssTargets })).code.trim();
        output += `${source.slice(last, match.index)}css\`${minified}\``;
        last = match.index + match[0].length;
      }
      return { contents: output + source.slice(last), loader: 'ts' };
    });
  },
};
