import type { Db, DbOrTx, Tx } from './client.ts';
import { mapDatabaseError } from './constraints.ts';

/**
 * Opens a transaction, or joins the one given. Database errors that carry meaning (unique or check
 * violations) come out as AppErrors.
 */
export async function withTransaction<T>(db: DbOrTx, fn: (tx: Tx) => Promise<T>): Promise<T> {
  try {
    if (isTransaction(db)) return await fn(db);
    return await (db as Db).transaction(async (tx) => fn(tx as unknown as Tx));
  } catch (e) {
    throw mapDatabaseError(e);
  }
}

function isTransaction(db: DbOrTx): db is Tx {
  return typeof (db as Tx).rollback === 'function';
}
