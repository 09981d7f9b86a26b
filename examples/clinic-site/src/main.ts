/**
 * Starts the clinic site, configured by the environment (`npm start` at the repository's root sets all of it):
 *
 *   PORT              the Hearth API's port (default 4000)
 *   CLINIC_PORT       this site's port (default PORT + 1)
 *   HOST              interface to listen on (default 127.0.0.1)
 *   HEARTH_API_URL    the Hearth API's base URL (default http://localhost:$PORT)
 *   HEARTH_DATA_DIR   the API's data folder, where `hearth dev` writes demo-credentials.json
 *                     (default packages/server/.hearth-data; a relative path is taken from packages/server)
 *   HEARTH_SSO_AUDIENCE  the `aud` the API expects (default hearth)
 */
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MissingCredentialsError, startClinicSite, type SsoCredentials } from './index.js';

const serverPackageFolder = fileURLToPath(new URL('../../../packages/server/', import.meta.url));

function portFrom(name: string, fallback: number): number {
  const value = process.env[name];
  if (!value) return fallback;
  const port = Number(value);
  if (!/^\d{1,5}$/.test(value) || port < 1 || port > 65535) {
    console.error(`clinic-site: ${name}="${value}" is not a port number`);
    process.exit(1);
  }
  return port;
}

const apiPort = portFrom('PORT', 4000);
const port = portFrom('CLINIC_PORT', apiPort + 1);
const apiUrl = process.env.HEARTH_API_URL || `http://localhost:${apiPort}`;
const credentialsFile = join(resolve(serverPackageFolder, process.env.HEARTH_DATA_DIR || '.hearth-data'), 'demo-credentials.json');

/**
 * The demo's SSO secrets, as the API's `hearth dev` wrote them when it seeded. Read for every token, so the site
 * may start before the API has seeded. A real site keeps its secret in its own configuration the same way.
 */
async function demoCredentials(): Promise<SsoCredentials> {
  let text: string;
  try {
    text = await readFile(credentialsFile, 'utf8');
  } catch {
    throw new MissingCredentialsError(`no demo credentials at ${credentialsFile}: start the API with \`npm start\` (or \`npm run hearth -- dev\`), which seeds the demo and writes them.`);
  }
  return JSON.parse(text) as SsoCredentials;
}

let site: Awaited<ReturnType<typeof startClinicSite>>;
try {
  site = await startClinicSite({
    port,
    host: process.env.HOST || '127.0.0.1',
    apiUrl,
    credentials: demoCredentials,
    audience: process.env.HEARTH_SSO_AUDIENCE || 'hearth',
  });
} catch (error) {
  const code = (error as NodeJS.ErrnoException).code;
  console.error(code === 'EADDRINUSE' ? `clinic-site: port ${port} is in use (set CLINIC_PORT to another)` : error);
  process.exit(1);
}
const shownUrl = site.url.replace('://127.0.0.1:', '://localhost:');
console.log(`  Clinic site      ${shownUrl}/   (Arabic: ${shownUrl}/ar/)   widgets from ${apiUrl}/widgets/hearth.js`);

let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  void site.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
