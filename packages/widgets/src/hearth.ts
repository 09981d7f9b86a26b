/**
 * The script-tag entry (`/widgets/hearth.js`): puts `Hearth.configure()` on `window` for pages without a bundler,
 * defines `<hearth-provider>`, starts fetching the page language's strings, and loads each widget's code when the
 * page first shows it. A second copy of the script does nothing: the first copy's `Hearth`, definitions and
 * configuration stay the page's one set.
 */
import { defineElement } from './base/define-element.js';
// The base every widget shares (Lit, the API client, localization), imported here so the browser fetches it in
// parallel with this file instead of after the first widget's own code.
import { HearthElement } from './base/hearth-element.js';
import { configure } from './configuration/hearth-options.js';
import { autoloadElements } from './element-autoloader.js';
import { HearthProvider } from './hearth-provider/hearth-provider.js';
import { loadLanguage } from './localization/locale-controller.js';

declare global {
  interface Window {
    Hearth?: { configure: typeof configure; version: string };
  }
}

declare const HEARTH_VERSION: string;

if (!window.Hearth && HearthElement) {
  window.Hearth = { configure, version: HEARTH_VERSION };
  defineElement('hearth-provider', HearthProvider);
  // Most widgets speak the page's language: its strings load alongside the widgets' code, not after it.
  loadLanguage(document.documentElement.lang || navigator.language).catch(() => {
    // Each widget asks again when it needs the strings.
  });
  autoloadElements();
}
