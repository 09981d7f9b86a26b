import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, normalize } from 'node:path';
import { renderGraphiQL, type Plugin } from 'graphql-yoga';

/**
 * GraphiQL served from this server instead of a CDN: yoga's page loads its script, styles and editor workers
 * from unpkg, which a hospital intranet or an offline laptop can't reach. The page is yoga's own, with the asset
 * addresses pointed here.
 */
const require = createRequire(import.meta.url);
const packageJson = require('@graphql-yoga/graphiql/package.json') as { version: string };
const distFolder = join(dirname(require.resolve('@graphql-yoga/graphiql/package.json')), 'dist');

export const graphiqlAssetsPath = `/graphiql-assets/${packageJson.version}`;

const contentTypes: Record<string, string> = {
  '.js': 'application/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

export function renderLocalGraphiQL(options: Parameters<typeof renderGraphiQL>[0]): string {
  return renderGraphiQL(options).replace(/https:\/\/unpkg\.com\/@graphql-yoga\/graphiql@[^/]+\/dist/g, graphiqlAssetsPath);
}

/** The asset at `pathname`, or null when the path is not one of GraphiQL's files. */
export async function readGraphiqlAsset(pathname: string): Promise<{ body: Buffer; contentType: string } | null> {
  if (!pathname.startsWith(`${graphiqlAssetsPath}/`)) return null;
  const relative = normalize(pathname.slice(graphiqlAssetsPath.length + 1));
  if (relative.startsWith('..') || relative.includes('\0')) return null;
  const extension = relative.slice(relative.lastIndexOf('.'));
  const contentType = contentTypes[extension];
  if (!contentType) return null;
  try {
    return { body: await readFile(join(distFolder, relative)), contentType };
  } catch {
    return null;
  }
}

/** A yoga plugin answering GraphiQL's asset requests (development only; the files never change within a version). */
export const useGraphiqlAssets: Plugin = {
  async onRequest({ url, endResponse, fetchAPI }) {
    const asset = await readGraphiqlAsset(url.pathname);
    if (!asset) return;
    endResponse(
      new fetchAPI.Response(new Uint8Array(asset.body), {
        status: 200,
        headers: { 'content-type': asset.contentType, 'cache-control': 'public, max-age=31536000, immutable' },
      }),
    );
  },
};
