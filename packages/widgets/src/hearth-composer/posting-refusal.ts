import type { HearthClient } from '@hearth/client';
import type { LocaleController } from '../localization/locale-controller.js';
import { composerMessages } from './hearth-composer.messages.js';
import { composerGroupQuery, composerPostQuery, type ComposerGroup } from './hearth-composer.operations.js';

/**
 * Why the reader may not write here, in their language: the group is archived, their request is pending, they
 * are suspended or banned, they are not a member, or the thread is locked. Shown in place of the form, and after
 * the API refused a post (its own words are English), from a fresh look at where the reader stands.
 */

/** Why the viewer may not write in this group; null when they may. */
export function cannotPost(i18n: LocaleController, group: ComposerGroup): string | null {
  const m = i18n.messages(composerMessages);
  if (group.archived) return m.archived;
  if (group.viewerCanPost) return null;
  const membership = group.viewerMembership;
  if (membership?.status === 'PENDING') return m.pendingMember;
  if (membership?.status === 'SUSPENDED' || membership?.status === 'BANNED') {
    return membership.suspendedUntil ? m.suspended(i18n.dateTime(membership.suspendedUntil)) : m.suspendedOpen;
  }
  return m.notMember;
}

/** Why the API refused, from a fresh look at the group (or thread); null when nothing the reader can fix shows. */
export async function refusalOf(client: HearthClient, i18n: LocaleController, where: { groupId: string; postId: string | null }): Promise<string | null> {
  let group: ComposerGroup | null = null;
  if (where.postId) {
    const result = await client.request(composerPostQuery, { postId: where.postId });
    const node = result.kind === 'ok' && result.data.node?.__typename === 'Post' ? result.data.node : null;
    if (node?.locked) return i18n.messages(composerMessages).locked;
    group = node?.group ?? null;
  } else {
    const result = await client.request(composerGroupQuery, { id: where.groupId });
    group = result.kind === 'ok' ? result.data.group : null;
  }
  return group ? cannotPost(i18n, group) : null;
}
