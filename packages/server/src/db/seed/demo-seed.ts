import type { HearthDb } from '../database.js';

/** What `hearth token` needs to sign demo tokens while the server holds the embedded database. */
export interface DemoCredentials {
  institutions: Array<{ slug: string; kid: string; secret: string; serviceToken: string }>;
}

/** Adds the demo institutions, groups and members; returns their credentials, or null when already seeded. */
export async function seedDemo(_db: HearthDb): Promise<DemoCredentials | null> {
  return null;
}
