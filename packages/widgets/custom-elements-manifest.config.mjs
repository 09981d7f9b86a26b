/**
 * The analyzer's settings (scripts/custom-elements.ts passes the rest on its command line). `packagejson: false`:
 * the analyzer would otherwise point package.json's `customElements` at whichever folder it last wrote to, a test's
 * temporary one included; the field is written by hand.
 */
export default { packagejson: false };
