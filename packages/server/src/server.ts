import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import { useExtendedValidation } from '@envelop/extended-validation';
import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import { useCSRFPrevention } from '@graphql-yoga/plugin-csrf-prevention';
import { GraphQLError, type ValidationRule } from 'graphql';
import { PothosValidationError } from '@pothos/core';
import { createYoga, type Plugin, type YogaServerInstance } from 'graphql-yoga';
import type { Logger } from 'pino';
import { authenticate } from './auth/authenticate.js';
import { RequestAccess } from './auth/request-access.js';
import { TokenRejectedError } from './auth/sso-tokens.js';
import { defaultWidgetsDir, type HearthConfig } from './config.js';
import { databaseRetryAfterSeconds, isDatabaseUnavailable } from './db/availability.js';
import type { Database } from './db/database.js';
import { AllowedOrigins } from './http/allowed-origins.js';
import { operationNodeLimitRule } from './http/operation-nodes.js';
import { createRateLimiter, type RateLimitPolicy, type RateLimiter } from './rate-limits/rate-limits.js';
import { renderLocalGraphiQL, useGraphiqlAssets } from './http/graphiql-assets.js';
import { isWidgetAssetPath, useWidgetAssets } from './http/widget-assets.js';
import type { HearthContext } from './schema/context.js';
import { HearthError, ValidationError } from './schema/errors.js';
import { hearthSchema } from './schema/index.js';

/** The id of the request being answered, for error masking (which graphql-yoga calls without the context). */
const currentRequestId = new AsyncLocalStorage<string>();

export interface HearthServerOptions {
  database: Database;
  config: Pick<HearthConfig, 'mode' | 'ssoAudience' | 'extraCorsOrigins' | 'maxBodyBytes'>;
  logger?: Logger | undefined;
  /** Redis for rate limits shared by every API instance; in memory when absent. */
  redisUrl?: string | undefined;
  /** Rate-limit rules overriding the defaults, per action. */
  rateLimits?: Partial<RateLimitPolicy> | undefined;
  /**
   * How long to wait for an institution's own crisis classifier before the built-in detector decides alone.
   * @default 1500
   */
  crisisClassifierTimeoutMs?: number | undefined;
  /**
   * Folder of the built widget bundle (`hearth.js`, `chunks/`, `custom-elements.json`), served at `/widgets/`.
   * @default the monorepo's `packages/widgets/dist`
   */
  widgetsDir?: string | undefined;
}

/** What graphql-yoga passes from the HTTP layer into each request. */
export interface HearthServerContext {
  requestId?: string;
}

export interface HearthServer {
  yoga: YogaServerInstance<HearthServerContext, HearthContext>;
  /** Answers one request in-process (tests use it without opening a port). */
  fetch(request: Request, serverContext?: HearthServerContext): Promise<Response>;
  allowedOrigins: AllowedOrigins;
  database: Database;
  /** Close it on shutdown (it may hold a Redis connection). */
  rateLimiter: RateLimiter;
}

/**
 * Operation limits, tuned for Relay-shaped queries. A connection costs three levels (`groups { edges { node`),
 * so armor's default depth of 6 would refuse `me { memberships { edges { node { group { facilitators { name`
 * (depth 7) that the widgets need; 10 leaves room for one more nested connection and no more.
 * Cost: armor multiplies a list's cost by a literal `first`, so a full page of 100 groups with a card's worth of
 * fields costs about 7,500; 20,000 lets that through (also written as a literal).
 * Nodes: armor sees no variable, so `first: $n` would pass its cost as one row. `http/operation-nodes.ts` counts the
 * nodes an operation can return with the page sizes it really asks for (GitHub's rule: each connection's page size
 * times those of the connections around it). The largest a widget asks, the outreach inbox's 100 threads with 20
 * messages each, is 2,100, and a thread read three levels deep at the default page (20 × 20 × 20) is 8,420; 10,000
 * lets those through and refuses a connection of 100 inside a connection of 100 (10,100) however it is written.
 */
export const operationLimits = {
  maxDepth: 10,
  maxAliases: 15,
  maxTokens: 2000,
  maxDirectives: 20,
  maxCost: 20_000,
  maxNodes: 10_000,
} as const;

/**
 * graphql-js ships CommonJS and ES module builds; a GraphQLError created by one fails `instanceof` against the
 * other's class, so errors are recognised by name.
 */
