import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../test-support/test-api.js';
import { graphiqlAssetsPath } from './graphiql-assets.js';

describeEachDatabase('GraphiQL served without a CDN', (api) => {
  it('serves the page with every asset from this server', async () => {
    const page = await (await api().request('/graphql', { headers: { accept: 'text/html' } })).text();
    expect(page).toContain('Hearth API');
    expect(page).not.toMatch(/https:\/\/unpkg\.com/);
    const assets = [...page.matchAll(new RegExp(`${graphiqlAssetsPath}/[\\w./-]+`, 'g'))].map((match) => match[0]);
    expect(assets.length).toBeGreaterThanOrEqual(3);
    for (const asset of new Set(assets)) {
      const response = await api().request(asset);
      expect(response.status, asset).toBe(200);
      expect((await response.arrayBuffer()).byteLength).toBeGreaterThan(1000);
    }
  });

  it('refuses paths outside the asset folder', async () => {
    const response = await api().request(`${graphiqlAssetsPath}/../../package.json`);
    expect(response.headers.get('content-type') ?? '').not.toContain('javascript');
  });
}, { kinds: ['pglite'] });
