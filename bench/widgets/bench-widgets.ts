import { readRuns, runWidgetsBenchmark } from './run.js';

/**
 * `pnpm bench:widgets`: builds the widgets, prints the bundle's sizes against the 45 KiB budget, then times the
 * first group card of the widget against a plain baseline page in Chromium. `BENCH_RUNS` (default 15) sets the
 * loads per page and cache state; see README.md.
 */
try {
  const runs = readRuns();
  // About a second per load, six loads per run (cold, warm and its priming load, for both pages), plus the
  // build, the database and the browser; anything far past that is a hang.
  setTimeout(() => {
    console.error('bench: still running after the time this many runs should take; stopping.');
    process.exit(1);
  }, (180 + runs * 6 * 10) * 1000).unref();
  await runWidgetsBenchmark({ runs, build: true });
} catch (error) {
  console.error(`bench: ${(error as Error).message}`);
  process.exitCode = 1;
}
