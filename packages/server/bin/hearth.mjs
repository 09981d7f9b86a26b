#!/usr/bin/env node
// Runs the TypeScript CLI with tsx registered in this very process, so `npm run hearth …` works from a checkout
// without a build step, starts one node (not a wrapper and a child: `hearth token` answers sooner), and the
// CLI hears signals itself.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli.ts');