function isGraphQLError(error: unknown): error is GraphQLError {
  return error instanceof GraphQLError || (error instanceof Error && error.name === 'GraphQLError');
}

function toClientError(error: unknown, requestId: string | undefined): GraphQLError {
  const original = isGraphQLError(error) ? (error.originalError ?? error) : error;
  if (original instanceof TokenRejectedError) {
    return new GraphQLError(original.message, {
      extensions: { code: 'UNAUTHENTICATED', reason: original.reason, http: { status: 401 } },
    });
  }
  if (original instanceof HearthError) {
    const extensions: Record<string, unknown> = { code: original.name.replace(/Error$/, '').replace(/([a-z])([A-Z])/g, '$1_$2').toUpperCase() };
    if (original instanceof ValidationError) extensions.fields = original.fields;
    return new GraphQLError(original.message, { ...(isGraphQLError(error) ? { nodes: error.nodes, path: error.path } : {}), extensions });
  }
  if (isDatabaseUnavailable(original)) {
    // The whole request is refused, not one field: while the database is away nearly every field would fail the
    // same way, and a status a load balancer or client retries on is more useful than a list of errors. The
    // message is ours; the driver's (host, port, SQLSTATE text) stays in the server's log.
    return new GraphQLError(`The service is briefly unavailable. Try again in ${databaseRetryAfterSeconds} seconds.`, {
      ...(isGraphQLError(error) ? { nodes: error.nodes, path: error.path } : {}),
      extensions: {
        code: 'SERVICE_UNAVAILABLE',
        retryAfterSeconds: databaseRetryAfterSeconds,
        http: { status: 503, headers: { 'retry-after': String(databaseRetryAfterSeconds) } },
      },
    });
  }
  if (original instanceof PothosValidationError) {
    return new GraphQLError(original.message, { ...(isGraphQLError(error) ? { nodes: error.nodes, path: error.path } : {}), extensions: { code: 'VALIDATION' } });
  }
  // Errors graphql-js raised while parsing, validating or coercing the request are the client's own and safe to
  // show (a variable coercion error wraps another GraphQLError).
  if (isGraphQLError(error) && (!error.originalError || isGraphQLError(error.originalError))) {
    if (error.extensions?.code) return error;
    const code = error.originalError ? 'BAD_USER_INPUT' : error.message.startsWith('Syntax Error') ? 'GRAPHQL_PARSE_FAILED' : 'GRAPHQL_VALIDATION_FAILED';
    return new GraphQLError(error.message, { nodes: error.nodes, source: error.source, positions: error.positions, path: error.path, extensions: { ...error.extensions, code } });
  }
  return new GraphQLError('Unexpected error.', {
    ...(isGraphQLError(error) ? { nodes: error.nodes, path: error.path } : {}),
    extensions: { code: 'INTERNAL_SERVER_ERROR', requestId },
  });
}

