import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Kind, print, type DocumentNode, type OperationDefinitionNode } from '../../packages/server/node_modules/graphql/index.js';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as sdk from '../../packages/client/src/index.js';
import { signInToken, startDemoStack, type DemoStack } from '../support/demo-stack.js';

/**
 * Every operation the client SDK exports is accepted by the API as the server runs it: valid (overlapping fields
 * included, which the SDK's own check does not catch) and within its limits (graphql-armor: cost, depth, aliases). The schema-drift test checks documents against the schema; this one checks them
 * against the server, where a nested connection can cost more than the limit allows (an outreach thread with 50
 * messages in every thread did). Variables are left out on purpose: the limits are checked before variables are
 * read, so no mutation runs (those without variables are skipped).
 */
function operationsOf(module: Record<string, unknown>, prefix = '') {
  return Object.entries(module).flatMap(([name, value]) => {
  const document = value as DocumentNode | undefined;
    if (!document || typeof document !== 'object' || document.kind !== Kind.DOCUMENT) return [];
    const operation = document.definitions.find((definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION);
    if (!operation) return [];
    if (operation.operation === 'mutation' && (operation.variableDefinitions ?? []).length === 0) return [];
    return [{ name: prefix + name, document }];
  });
}

/**
 * The widgets' own documents (each element's `*.operations.ts`), which add fields to the SDK's: the crisis desk's
 * queue once asked every item's outreach threads and went over the cost limit, which only the browser showed.
 */
const widgetsSource = fileURLToPath(new URL('../../packages/widgets/src/', import.meta.url));
const widgetOperationFiles = readdirSync(widgetsSource, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.operations.ts'));

const operations = operationsOf(sdk);

describe('the client SDK against the API limits', () => {
  let stack: DemoStack;
  let token: string;
  beforeAll(async () => {
    stack = await startDemoStack();
    token = await signInToken(stack, 'riverside', 'demo-admin');
  });
  afterAll(() => stack?.close());

  it('exports operations to check', () => expect(operations.length).toBeGreaterThan(30));

  it('passes every widget operation through the same limits', async () => {
    expect(widgetOperationFiles.length).toBeGreaterThan(5);
    const refused: string[] = [];
    let checked = 0;
    for (const file of widgetOperationFiles) {
      const module = (await import(`${widgetsSource}${file}`)) as Record<string, unknown>;
      for (const { name, document } of operationsOf(module, `${file}: `)) {
        checked += 1;
        const response = await stack.graphql(print(document), {}, { token, institution: 'riverside' });
        for (const error of (response.errors ?? []) as Array<{ message: string }>) {
          if (!/^Variable "\$\w+" of required type/.test(error.message)) refused.push(`${name}: ${error.message}`);
        }
      }
    }
    expect(checked).toBeGreaterThan(10);
    expect(refused, refused.join('\n')).toEqual([]);
  });

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
