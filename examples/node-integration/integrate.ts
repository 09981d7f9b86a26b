/**
 * An institution's backend integrating with Hearth, as its developer would write it: only @hearth/client and
 * jose, configured by environment variables.
 *
 *   HEARTH_URL            the Hearth server, e.g. https://hearth.example (GraphQL at /graphql)
 *   HEARTH_INSTITUTION    your institution's slug (the `iss` of your SSO tokens)
 *   HEARTH_SERVICE_TOKEN  a service token (from `hearth institution create` or createServiceToken)
 *   HEARTH_SSO_KID        the key id of your SSO secret (k1, …)
 *   HEARTH_SSO_SECRET     the SSO secret itself
 *   HEARTH_SSO_AUDIENCE   optional, the server's audience (default "hearth")
 *   GROUP_SLUG            optional, the group to create or reuse (default "family-caregivers")
 *
 * It creates a group with the service token (or finds it, if an earlier run made it), signs an SSO token for one
 * of your users, joins the group as that user and starts a thread there.
 */
import {
  createGroupMutation,
  createHearthClient,
  createPostMutation,
  groupQuery,
  joinGroupMutation,
  type HearthFailure,
} from '@hearth/client';
import { SignJWT } from 'jose';

/** A step that could not be done, with what to tell the operator. */
class IntegrationError extends Error {}

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new IntegrationError(`set ${name} (see the top of integrate.ts)`);
  return value;
}

function configFromEnvironment() {
  return {
    graphqlUrl: new URL('/graphql', required('HEARTH_URL')),
    institution: required('HEARTH_INSTITUTION'),
    serviceToken: required('HEARTH_SERVICE_TOKEN'),
    ssoKid: required('HEARTH_SSO_KID'),
    ssoSecret: new TextEncoder().encode(required('HEARTH_SSO_SECRET')),
    audience: process.env.HEARTH_SSO_AUDIENCE ?? 'hearth',
    groupSlug: process.env.GROUP_SLUG ?? 'family-caregivers',
  };
}
type Config = ReturnType<typeof configFromEnvironment>;

/** Your user, as your own site knows them. */
interface SiteUser {
  id: string;
  displayName: string;
  locale: string;
}

/** What your backend does for each signed-in user: vouch for them with a short-lived token. */
function signSsoToken(config: Config, user: SiteUser): Promise<string> {
  return new SignJWT({ name: user.displayName, locale: user.locale })
    .setProtectedHeader({ alg: 'HS256', kid: config.ssoKid })
    .setIssuer(config.institution)
    .setSubject(user.id)
    .setAudience(config.audience)
    .setIssuedAt()
    .setExpirationTime('15m')
    .sign(config.ssoSecret);
}

function describeFailure(failure: HearthFailure): string {
  switch (failure.kind) {
    case 'network':
      return `Hearth did not answer: ${String(failure.cause)}`;
    case 'http':
      return `Hearth answered HTTP ${failure.status}: ${failure.errors.map((error) => error.message).join('; ') || 'no details'}`;
    case 'graphql':
      return `Hearth refused the request: ${failure.errors.map((error) => error.message).join('; ')}`;
  }
}

