/**
 * What PostGraphile needs to serve the same feed as Hearth from Hearth's own tables, applied by the seed to the
 * benchmark database only (never to Hearth's migrations).
 *
 * PostGraphile turns tables, foreign keys and SQL functions into GraphQL; it has no notion of Hearth's anonymity
 * rule, so the rule is written here as "computed column" functions, which PostGraphile inlines into the one SQL
 * statement it builds per request:
 * - `author` is the member only when the item is not anonymous (null otherwise, as Hearth shows it to everyone but
 *   the author); the raw `author_id` columns, their foreign keys and the alias table are hidden with smart
 *   comments, so no path in the peer's schema leads from an anonymous item to its writer;
 * - `authorName` is the thread alias ("Anonymous 3") for an anonymous item, else the writer's pseudonym in that
 *   group, else their display name;
 * - `replyCount` counts the thread's published replies and `reactionCounts` the reactions per kind (every kind).
 * Hearth additionally checks, per request, who the viewer is and whether they may read the group; the peer
 * serves the tables to anyone (no JWT, no row-level security), which favours the peer and is said in the output.
 */
export const postgraphileFeedSchema = `
create or replace function posts_author(post posts) returns members
language sql stable parallel safe as $$
  select m.* from members m where m.id = post.author_id and not post.anonymous
$$;

create or replace function replies_author(reply replies) returns members
language sql stable parallel safe as $$
  select m.* from members m where m.id = reply.author_id and not reply.anonymous
$$;

create or replace function hearth_author_name(item_thread_id uuid, item_group_id uuid, item_author_id uuid, item_anonymous boolean) returns text
language sql stable parallel safe as $$
  select case
    when item_anonymous then 'Anonymous ' || (select a.alias_number from thread_aliases a where a.post_id = item_thread_id and a.member_id = item_author_id)
    else coalesce(
      (select ms.pseudonym from memberships ms where ms.group_id = item_group_id and ms.member_id = item_author_id),
      (select m.display_name from members m where m.id = item_author_id))
  end
$$;
comment on function hearth_author_name(uuid, uuid, uuid, boolean) is '@omit';

create or replace function posts_author_name(post posts) returns text
language sql stable parallel safe as $$
  select hearth_author_name(post.id, post.group_id, post.author_id, post.anonymous)
$$;

create or replace function replies_author_name(reply replies) returns text
language sql stable parallel safe as $$
  select hearth_author_name(reply.post_id, reply.group_id, reply.author_id, reply.anonymous)
$$;

create or replace function posts_reply_count(post posts) returns integer
language sql stable parallel safe as $$
  select count(*)::integer from replies r where r.post_id = post.id and r.status = 'PUBLISHED'
$$;

-- Every kind, zero included, in Hearth's fixed order, as Hearth lists them.
create or replace function posts_reaction_counts(post posts) returns table (kind text, count integer)
language sql stable parallel safe as $$
  select k.kind, count(r.kind)::integer
  from unnest(array['SUPPORT', 'HUG', 'ME_TOO', 'THANK_YOU', 'HELPFUL']) with ordinality as k(kind, position)
  left join reactions r on r.subject_id = post.id and r.kind = k.kind
  group by k.kind, k.position
  order by k.position
$$;
comment on function posts_reaction_counts(posts) is '@simpleCollections only';

-- The group's posts and a post's group, named as Hearth names them (the foreign key spans two columns).
comment on constraint posts_institution_id_group_id_fkey on posts is E'@fieldName group\n@foreignFieldName posts';
comment on column posts.author_id is '@omit';
comment on column replies.author_id is '@omit';
comment on constraint posts_institution_id_author_id_fkey on posts is '@omit';
comment on constraint replies_institution_id_author_id_fkey on replies is '@omit';
comment on table thread_aliases is '@omit';
comment on table sso_keys is '@omit';
comment on table service_tokens is '@omit';
`;
