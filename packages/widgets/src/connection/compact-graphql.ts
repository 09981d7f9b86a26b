/**
 * The widgets' bundle sends the same GraphQL documents without shipping a GraphQL parser and printer.
 *
 * In source, documents are written with gql.tada's `graphql()`, which type-checks them against the schema and, at
 * run time, parses each one into an AST that the client prints back to text for every request: 9.6 KB of parser
 * and printer in the bundle (3 KB gzip'd) for text that never changes. The widgets build swaps in these two
 * functions instead: `graphql()` keeps the document's text (whitespace collapsed) and the fragments it uses, and
 * `print()` joins them, each fragment once. The build (scripts/build.ts) resolves both `gql.tada` and
 * `@0no-co/graphql.web` to this module; a test bundles every operation both ways and checks that the server
 * receives the same documents. Types are unaffected: they still come from gql.tada at compile time.
 */

/** What the compact `graphql()` returns in place of a parsed document. */
export interface CompactDocument {
  kind: 'Document';
  definitions: readonly never[];
  source: string;
  fragments: readonly CompactDocument[];
}

export function graphql(source: string, fragments: readonly CompactDocument[] = []): CompactDocument {
  // `@_unmask` is gql.tada's compile-time marker; gql.tada drops it from the document, and so does this.
  return { kind: 'Document', definitions: [], source: source.replace(/@_unmask\b/g, '').replace(/\s+/g, ' ').trim(), fragments };
}

/** The document's text followed by each fragment it uses, directly or through another fragment, once. */
export function print(document: CompactDocument): string {
  const texts = [document.source];
  const seen = new Set<CompactDocument>();
  const add = (fragments: readonly CompactDocument[]) => {
    for (const fragment of fragments) {
      if (seen.has(fragment)) continue;
      seen.add(fragment);
      texts.push(fragment.source);
      add(fragment.fragments);
    }
  };
  add(document.fragments);
  return texts.join(' ');
}

/** `initGraphQLTada()` as the client calls it, giving the compact `graphql`. */
export function initGraphQLTada(): typeof graphql {
  return graphql;
}

/** Fragment masking is a compile-time matter; at run time the data is the data. */
export function readFragment<Data>(_fragment: unknown, data: Data): Data {
  return data;
}
