import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Builds the widget bundle once per test run, as `npm start` does, so the browser tests load the same
 * `hearth.js` a host page gets from the API's /widgets/ route.
 */
export default function buildWidgets(): void {
  const widgetsFolder = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'packages', 'widgets');
  execFileSync(process.execPath, ['--import', 'tsx', 'scripts/build.ts'], { cwd: widgetsFolder, stdio: ['ignore', 'inherit', 'inherit'] });
}
