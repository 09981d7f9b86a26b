import { z } from 'zod';

/**
 * Relay global IDs: base64 of "Type:uuid". Inputs take them as plain `ID`s and decode them in the input's zod
 * schema, so a malformed ID or an ID of another type is a `ValidationError` on that field (returned before any
 * authorization check or database query), never an internal error or a misleading ForbiddenError.
 */
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function encodeGlobalId(typename: string, id: string): string {
  return Buffer.from(`${typename}:${id}`, 'utf8').toString('base64');
}

/** The typename and database id of a global ID, or null when it is not a well-formed Hearth ID. */
export function decodeGlobalId(globalId: string): { typename: string; id: string } | null {
  if (globalId.length > 200 || !/^[A-Za-z0-9+/=_-]+$/.test(globalId)) return null;
  const decoded = Buffer.from(globalId, 'base64').toString('utf8');
  const separator = decoded.indexOf(':');
  if (separator < 1) return null;
  const typename = decoded.slice(0, separator);
  const id = decoded.slice(separator + 1);
  if (!/^[A-Z][A-Za-z]*$/.test(typename) || !uuidPattern.test(id)) return null;
  return { typename, id: id.toLowerCase() };
}

/** A zod schema that accepts a global ID of `typename` and outputs its database id. */
export function globalIdOf(typename: string) {
  return z.union([z.string(), z.number()]).transform((value, context) => {
    const decoded = decodeGlobalId(String(value));
    if (!decoded || decoded.typename !== typename) {
      context.addIssue({ code: 'custom', message: `Expected the id of a ${typename}.` });
      return z.NEVER;
    }
    return decoded.id;
  });
}
