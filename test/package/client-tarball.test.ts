import { execFile } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readdir, readFile, realpath, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { seedDemo, startTestServer, testAudience, type DemoCredentials, type ListeningTestServer } from '@hearth/server/test-support';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * @hearth/client as someone outside this repository gets it: `npm pack` (its prepack builds dist/), the tarball
 * installed by `npm install` into a new project in the system's temp folder — no workspace, no pnpm, no
 * `@hearth/source` condition, its dependencies from the registry — then the README's Node example run there with
 * `node` against a real API, and a TypeScript file checked there with `tsc` against the installed declarations.
 */
const repositoryRoot = fileURLToPath(new URL('../..', import.meta.url));
const clientFolder = join(repositoryRoot, 'packages', 'client');
const consumerFixtures = fileURLToPath(new URL('./consumer/', import.meta.url));

let workFolder: string;
let consumer: string;
let api: ListeningTestServer;
let riverside: DemoCredentials['institutions'][number];

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * The environment of a user's own shell: without what npm, pnpm and vitest set for the run that started this test
 * (npm_config_* would point npm at the workspace; NODE_OPTIONS may carry the workspace's source condition;
 * NODE_ENV=production would leave out devDependencies).
 */
function userEnvironment(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const environment = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^(npm_|pnpm_|node_options$|node_env$|init_cwd$|vitest)/i.test(name)));
  return { ...environment, ...extra };
}

function run(command: string, args: string[], cwd: string, environment = userEnvironment()): Promise<Run> {
  return new Promise((resolve) => {
    execFile(command, args, { cwd, env: environment, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
    });
  });
}

async function runOrThrow(command: string, args: string[], cwd: string): Promise<Run> {
  const result = await run(command, args, cwd);
  if (result.code !== 0) throw new Error(`${command} ${args.join(' ')} failed (${result.code}):\n${result.stdout}\n${result.stderr}`);
  return result;
}

const readJson = async <T>(file: string) => JSON.parse(await readFile(file, 'utf8')) as T;

/** Packs the client and installs the tarball, with jose (the README example's) and the workspace's TypeScript. */
async function packAndInstall(): Promise<void> {
  const tarballs = join(workFolder, 'tarballs');
  await mkdir(tarballs);
  await runOrThrow('npm', ['pack', '--pack-destination', tarballs], clientFolder);
  const [tarball, ...others] = await readdir(tarballs);
  if (!tarball || others.length > 0) throw new Error(`npm pack wrote ${JSON.stringify(await readdir(tarballs))}`);

  const workspaceTypescript = (await readJson<{ devDependencies: Record<string, string> }>(join(repositoryRoot, 'package.json'))).devDependencies.typescript;
  const exampleJose = (await readJson<{ dependencies: Record<string, string> }>(join(repositoryRoot, 'examples', 'node-integration', 'package.json'))).dependencies.jose;
  await writeFile(
    join(consumer, 'package.json'),
    JSON.stringify({
      name: 'hearth-client-consumer',
      private: true,
      type: 'module',
      dependencies: { '@hearth/client': `file:${join(tarballs, tarball)}`, jose: exampleJose },
      devDependencies: { typescript: workspaceTypescript },
    }),
  );
  // What npm's cache holds already is not asked for again; everything else comes from the registry.
  await runOrThrow('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline'], consumer);
}

async function startApi(): Promise<void> {
  api = await startTestServer('pglite');
  const credentials = await seedDemo(api.database.db);
  const found = credentials?.institutions.find((institution) => institution.slug === 'riverside');
  if (!found) throw new Error('The demo seed made no riverside institution.');
  riverside = found;
}

/** The README's Node example, exactly as printed there (the block that starts `// list-groups.mjs`). */
async function readmeExample(): Promise<string> {
  const readme = await readFile(join(clientFolder, 'README.md'), 'utf8');
  const block = readme.match(/^```js\n(\/\/ list-groups\.mjs[^\n]*\n[\s\S]*?)^```$/m);
  if (!block) throw new Error('packages/client/README.md has no ```js block starting with // list-groups.mjs');
  return block[1]!;
}

/** Every file below `folder`, as paths relative to it with forward slashes. */
async function filesUnder(folder: string): Promise<string[]> {
  const files: string[] = [];
  for (const path of await readdir(folder, { recursive: true })) if ((await stat(join(folder, path))).isFile()) files.push(path.split(sep).join('/'));
  return files.sort();
}

beforeAll(async () => {
  workFolder = await mkdtemp(join(tmpdir(), 'hearth-client-tarball-'));
  consumer = join(workFolder, 'consumer');
  await mkdir(consumer);
  await Promise.all([packAndInstall(), startApi()]);
}, 240_000);

afterAll(async () => {
  await api?.close();
  if (workFolder) await rm(workFolder, { recursive: true, force: true });
});

describe('@hearth/client installed from its tarball', () => {
  it('ships the build, its declarations, the README and the manifest, and nothing else', async () => {
    const installed = join(consumer, 'node_modules', '@hearth', 'client');
    // A copy inside the new project, not a link back into the workspace.
    expect((await realpath(installed)).startsWith(await realpath(consumer))).toBe(true);
    expect(await filesUnder(installed)).toEqual(['README.md', 'dist/index.d.ts', 'dist/index.js', 'dist/index.js.map', 'package.json']);
  });

  it("runs the README's Node example: signs a user in by SSO and lists the groups they can find", async () => {
    await writeFile(join(consumer, 'list-groups.mjs'), await readmeExample());
    const result = await run(
      process.execPath,
      ['list-groups.mjs'],
      consumer,
      userEnvironment({ HEARTH_URL: api.url, HEARTH_INSTITUTION: riverside.slug, HEARTH_SSO_KID: riverside.kid, HEARTH_SSO_SECRET: riverside.secret, HEARTH_SSO_AUDIENCE: testAudience }),
    );
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const [signedIn, ...groupLines] = result.stdout.trimEnd().split('\n');
    expect(signedIn).toBe('signed in as Samira');

    // What the API lists for riverside (a new member sees what a guest sees: the public groups).
    const response = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-hearth-institution': riverside.slug },
      body: JSON.stringify({ query: '{ groups(first: 100) { edges { node { name joinPolicy memberCount } } } }' }),
    });
    const listed = (await response.json()) as { data: { groups: { edges: Array<{ node: { name: string; joinPolicy: string; memberCount: number } }> } } };
    const expected = listed.data.groups.edges.map(({ node }) => `${node.name}: ${node.joinPolicy}, ${node.memberCount} members`);
    expect(expected.length).toBeGreaterThan(1);
    expect(groupLines).toEqual(expected);
  });

  it('type-checks a TypeScript consumer against the installed declarations', async () => {
    for (const file of ['tsconfig.json', 'check-types.ts']) await copyFile(join(consumerFixtures, file), join(consumer, file));
    const result = await run(process.execPath, [join('node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.json', '--listFiles'], consumer);
    expect(result.stdout.split('\n').filter((line) => !line.startsWith('/')).join('\n')).toBe('');
    expect(result.code).toBe(0);
    // The types came from the tarball's build, through its exports map.
    expect(result.stdout.split('\n')).toContain(join(await realpath(consumer), 'node_modules', '@hearth', 'client', 'dist', 'index.d.ts'));
  });
});