/** Creates the group with the backend's service token, or finds the one an earlier run created. */
async function ensureGroup(config: Config): Promise<string> {
  const backend = createHearthClient({ url: config.graphqlUrl, token: config.serviceToken });
  const created = await backend.mutate(
    createGroupMutation,
    {
      input: {
        slug: config.groupSlug,
        name: 'Family caregivers',
        description: 'For people caring for a family member with a long illness.',
        topics: ['caregiving', 'family'],
        languages: ['en'],
        facilitation: 'PEER_LED',
        visibility: 'PUBLIC',
        joinPolicy: 'OPEN',
        guidelines: 'Be kind. What is shared here stays here.',
      },
    },
    (data) => data.createGroup,
  );
  switch (created.kind) {
    case 'ok':
      console.log(`created group ${created.data.slug} (${created.data.id})`);
      return created.data.id;
    case 'error': {
      if (created.error.__typename === 'ConflictError') {
        const existing = await backend.request(groupQuery, { slug: config.groupSlug });
        if (existing.kind !== 'ok') throw new IntegrationError(describeFailure(existing));
        if (!existing.data.group) throw new IntegrationError(`the slug ${config.groupSlug} is taken but its group cannot be read`);
        console.log(`found group ${config.groupSlug} (${existing.data.group.id})`);
        return existing.data.group.id;
      }
      const fields = created.error.__typename === 'ValidationError' ? created.error.fields.map((field) => `; ${field.path.join('.')}: ${field.message}`).join('') : '';
      throw new IntegrationError(`could not create the group: ${created.error.message}${fields}`);
    }
    default:
      throw new IntegrationError(describeFailure(created));
  }
}

async function integrate(): Promise<void> {
  const config = configFromEnvironment();
  const groupId = await ensureGroup(config);

  // The user's session: a client that signs a fresh SSO token whenever Hearth asks for one.
  const user: SiteUser = { id: 'user-42', displayName: 'Samira', locale: 'en' };
  const member = createHearthClient({ url: config.graphqlUrl, getToken: () => signSsoToken(config, user) });

  const joined = await member.mutate(joinGroupMutation, { input: { groupId } }, (data) => data.joinGroup);
  if (joined.kind === 'error' && joined.error.__typename === 'ConflictError') {
    // Already in the group (an earlier run): say where they stand and carry on.
    const group = await member.request(groupQuery, { id: groupId });
    if (group.kind !== 'ok') throw new IntegrationError(describeFailure(group));
    const status = group.data.group?.viewerMembership?.status;
    if (status !== 'ACTIVE') throw new IntegrationError(`could not join: ${joined.error.message} (membership ${status ?? 'none'})`);
    console.log(`${user.displayName} is already a member`);
  } else if (joined.kind === 'error' && joined.error.__typename === 'GroupFullError') {
    throw new IntegrationError(`the group is full${joined.error.waitlistOpen ? ' (its waitlist is open: joinWaitlist)' : ''}`);
  } else if (joined.kind === 'error') {
    throw new IntegrationError(`could not join: ${joined.error.message}`);
  } else if (joined.kind !== 'ok') {
    throw new IntegrationError(describeFailure(joined));
  } else {
    // Members appear under a pseudonym by default (the group's suggestion, unless the join passes `appearance`),
    // so the site's name for the user is never what other members or guests read.
    const appearsAs = joined.data.appearance?.kind === 'PSEUDONYM' ? `"${joined.data.appearance?.pseudonym}"` : 'their own name';
    console.log(`${user.displayName} joined: membership ${joined.data.status}, appearing as ${appearsAs}`);
  }

  const posted = await member.mutate(
    createPostMutation,
    { input: { groupId, title: 'Hello from Samira', body: 'I care for my father since his stroke. How do you find time to rest?' } },
    (data) => data.createPost,
  );
  if (posted.kind === 'error' && posted.error.__typename === 'RateLimitedError') {
    throw new IntegrationError(`posting too fast: try again in ${posted.error.retryAfterSeconds} s`);
  }
  if (posted.kind === 'error') throw new IntegrationError(`could not post: ${posted.error.message}`);
  if (posted.kind !== 'ok') throw new IntegrationError(describeFailure(posted));
  console.log(`posted "${posted.data.post.title}" (${posted.data.post.id}): ${posted.data.post.status}`);
  for (const resource of posted.data.crisisResources) console.log(`crisis resource offered: ${resource.name}`);
}

await integrate().catch((error: unknown) => {
  console.error(`integration failed: ${error instanceof IntegrationError ? error.message : String(error)}`);
  process.exitCode = 1;
});
