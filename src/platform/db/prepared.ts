import type { Database } from './handle.ts';

/**
 * A fixed statement, built once per database handle (its SQL text is not assembled again on each
 * call) and, on a PostgreSQL server, prepared once per connection under the name given to
 * drizzle's `.prepare(name)` (the server parses and plans it once). For the statements every page
 * runs: the session, the rule set, a list's location and settings. The values come in as
 * `sql.placeholder(…)`s. A name must be unique in the app, and one name is one text.
 *
 *   const byId = preparedStatement((db) =>
 *     db.select().from(t).where(eq(t.id, sql.placeholder('id'))).prepare('module_thing_by_id'));
 *   await byId(db).execute({ id });
 *
 * A transaction is a handle of its own: inside one the statement is built again (still prepared
 * on its connection once).
 */
export function preparedStatement<T>(build: (db: Database) => T): (db: Database) => T {
  const byHandle = new WeakMap<Database, T>();
  return (db) => {
    let statement = byHandle.get(db);
    if (statement === undefined) {
      statement = build(db);
      byHandle.set(db, statement);
    }
    return statement;
  };
}
