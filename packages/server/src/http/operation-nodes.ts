import type { ExtendedValidationRule } from '@envelop/extended-validation';
import { GraphQLError, Kind, type OperationDefinitionNode, type SelectionSetNode, type ValueNode } from 'graphql';
import { defaultPageSize, maxPageSize } from '../schema/keyset-pagination.js';

/**
 * Refuses an operation that could return more than `maxNodes` nodes, counted as GitHub's GraphQL API counts them:
 * a connection (a field with a `first` or `last` argument) can return its page size times the page sizes of the
 * connections it sits in, and an operation's nodes are the sum over its connections. The page size is the one the
 * request really asks for — a literal, a variable's value, its declared default, or the default page size when
 * `first` is absent — which graphql-armor's cost limit does not see (it multiplies by a literal `first` only, so
 * `first: $n` counted as one row and a connection nested in a connection at 100 × 100 passed it). An extended
 * validation rule, because only then are the variables known.
 */
export interface OperationNodeLimit {
  maxNodes: number;
}

/** The code graphql-armor's refusals answer with, so that a client sees one error for every operation limit. */
const refusedCode = 'GRAPHQL_VALIDATION_FAILED';

/**
 * The schema read by shape, not with graphql's predicates: graphql-js ships CommonJS and ES module builds, the schema
 * may come from either, and the predicates' `instanceof` checks fail across the two.
 */
interface SchemaField {
  type: unknown;
  args: ReadonlyArray<{ name: string; defaultValue?: unknown }>;
}
interface SchemaType {
  getFields?: () => Record<string, SchemaField>;
}

function namedType(type: unknown): SchemaType | undefined {
  let named = type as { ofType?: unknown } | undefined;
  while (named?.ofType) named = named.ofType as { ofType?: unknown };
  return named as SchemaType | undefined;
}

export function operationNodeLimitRule({ maxNodes }: OperationNodeLimit): ExtendedValidationRule {
  return (context, executionArgs) => {
    const schema = context.getSchema();
    const typeNamed = (name: string) => schema.getType(name) as SchemaType | undefined;

    /** A literal, a variable's value as sent, or its declared default when it is not sent. */
    function valueOf(value: ValueNode, operation: OperationDefinitionNode): unknown {
      if (value.kind === Kind.INT) return Number.parseInt(value.value, 10);
      if (value.kind !== Kind.VARIABLE) return undefined;
      const sent = executionArgs.variableValues?.[value.name.value];
      if (sent !== undefined && sent !== null) return sent;
      const declared = operation.variableDefinitions?.find((definition) => definition.variable.name.value === value.name.value);
      return declared?.defaultValue ? valueOf(declared.defaultValue, operation) : undefined;
    }

    /** The page size a connection asks for (the larger of `first` and `last`), or null for a field that is no connection. */
    function pageSize(field: SchemaField, given: ReadonlyArray<{ name: { value: string }; value: ValueNode }>, operation: OperationDefinitionNode): number | null {
      const pageArguments = field.args.filter((argument) => argument.name === 'first' || argument.name === 'last');
      if (pageArguments.length === 0) return null;
      const asked = pageArguments
        .map((argument) => {
          const node = given.find((candidate) => candidate.name.value === argument.name);
          return node ? valueOf(node.value, operation) : argument.defaultValue;
        })
        .filter((value): value is number => typeof value === 'number' && Number.isFinite(value));
      // A size past the largest page is refused by the field itself; count it as the largest page here.
      return asked.length === 0 ? defaultPageSize : Math.min(maxPageSize, Math.max(0, ...asked));
    }

    /** The nodes a selection set can return, each connection in it multiplied by `outer` (the pages it sits in). */
    function nodesIn(selectionSet: SelectionSetNode, parent: SchemaType | undefined, outer: number, operation: OperationDefinitionNode): number {
      let nodes = 0;
      for (const selection of selectionSet.selections) {
        if (selection.kind === Kind.FIELD) {
          if (!selection.selectionSet) continue;
          const field = parent?.getFields?.()[selection.name.value];
          if (!field) continue;
          const size = pageSize(field, selection.arguments ?? [], operation);
          const inner = size === null ? outer : outer * size;
          if (size !== null) nodes += inner;
          nodes += nodesIn(selection.selectionSet, namedType(field.type), inner, operation);
        } else if (selection.kind === Kind.INLINE_FRAGMENT) {
          const type = selection.typeCondition ? typeNamed(selection.typeCondition.name.value) : parent;
          nodes += nodesIn(selection.selectionSet, type, outer, operation);
        } else {
          // Standard validation has already refused unknown and cyclic fragments.
          const fragment = context.getFragment(selection.name.value);
          if (fragment) nodes += nodesIn(fragment.selectionSet, typeNamed(fragment.typeCondition.name.value), outer, operation);
        }
      }
      return nodes;
    }

    return {
      OperationDefinition(operation) {
        // Only the operation that runs is counted, with the variables it runs with.
        if (executionArgs.operationName && operation.name?.value !== executionArgs.operationName) return;
        const root = schema.getRootType(operation.operation) as SchemaType | undefined;
        const nodes = nodesIn(operation.selectionSet, root, 1, operation);
        if (nodes <= maxNodes) return;
        context.reportError(
          new GraphQLError(
            `This operation could return up to ${nodes} nodes, more than the ${maxNodes} allowed: ask for smaller pages (first) or fewer nested connections.`,
            { nodes: [operation], extensions: { code: refusedCode, http: { status: 400 } } },
          ),
        );
      },
    };
  };
}
