/**
 * The script-tag entry (`/widgets/hearth.js`): defines the elements and puts `Hearth.configure()` on `window`
 * for pages without a bundler. A second copy of the script leaves the first copy's `Hearth` in place, so the
 * elements (defined by the first copy) and the configuration they read stay one.
 */
import { configure } from './configuration/hearth-options.js';
import { defineHearthElements } from './register.js';

declare global {
  interface Window {
    Hearth?: { configure: typeof configure; version: string };
  }
}

declare const HEARTH_VERSION: string;

window.Hearth ??= { configure, version: HEARTH_VERSION };
defineHearthElements();
