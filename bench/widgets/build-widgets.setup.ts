import type { TestProject } from 'vitest/node';
import { buildWidgets } from './bundle-sizes.js';

/**
 * Global setup of the bench project: builds the widgets, so the harness test measures and loads the bundle as the
 * source is now. Global setups run one after another before any test, so this build never replaces files while
 * another project's test is loading them. A failed build fails the widgets harness test with the build's
 * output, not the feed's tests.
 */
export default async function setup(project: TestProject): Promise<void> {
  try {
    await buildWidgets(() => {});
    project.provide('widgetsBuildError', null);
  } catch (error) {
    project.provide('widgetsBuildError', (error as Error).message);
  }
}

declare module 'vitest' {
  export interface ProvidedContext {
    widgetsBuildError: string | null;
  }
}
