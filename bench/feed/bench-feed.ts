import { armDeadline, runFeedBenchmark } from './run.js';
import { readScenarioArgs } from './scenario.js';
import { seedFeedDatabase } from './seed.js';

/**
 * `pnpm bench:feed`: seeds the benchmark database at the requested scale, then measures Hearth and PostGraphile
 * on it. Flags (all optional): --posts --replies --reactions --members --duration --warmup --connections
 * --page-size; see README.md.
 */
const { scale, load } = readScenarioArgs();
// The seed's few minutes at most (about 20 s at the default scale), then the run's own allowance.
armDeadline(load, 480);
try {
  await seedFeedDatabase(scale);
  await runFeedBenchmark(load);
} catch (error) {
  console.error(`bench: ${(error as Error).message}`);
  process.exitCode = 1;
}
