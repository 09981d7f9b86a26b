/**
 * Hearth's expected failures. Each is a class registered once as a GraphQL object type (see `error-types.ts`);
 * a mutation lists the ones it can return and the errors plugin turns a thrown instance into data. Anything else
 * thrown is masked by graphql-yoga into a generic error carrying the request id.
 */
export abstract class HearthError extends Error {}

export interface FieldIssue {
  path: string[];
  message: string;
}

export class ValidationError extends HearthError {
  override name = 'ValidationError';
  constructor(
    readonly fields: FieldIssue[],
    message = fields.length === 1 ? `${fields[0]!.path.join('.') || 'input'}: ${fields[0]!.message}` : 'The input is not valid.',
  ) {
    super(message);
  }

  static field(path: string[], message: string): ValidationError {
    return new ValidationError([{ path, message }]);
  }
}

export class NotFoundError extends HearthError {
  override name = 'NotFoundError';
  constructor(message = 'Not found.') {
    super(message);
  }
}

export class ForbiddenError extends HearthError {
  override name = 'ForbiddenError';
  constructor(message = 'You are not allowed to do this.') {
    super(message);
  }
}

export class ConflictError extends HearthError {
  override name = 'ConflictError';
}

export class GroupFullError extends HearthError {
  override name = 'GroupFullError';
  constructor(readonly waitlistOpen: boolean) {
    super(waitlistOpen ? 'This group is full. You can join its waitlist.' : 'This group is full.');
  }
}

export class RateLimitedError extends HearthError {
  override name = 'RateLimitedError';
  constructor(readonly retryAfterSeconds: number) {
    super(`Too many requests. Try again in ${retryAfterSeconds} seconds.`);
  }
}

/**
 * What most mutations can return besides their result: bad input, not allowed, no such thing, or a state that
 * refuses the change. A mutation lists these as `errors: { types: standardMutationErrors }`, and adds its own
 * (`[...standardMutationErrors, RateLimitedError]`) when it can fail in more ways. None of these classes extends
 * another, so their order does not change which one an error is returned as.
 */
export const standardMutationErrors = [ValidationError, ForbiddenError, NotFoundError, ConflictError];
