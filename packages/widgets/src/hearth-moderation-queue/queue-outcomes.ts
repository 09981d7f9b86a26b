/**
 * Another facilitator decided first: the request is no longer waiting, or the case is closed. The API says so
 * with a ConflictError; the desk treats it as done rather than as a failure.
 */
export function decidedElsewhere(result: { kind: string; error?: { __typename: string; message: string } }): boolean {
  return result.kind === 'error' && result.error?.__typename === 'ConflictError' && /not a request waiting|already closed/.test(result.error.message);
}

/** Global IDs hold `=`, `+` and `/`: fine in id references, but not in a `#selector`. */
export function cssId(id: string): string {
  return id.replace(/[^A-Za-z0-9_-]/g, (character) => `_${character.charCodeAt(0).toString(16)}`);
}
