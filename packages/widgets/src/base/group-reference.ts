/**
 * A `group` attribute holds what the host knows: the group's slug (`grief-and-loss`, stable and readable in a
 * page's markup) or its global ID. Slugs are looked up within the viewer's institution.
 */
export function groupLookup(reference: string): { id: string } | { slug: string } {
  return isGlobalIdOf('Group', reference) ? { id: reference } : { slug: reference };
}

export function isGlobalIdOf(typename: string, value: string): boolean {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(value)) return false;
  try {
    return atob(value).startsWith(`${typename}:`);
  } catch {
    return false;
  }
}
