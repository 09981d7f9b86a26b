/**
 * GraphQL shared by the suites' documents. Errors are data: every mutation test reads the result union's type,
 * any typed error's message, and a ValidationError's fields.
 */
export const resultFields = /* GraphQL */ `
  __typename
  ... on Error { message }
  ... on ValidationError { fields { path message } }
`;

/** A mutation of one field taking `input: inputType!`, selecting the shared result fields and `selection`. */
export function mutationDocument(field: string, inputType: string, selection = ''): string {
  return /* GraphQL */ `
    mutation($input: ${inputType}!) {
      ${field}(input: $input) {
        ${resultFields}
        ${selection}
      }
    }
  `;
}
