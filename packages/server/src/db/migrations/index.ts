import type { Migration, MigrationProvider } from 'kysely/migration';
import * as platform from './0001-platform.js';
import * as searchNormalization from './0002-search-normalization.js';
import * as conversationsAndSafety from './0003-conversations-and-safety.js';
import * as posts from './0004-posts.js';
import * as moderation from './0005-moderation.js';
import * as pinnedPostsIndex from './0006-pinned-posts-index.js';
import * as crisisQueue from './0007-crisis-queue.js';
import * as outreach from './0008-outreach.js';
import * as memberAppearance from './0009-member-appearance.js';
import * as crisisClassifier from './0011-crisis-classifier.js';
import * as crisisPostHandling from './0012-crisis-post-handling.js';

/**
 * Migrations in the order they run. Listed statically (not read from the folder) so the server works the same
 * from source, from a bundle and inside tests.
 */
const migrations: Record<string, Migration> = {
  '0001-platform': platform,
  '0002-search-normalization': searchNormalization,
  '0003-conversations-and-safety': conversationsAndSafety,
  '0004-posts': posts,
  '0005-moderation': moderation,
  '0006-pinned-posts-index': pinnedPostsIndex,
  '0007-crisis-queue': crisisQueue,
  '0008-outreach': outreach,
  '0009-member-appearance': memberAppearance,
  '0011-crisis-classifier': crisisClassifier,
  '0012-crisis-post-handling': crisisPostHandling,
};

export const hearthMigrations: MigrationProvider = {
  getMigrations: async () => migrations,
};
