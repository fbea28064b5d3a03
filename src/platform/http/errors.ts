/** A record that does not exist or that the user may not see: both answer 404. */
export class NotFoundError extends Error {
  readonly statusCode = 404;
  constructor(what = 'record') {
    super(`Not found: ${what}`);
  }
}

/** The user may not perform the action at all (wrong role). */
export class ForbiddenError extends Error {
  readonly statusCode = 403;
  constructor() {
    super('Forbidden');
  }
}

/** The logged-in user of a route whose action requires one (the access hook guarantees it). */
export function requireUser<U>(user: U | undefined): U {
  if (!user) throw new ForbiddenError();
  return user;
}
