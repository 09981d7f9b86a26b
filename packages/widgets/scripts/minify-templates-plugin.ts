import { readFile } from 'node:fs/promises';
import { transform, type Plugin } from 'esbuild';
import ts from 'typescript';

/** The browsers the bundle targets; CSS is minified for them, never rewritten for older ones. */
export const cssTargets = ['chrome111', 'firefox111', 'safari16.4'];

interface Edit {
  start: number;
  end: number;
  text: string;
}

/**
 * The template text of an html`…` literal part (between its delimiters) with every run of whitespace that holds a
 * line break made one space: what HTML renders anyway, since the components bind every value tight against its
 * tags and no template holds preformatted text.
 */
function collapseMarkup(text: string): string {
  return text.replace(/[ \t]*\n\s*/g, ' ');
}

/** The edits for one file: its css`…` templates minified as CSS, its html`…` templates' line breaks collapsed. */
async function templateEdits(path: string, source: string): Promise<Edit[]> {
  const file = ts.createSourceFile(path, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const edits: Array<Edit | Promise<Edit>> = [];
  const visit = (node: ts.Node): void => {
    if (ts.isTaggedTemplateExpression(node) && ts.isIdentifier(node.tag)) {
      const template = node.template;
      if (node.tag.text === 'css' && ts.isNoSubstitutionTemplateLiteral(template)) {
        // Plain CSS (the components take values through custom properties, so their styles have no `${…}`).
        const start = template.getStart(file) + 1;
        const end = template.getEnd() - 1;
        edits.push(transform(source.slice(start, end), { loader: 'css', minify: true, target: cssTargets }).then(({ code }) => ({ start, end, text: code.trim() })));
      } else if (node.tag.text === 'html') {
        const parts = ts.isNoSubstitutionTemplateLiteral(template) ? [template] : [template.head, ...template.templateSpans.map((span) => span.literal)];
        for (const part of parts) {
          // Each part's text sits between one-character (` or }) and two-character (${) or one-character (`) delimiters.
          const start = part.getStart(file) + 1;
          const end = part.getEnd() - (ts.isTemplateHead(part) || ts.isTemplateMiddle(part) ? 2 : 1);
          edits.push({ start, end, text: collapseMarkup(source.slice(start, end)) });
        }
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return Promise.all(edits);
}

/**
 * esbuild minifies the JavaScript around Lit's templates but leaves the templates as written, indentation and
 * all. This minifies each css`…` with esbuild's own CSS minifier and collapses the line breaks of each html`…`,
 * finding them with TypeScript's parser so nothing outside a template is touched.
 */
export const minifyTemplatesPlugin: Plugin = {
  name: 'hearth-minify-templates',
  setup(build) {
    build.onLoad({ filter: /[\\/]src[\\/].*\.ts$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      if (!source.includes('css`') && !source.includes('html`')) return undefined;
      const edits = (await templateEdits(args.path, source)).sort((a, b) => b.start - a.start);
      let output = source;
      for (const edit of edits) output = output.slice(0, edit.start) + edit.text + output.slice(edit.end);
      return { contents: output, loader: 'ts' };
    });
  },
};
