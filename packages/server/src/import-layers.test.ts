import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cruise, type ICruiseResult, type IFlattenedRuleSet } from 'dependency-cruiser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * The layers of the server, read from its imports by dependency-cruiser. Type-only imports count: a cycle of
 * `import type` still ties two files together, and a layer that names a module's types depends on that module.
 *
 * Infrastructure (`schema/`, `db/`, `auth/`, `http/`, `rate-limits/`, `text/`) sits below the domain modules: it
 * may call a module's data access (`*.queries.ts`, plain functions over the database) and nothing else of it. The
 * one file above the modules inside `schema/` is `schema/index.ts`, which builds the schema and so imports every
 * module's GraphQL types (`*.types.ts`), and only those; no file below the server imports it but a test of the
 * whole schema (Pothos' circular-reference guide: the file that builds the schema is imported by no type file).
 */
const layerRules: IFlattenedRuleSet = {
  forbidden: [
    {
      name: 'no-cycles',
      comment: 'Two files that import each other (directly or around a loop) cannot be understood or moved apart.',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'infrastructure-uses-only-module-queries',
      comment: 'Infrastructure may call a module\'s *.queries.ts; anything else of a module belongs above it.',
      severity: 'error',
      from: { path: '^src/(schema|db|auth|http|rate-limits|text)/', pathNot: '^src/schema/index\\.ts$' },
      to: { path: '^src/modules/', pathNot: '\\.queries\\.ts$' },
    },
    {
      name: 'schema-index-registers-only-types',
      comment: 'schema/index.ts registers each module\'s *.types.ts and reaches no other module file.',
      severity: 'error',
      from: { path: '^src/schema/index\\.ts$' },
      to: { path: '^src/modules/', pathNot: '\\.types\\.ts$' },
    },
    {
      name: 'schema-index-imported-only-from-the-top',
      comment: 'Only the server, the package entry and tests of the whole schema build it; a module importing it would make a cycle.',
      severity: 'error',
      from: { path: '^src/(modules|schema|db|auth|http|rate-limits|text)/', pathNot: '\\.test\\.ts$' },
      to: { path: '^src/schema/index\\.ts$' },
    },
  ],
};

const packageDir = join(dirname(fileURLToPath(import.meta.url)), '..');

async function cruiseSources(baseDir: string): Promise<ICruiseResult> {
  const { output } = await cruise(
    ['src'],
    {
      baseDir,
      validate: true,
      ruleSet: layerRules,
      tsPreCompilationDeps: true,
      doNotFollow: { path: 'node_modules' },
      tsConfig: { fileName: join(packageDir, 'tsconfig.json') },
    },
    // NodeNext: the sources import './x.js' for './x.ts', and packages by the subpaths of their exports maps.
    { extensionAlias: { '.js': ['.ts', '.js'] }, exportsFields: ['exports'], conditionNames: ['types', 'import', 'node', 'default'] },
  );
  if (typeof output === 'string') throw new Error('dependency-cruiser returned a report instead of a result');
  return output;
}

/** One line per violation, e.g. `no-cycles: src/a.ts -> src/b.ts -> src/a.ts`, so a failure names the files. */
function describeViolations(result: ICruiseResult): string[] {
  return result.summary.violations.map((violation) => {
    const path = violation.cycle ? [violation.from, ...violation.cycle.map((step) => step.name)] : [violation.from, violation.to];
    return `${violation.rule.name}: ${path.join(' -> ')}`;
  });
}

describe('import layers of packages/server/src', () => {
  let result: ICruiseResult;
  beforeAll(async () => {
    result = await cruiseSources(packageDir);
  });

  it('has no import cycle and no layer that imports one above it', () => {
    const violations = describeViolations(result);
    expect(violations, violations.join('\n')).toEqual([]);
  });

  it('reads the real graph: every import resolves, and schema/index.ts reaches every module', () => {
    const sources = result.modules.filter((module) => module.source.startsWith('src/'));
    expect(sources.length).toBeGreaterThan(150);
    const unresolved = sources.flatMap((module) =>
      module.dependencies.filter((dependency) => dependency.couldNotResolve).map((dependency) => `${module.source} -> ${dependency.module}`),
    );
    expect(unresolved, unresolved.join('\n')).toEqual([]);
    const schemaIndex = sources.find((module) => module.source === 'src/schema/index.ts');
    const registeredModules = new Set(
      schemaIndex?.dependencies.map((dependency) => /^src\/modules\/([^/]+)\//.exec(dependency.resolved)?.[1]).filter((name) => name !== undefined),
    );
    expect(registeredModules.size).toBeGreaterThanOrEqual(8);
  });

  it('has schema/index.ts import every type file itself, not only through another type file', () => {
    const typeFiles = result.modules.map((module) => module.source).filter((source) => /^src\/modules\/.+\.types\.ts$/.test(source));
    const schemaIndex = result.modules.find((module) => module.source === 'src/schema/index.ts');
    const registered = new Set(schemaIndex?.dependencies.map((dependency) => dependency.resolved));
    expect(typeFiles.length).toBeGreaterThan(20);
    const unregistered = typeFiles.filter((source) => !registered.has(source));
    expect(unregistered, `not imported by schema/index.ts: ${unregistered.join(', ')}`).toEqual([]);
  });

  describe('on a small tree that breaks each rule', () => {
    const folders: string[] = [];
    afterAll(async () => {
      await Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true })));
    });

    it('reports the cycle, the infrastructure that imports a module file, and the module that builds the schema', async () => {
      const root = await mkdtemp(join(tmpdir(), 'hearth-layers-'));
      folders.push(root);
      const files: Record<string, string> = {
        'src/schema/context.ts': "import type { Limiter } from '../rate-limits/limiter.js';\nexport interface Context { limiter: Limiter }\n",
        'src/rate-limits/limiter.ts': "import type { Context } from '../schema/context.js';\nexport type Limiter = (context: Context) => void;\n",
        'src/schema/index.ts': "import '../modules/notes/note.types.js';\nexport const schema = 1;\n",
        'src/db/seed.ts': "import { noteRule } from '../modules/notes/note.rules.js';\nimport { findNote } from '../modules/notes/note.queries.js';\nexport const seed = [noteRule, findNote];\n",
        'src/modules/notes/note.types.ts': "import { schema } from '../../schema/index.js';\nexport const noteType = schema;\n",
        'src/modules/notes/note.rules.ts': 'export const noteRule = 1;\n',
        'src/modules/notes/note.queries.ts': 'export const findNote = 1;\n',
      };
      for (const [path, text] of Object.entries(files)) {
        await mkdir(dirname(join(root, path)), { recursive: true });
        await writeFile(join(root, path), text);
      }
      const lines = describeViolations(await cruiseSources(root));
      expect(lines).toEqual(
        expect.arrayContaining([
          'no-cycles: src/rate-limits/limiter.ts -> src/schema/context.ts -> src/rate-limits/limiter.ts',
          'infrastructure-uses-only-module-queries: src/db/seed.ts -> src/modules/notes/note.rules.ts',
          'schema-index-imported-only-from-the-top: src/modules/notes/note.types.ts -> src/schema/index.ts',
        ]),
      );
      expect(lines.join('\n')).not.toContain('note.queries.ts');
    });
  });
});
