import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Kind, print, type DocumentNode, type OperationDefinitionNode } from '../../packages/server/node_modules/graphql/index.js';
import * as sdk from '../../packages/client/src/index.js';
import { signInToken, startDemoStack, type DemoStack } from '../support/demo-stack.js';

/**
 * Every operation the client SDK exports is accepted by the API as the server runs it: valid (overlapping fields
 * included, which the SDK's own check does not catch) and within its limits (graphql-armor: cost, depth, aliases). The schema-drift test checks documents against the schema; this one checks them
 * against the server, where a nested connection can cost more than the limit allows (an outreach thread with 50
 * messages in every thread did). Variables are left out on purpose: the limits are checked before variables are
 * read, so no mutation runs (those without variables are skipped).
 */
const operations = Object.entries(sdk).flatMap(([name, value]) => {
  const document = value as DocumentNode | undefined;
  if (!document || typeof document !== 'object' || document.kind !== Kind.DOCUMENT) return [];
  const operation = document.definitions.find((definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION);
  if (!operation) return [];
  if (operation.operation === 'mutation' && (operation.variableDefinitions ?? []).length === 0) return [];
  return [{ name, document }];
});

describe('the client SDK against the API limits', () => {
  let stack: DemoStack;
  let token: string;
  beforeAll(async () => {
    stack = await startDemoStack();
    token = await signInToken(stack, 'riverside', 'demo-admin');
  });
  afterAll(() => stack?.close());

  it('exports operations to check', () => expect(operations.length).toBeGreaterThan(30));

  it('passes every operation through the cost, depth and alias limits', async () => {
    const refused: string[] = [];
    for (const { name, document } of operations) {
      const response = await stack.graphql(print(document), {}, { token, institution: 'riverside' });
      for (const error of (response.errors ?? []) as Array<{ message: string }>) {
        // Anything but the missing variables (which stop every operation here before it runs) is a refusal.
        if (!/^Variable "\$\w+" of required type/.test(error.message)) refused.push(`${name}: ${error.message}`);
      }
    }
    expect(refused, refused.join("\n")).toEqual([]);
  });
});
