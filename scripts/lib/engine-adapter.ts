// The driver adapter handed to the WebAssembly schema engine: @prisma/adapter-pg with the fixes
// the engine needs (see docs/adr/0001-offline-migrations.md).
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import pg from "pg";

// @prisma/adapter-pg 7.10 rejects PostgreSQL's one-byte "char" type (OID 18), which the engine's
// catalog queries return (pg_constraint.contype), so every diff that describes a database panics.
// The client below lets such results through as text and remembers their columns; the adapter's
// queryRaw then reports them as Character, the type the engine expects.
const PG_CHAR = 18;
const PG_TEXT = 25;
const COLUMN_TYPE_CHARACTER = 6; // ColumnTypeEnum.Character in @prisma/driver-adapter-utils
const charColumns = new WeakMap<object, number[]>();

class CatalogClient extends pg.Client {
  override query(...args: unknown[]): never {
    const patch = (r: pg.QueryResult | undefined) => {
      const cols: number[] = [];
      r?.fields?.forEach((f, i) => {
        if (f.dataTypeID === PG_CHAR) {
          f.dataTypeID = PG_TEXT;
          cols.push(i);
        }
      });
      if (r && cols.length) charColumns.set(r.rows, cols);
      return r;
    };
    const last = args.length - 1;
    if (typeof args[last] === "function") {
      const cb = args[last] as (err: unknown, r?: pg.QueryResult) => void;
      args[last] = (err: unknown, r?: pg.QueryResult) => cb(err, patch(r));
    }
    const result = (super.query as (...a: unknown[]) => unknown)(...args);
    if (result && typeof (result as Promise<unknown>).then === "function") return (result as Promise<pg.QueryResult>).then(patch) as never;
    return result as never;
  }
}

type RawResult = { columnTypes: number[]; rows: unknown[] };
type Queryable = {
  queryRaw(q: unknown): Promise<RawResult>;
  startTransaction?: (...a: unknown[]) => Promise<Queryable>;
  executeScript?: (script: string) => Promise<void>;
  underlyingDriver?: () => pg.Pool;
  onError?: (e: unknown) => never;
};

/** Fixes two gaps of the adapter for the schema engine: "char" columns (above), and scripts:
 * adapter-pg splits a migration on every ";" (breaking `$$` function bodies and literals), where
 * `prisma migrate deploy` sends the whole file in one simple query (one implicit transaction). */
function patchAdapter<T extends Queryable>(q: T): T {
  const queryRaw = q.queryRaw.bind(q);
  q.queryRaw = async (query) => {
    const res = await queryRaw(query);
    for (const i of charColumns.get(res.rows) ?? []) res.columnTypes[i] = COLUMN_TYPE_CHARACTER;
    return res;
  };
  if (q.startTransaction) {
    const start = q.startTransaction.bind(q);
    q.startTransaction = async (...a) => patchAdapter(await start(...a));
  }
  if (q.executeScript && q.underlyingDriver) {
    const driver = q.underlyingDriver();
    q.executeScript = async (script) => {
      try {
        await driver.query(script);
      } catch (e) {
        q.onError?.(e);
        throw e;
      }
    };
  }
  return q;
}

export function catalogPool(url: string): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, Client: CatalogClient, max: 4 });
  pool.on("error", () => {}); // idle connections closed by a server shutting down
  return pool;
}

/** The adapter factory the engine gets. Its shadow database is one we created (PrismaPg's own
 * connectToShadowDb connects back to the main database when given a connection string). */
export function adapterFactory(pool: pg.Pool, shadowPool?: pg.Pool) {
  const factory = new PrismaPg(pool);
  const connect = factory.connect.bind(factory);
  factory.connect = async () => patchAdapter((await connect()) as unknown as Queryable) as never;
  factory.connectToShadowDb = async () => {
    if (!shadowPool) throw new Error("this operation needs a shadow database");
    return patchAdapter((await new PrismaPg(shadowPool).connect()) as unknown as Queryable) as never;
  };
  return bindMigrationAwareSqlAdapterFactory(factory);
}
