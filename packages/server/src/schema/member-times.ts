import { viewerMemberId } from '../auth/viewer.js';
import type { HearthContext } from './context.js';

/**
 * The one rule for timestamps about a member (when they asked to join, took a seat, are suspended until): the
 * member reads them exactly; everyone else — facilitators and admins included — reads the UTC day. Posts and
 * replies are stamped to the second, so an exact join time beside them would let anyone who sees both line an
 * anonymous first post up with the person who had just joined; a day can't single anyone out that way. Content
 * times themselves stay as they are (content-pages.ts, whole seconds).
 *
 * Every DateTime field of the schema is either a member time, declared through `memberTime` (which marks
 * the field in its extensions), or listed with a reason in member-times.test.ts; a new DateTime field fails that
 * test until someone decides which it is.
 */
export const memberTimeExtension = 'hearthMemberTime' as const;

/** `down` for instants in the past (since when), `up` for ends (until when), so "until" is never early. */
export type MemberTimeRounding = 'down' | 'up';

const dayMs = 24 * 60 * 60 * 1000;

export function toUtcDay(time: Date, rounding: MemberTimeRounding): Date {
  const start = Math.floor(time.getTime() / dayMs) * dayMs;
  return new Date(rounding === 'up' && start !== time.getTime() ? start + dayMs : start);
}

/** The time as `viewer` may read it: exact for the member it is about, the UTC day for anyone else. */
export function memberTimeFor(
  context: Pick<HearthContext, 'viewer'>,
  aboutMemberId: string,
  time: Date | null,
  rounding: MemberTimeRounding = 'down',
): Date | null {
  if (time === null) return null;
  return viewerMemberId(context.viewer) === aboutMemberId ? time : toUtcDay(time, rounding);
}

interface MemberTimeOptions<Parent> {
  description: string;
  rounding?: MemberTimeRounding;
  /** Whom the time is about. */
  member: (parent: Parent) => string | null;
}

interface MemberTimeField<Parent, Nullable extends boolean> {
  type: 'DateTime';
  nullable: Nullable;
  description: string;
  extensions: Record<string, unknown>;
  resolve: (parent: Parent, args: object, context: HearthContext) => Nullable extends true ? Date | null : Date;
}

/**
 * The options of a DateTime field about a member, for `t.field(memberTime({...}))`: read through
 * `memberTimeFor`, and marked in the field's extensions so the schema test knows it was decided.
 */
export function memberTime<Parent>(
  options: MemberTimeOptions<Parent> & {
    nullable: true;
    time: (parent: Parent) => Date | null;
    /** When false the field is null: the time would point at a member the viewer may not connect to the record. */
    shown?: (parent: Parent, context: HearthContext) => boolean;
  },
): MemberTimeField<Parent, true>;
export function memberTime<Parent>(options: MemberTimeOptions<Parent> & { nullable: false; time: (parent: Parent) => Date }): MemberTimeField<Parent, false>;
export function memberTime<Parent>(
  options: MemberTimeOptions<Parent> & {
    nullable: boolean;
    time: (parent: Parent) => Date | null;
    shown?: (parent: Parent, context: HearthContext) => boolean;
  },
): MemberTimeField<Parent, boolean> {
  return {
    type: 'DateTime',
    nullable: options.nullable,
    description: `${options.description} Exact for the member; the UTC day (00:00) for anyone else${options.rounding === 'up' ? ', rounded up' : ''}.`,
    extensions: { [memberTimeExtension]: true },
    resolve: (parent, _args, context) => {
      const member = options.member(parent);
      if (member === null || (options.shown && !options.shown(parent, context))) return null as unknown as Date;
      return memberTimeFor(context, member, options.time(parent), options.rounding) as Date;
    },
  };
}
