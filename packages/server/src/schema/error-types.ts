import { builder } from './builder.js';
import { ConflictError, ForbiddenError, GroupFullError, HearthError, NotFoundError, RateLimitedError, ValidationError, type FieldIssue } from './errors.js';

/** The `Error` interface and one object type per error class, so mutations can list them in their unions. */
export const ErrorInterface = builder.interfaceRef<HearthError>('Error').implement({
  description: 'An expected failure, returned as data in a mutation result union.',
  fields: (t) => ({ message: t.exposeString('message') }),
});

const FieldErrorType = builder.objectRef<FieldIssue>('FieldError').implement({
  description: 'One invalid input field: its path from the input root, and what is wrong with it.',
  fields: (t) => ({
    path: t.exposeStringList('path'),
    message: t.exposeString('message'),
  }),
});

builder.objectType(ValidationError, {
  name: 'ValidationError',
  interfaces: [ErrorInterface],
  fields: (t) => ({ fields: t.field({ type: [FieldErrorType], resolve: (error) => error.fields }) }),
});
builder.objectType(NotFoundError, { name: 'NotFoundError', interfaces: [ErrorInterface] });
builder.objectType(ForbiddenError, { name: 'ForbiddenError', interfaces: [ErrorInterface] });
builder.objectType(ConflictError, { name: 'ConflictError', interfaces: [ErrorInterface] });
builder.objectType(GroupFullError, {
  name: 'GroupFullError',
  interfaces: [ErrorInterface],
  fields: (t) => ({ waitlistOpen: t.exposeBoolean('waitlistOpen') }),
});
builder.objectType(RateLimitedError, {
  name: 'RateLimitedError',
  interfaces: [ErrorInterface],
  fields: (t) => ({ retryAfterSeconds: t.exposeInt('retryAfterSeconds') }),
});
