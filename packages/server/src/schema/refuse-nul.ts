import SchemaBuilder, { BasePlugin, type PothosOutputFieldConfig, type SchemaTypes } from '@pothos/core';
import type { GraphQLFieldResolver } from 'graphql';
import { ValidationError } from './errors.js';

/**
 * No NUL byte in any argument of any field, in one place: PostgreSQL can't store U+0000 in text, so a NUL in a
 * slug, an id, a cursor or a title would otherwise reach the database and come back as an internal error. This
 * plugin looks at every field's raw arguments (input objects and lists included) before anything else reads
 * them, and refuses a NUL with a ValidationError naming the argument: data in a mutation's result union, a
 * VALIDATION error elsewhere. Other control characters are the text rules' business (text-input.ts).
 */
const pluginName = 'hearthRefuseNul' as const;

export const nulMessage = 'Must not contain a NUL character (U+0000).';

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  export namespace PothosSchemaTypes {
    export interface Plugins<Types extends SchemaTypes> {
      hearthRefuseNul: RefuseNulPlugin<Types>;
    }
  }
}

/** The path of the first string holding a NUL in `value`, or null. */
export function pathToNul(value: unknown, path: string[] = []): string[] | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null;
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = pathToNul(item, [...path, String(index)]);
      if (found) return found;
    }
    return null;
  }
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    for (const [key, item] of Object.entries(value)) {
      const found = pathToNul(item, [...path, key]);
      if (found) return found;
    }
  }
  return null;
}

export class RefuseNulPlugin<Types extends SchemaTypes> extends BasePlugin<Types> {
  override wrapArgMappers(
    resolver: GraphQLFieldResolver<unknown, Types['Context'], object> | undefined,
    fieldConfig: PothosOutputFieldConfig<Types>,
  ): GraphQLFieldResolver<unknown, Types['Context'], object> | undefined {
    if (!resolver || Object.keys(fieldConfig.args).length === 0) return resolver;
    return (parent, args, context, info) => {
      const path = pathToNul(args);
      if (path) throw ValidationError.field(path, nulMessage);
      return resolver(parent, args, context, info);
    };
  }
}

SchemaBuilder.registerPlugin(pluginName, RefuseNulPlugin);

/** The plugin's name, as `plugins: [...]` in the builder takes it. */
export const refuseNulPlugin = pluginName;
