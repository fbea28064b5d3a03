import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../test/app.ts';
import { aUser } from '../../../test/builders.ts';
import { loggableError } from './errors.ts';
import { schema } from './index.ts';

describe('errors as the logs hold them', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp('pglite');
  });
  afterAll(async () => t.close());

  const failureOf = (write: () => Promise<unknown>) =>
    write().then(
      () => {
        throw new Error('the write succeeded');
      },
      (error: unknown) => error,
    );

  it('keeps the code, constraint and statement of a refused write, and none of its values', async () => {
    const user = await aUser(t.deps.db, { role: 'parent', email: 'griet.vandamme@example.be' });
    const error = await failureOf(() =>
      t.deps.db.insert(schema.users).values({
        email: user.email,
        passwordHash: '$argon2id$v=19$m=19456,t=2,p=1$canarysalt$canaryhash',
        displayName: 'Griet Vandamme',
        language: 'nl',
      }),
    );
    // The raw error does quote them: that is what the log must not get.
    expect(String((error as Error).message)).toContain('griet.vandamme@example.be');
    const logged = JSON.stringify(loggableError(error));
    expect(logged).toContain('23505');
    expect(loggableError(error).query).toMatch(/^insert into "users" .* values \(default, \$1, \$2/);
    for (const value of ['griet.vandamme', 'Griet Vandamme', 'canaryhash'])
      expect(logged).not.toContain(value);
  });

  it('drops the value a data exception quotes', async () => {
    const error = await failureOf(() =>
      t.deps.db.insert(schema.users).values({
        email: 'x@example.be',
        passwordHash: 'x',
        displayName: 'Jef',
        language: 'nl',
        id: 'Jef-Janssens-0478123456',
      }),
    );
    const logged = JSON.stringify(loggableError(error));
    expect(logged).toContain('22P02');
    expect(logged).not.toContain('Jef-Janssens');
  });

  it('keeps the message of our own errors', () => {
    expect(loggableError(new Error('Not found: request'))).toMatchObject({
      type: 'Error',
      message: 'Not found: request',
    });
  });
});