export function createHearthServer(options: HearthServerOptions): HearthServer {
  const { database, config, logger } = options;
  const production = config.mode === 'production';
  const allowedOrigins = new AllowedOrigins(database.db, config.extraCorsOrigins);
  const rateLimiter = createRateLimiter({ redisUrl: options.redisUrl, policy: options.rateLimits, logger });
  const crisisClassifier = { timeoutMs: options.crisisClassifierTimeoutMs, logger };

  const armor = EnvelopArmorPlugin({
    maxDepth: { n: operationLimits.maxDepth, ignoreIntrospection: true, flattenFragments: true },
    maxAliases: { n: operationLimits.maxAliases },
    maxTokens: { n: operationLimits.maxTokens },
    maxDirectives: { n: operationLimits.maxDirectives },
    costLimit: { maxCost: operationLimits.maxCost, ignoreIntrospection: true },
    blockFieldSuggestion: { enabled: production },
  });

  const useIntrospectionOnlyInDevelopment: Plugin = {
    onValidate({ addValidationRule, context }) {
      if (!production) return;
      void context;
      const noIntrospection: ValidationRule = (validationContext) => ({
        Field(node) {
          if (node.name.value === '__schema' || node.name.value === '__type') {
            validationContext.reportError(new GraphQLError('Introspection is disabled.', { nodes: [node] }));
          }
        },
      });
      addValidationRule(noIntrospection);
    },
  };

  const yoga = createYoga<HearthServerContext, HearthContext>({
    schema: hearthSchema(),
    graphqlEndpoint: '/graphql',
    landingPage: false,
    graphiql: production
      ? false
      : {
          title: 'Hearth API',
          defaultTabs: [
            { query: graphiqlWelcome, headers: JSON.stringify({ 'X-Hearth-Institution': 'riverside' }, null, 2) },
            { query: graphiqlSignedIn, headers: JSON.stringify({ Authorization: 'Bearer <paste a token here>' }, null, 2) },
          ],
        },
    renderGraphiQL: renderLocalGraphiQL,
    batching: false,
    logging: false,
    cors: async (request) => {
      const origin = request.headers.get('origin');
      // The widget files are public and answer every origin with `*` themselves (useWidgetAssets); yoga's CORS
      // headers, added after every response, would replace that with the one origin when it is an allowed one.
      if (!origin || isWidgetAssetPath(new URL(request.url).pathname) || !(await allowedOrigins.allows(origin))) return false;
      return {
        origin,
        credentials: false,
        methods: ['GET', 'POST', 'OPTIONS'],
        allowedHeaders: ['authorization', 'content-type', 'x-hearth-institution', 'x-graphql-yoga-csrf', 'x-request-id'],
        exposedHeaders: ['x-request-id'],
        maxAge: 600,
      };
    },
    maskedErrors: {
      maskError: (error, _message) => {
        // The masking hook sees no context, so the request id comes from the request's async scope (see fetch).
        const requestId = (error as { extensions?: { requestId?: string } }).extensions?.requestId ?? currentRequestId.getStore();
        const clientError = toClientError(error, requestId);
        if (clientError.extensions.code === 'INTERNAL_SERVER_ERROR' && !(error as { extensions?: { requestId?: string } }).extensions?.requestId) {
          // yoga's own logger is off; without this line an unexpected failure would leave no trace but its id.
          logger?.error({ err: error instanceof GraphQLError ? (error.originalError ?? error) : error, requestId }, 'unexpected error');
        }
        return clientError;
      },
    },
    plugins: [
      // First, so the bundle is answered before anything GraphQL-specific looks at the request (CSRF prevention
      // only checks GraphQL requests as they are parsed, which these never reach).
      useWidgetAssets(options.widgetsDir ?? defaultWidgetsDir),
      // A browser sends a cross-site form POST (multipart or urlencoded) without a preflight; requiring this
      // header or a JSON content type means such a request can never run a mutation.
      useCSRFPrevention({ requestHeaders: ['x-graphql-yoga-csrf'] }),
      armor,
      useExtendedValidation({ rules: [operationNodeLimitRule({ maxNodes: operationLimits.maxNodes })] }),
      useIntrospectionOnlyInDevelopment,
      ...(production ? [] : [useGraphiqlAssets]),
    ],
    context: async ({ request, requestId }) => {
      const id = requestId ?? randomUUID();
      try {
        const viewer = await authenticate(database.db, request, config.ssoAudience);
        return { db: database.db, viewer, access: new RequestAccess(database.db, viewer), requestId: id, rateLimiter, crisisClassifier };
      } catch (error) {
        if (error instanceof TokenRejectedError || isDatabaseUnavailable(error)) throw toClientError(error, id);
        logger?.error({ err: error, requestId: id }, 'authentication failed unexpectedly');
        throw new GraphQLError('Unexpected error.', { extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: id } });
      }
    },
  });

  return {
    yoga,
    fetch: (request, serverContext = {}) => {
      const requestId = serverContext.requestId ?? randomUUID();
      return currentRequestId.run(requestId, () => Promise.resolve(yoga.fetch(request, { ...serverContext, requestId })));
    },
    allowedOrigins,
    database,
    rateLimiter,
  };
}

const graphiqlWelcome = `# Welcome to Hearth. Sign in: run \`npm run hearth -- token --institution riverside --member demo-amal\`
# and add the header  {"Authorization": "Bearer <token>"}  below; guests add {"X-Hearth-Institution": "riverside"}.
query FindGroups {
  groups(filter: { text: "diabetes" }, first: 10) {
    edges {
      node { id name joinPolicy facilitation memberCount acceptingMembers facilitators { name role credential } }
    }
  }
}
`;

const graphiqlSignedIn = `# Signed in: paste a token from \`npm run hearth -- token --institution nour --member demo-amal\` in the headers below.
query Me {
  me {
    displayName
    institution { name }
    memberships(first: 10) { edges { node { status role group { name } } } }
  }
}
`;
