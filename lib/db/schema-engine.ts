// Prisma's schema engine compiled to WebAssembly, talking to PostgreSQL through
// @prisma/adapter-pg. Used by the migration tooling and the drift test only: it
// needs no native engine download, so it works offline.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import {
  bindMigrationAwareSqlAdapterFactory,
  ColumnTypeEnum,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
  type SqlQuery,
  type SqlResultSet,
} from "@prisma/driver-adapter-utils";
import * as wasmBindings from "@prisma/schema-engine-wasm/schema_engine_bg";

const PG_CHAR_OID = 18;
const NO_FILTERS = { externalTables: [], externalEnums: [] };

let instantiated = false;

async function loadWasm(): Promise<void> {
  if (instantiated) return;
  // The engine reports Rust panics through this global before throwing.
  const registry = {
    message: "",
    set_message(message: string) {
      registry.message = message;
      console.error("schema engine panic:", message);
    },
  };
  (globalThis as { PRISMA_WASM_PANIC_REGISTRY?: unknown }).PRISMA_WASM_PANIC_REGISTRY = registry;
  const require = createRequire(import.meta.url);
  const wasmFile = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg").replace(/\.js$/, ".wasm");
  const { instance } = await WebAssembly.instantiate(readFileSync(wasmFile), {
    "./schema_engine_bg.js": wasmBindings as unknown as WebAssembly.ModuleImports,
  });
  wasmBindings.__wbg_set_wasm(instance.exports);
  (instance.exports as { __wbindgen_start: () => void }).__wbindgen_start();
  instantiated = true;
}

/**
 * The engine's introspection reads catalog columns of PostgreSQL's internal
 * `"char"` type, which @prisma/adapter-pg does not map (the same family of gap
 * as prisma/orm#27403). The pool reports them under a user-type OID (which the
 * adapter reads as text) and marks their positions on the row array; the
 * adapter wrapper below then tells the engine they are characters.
 */
const CHAR_COLUMNS = Symbol("charColumns");
const FIRST_USER_OID = 16384;
type Rows = unknown[] & { [CHAR_COLUMNS]?: number[] };

function poolMarkingCharColumns(connectionString: string): pg.Pool {
  const pool = new pg.Pool({ connectionString, max: 2 });
  const mark = (result: pg.QueryResult | undefined) => {
    if (!result?.fields) return result;
    const positions: number[] = [];
    result.fields.forEach((field, index) => {
      if (field.dataTypeID === PG_CHAR_OID) {
        field.dataTypeID = FIRST_USER_OID;
        positions.push(index);
      }
    });
    if (positions.length) (result.rows as Rows)[CHAR_COLUMNS] = positions;
    return result;
  };
  pool.on("connect", (client) => {
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    (client as unknown as { query: unknown }).query = (...args: unknown[]) => {
      const last = args.at(-1);
      if (typeof last === "function") {
        // pg.Pool#query calls its client with a callback.
        const callback = last as (err: Error | null, result?: pg.QueryResult) => void;
        return query(...args.slice(0, -1), (err: Error | null, result?: pg.QueryResult) => callback(err, mark(result)));
      }
      return (query(...args) as Promise<pg.QueryResult>).then(mark);
    };
  });
  return pool;
}

type Queryable = { queryRaw: (query: SqlQuery) => Promise<SqlResultSet> };

function withCharColumns<T extends Queryable>(queryable: T): T {
  const queryRaw = queryable.queryRaw.bind(queryable);
  queryable.queryRaw = async (query) => {
    const result = await queryRaw(query);
    for (const index of (result.rows as Rows)[CHAR_COLUMNS] ?? []) result.columnTypes[index] = ColumnTypeEnum.Character;
    return result;
  };
  return queryable;
}

function adapterFactory(pool: pg.Pool): SqlMigrationAwareDriverAdapterFactory {
  const base = new PrismaPg(pool);
  const wrap = async (adapter: SqlDriverAdapter) => {
    const startTransaction = adapter.startTransaction.bind(adapter);
    adapter.startTransaction = async (isolationLevel) => withCharColumns(await startTransaction(isolationLevel));
    return withCharColumns(adapter);
  };
  return {
    provider: base.provider,
    adapterName: base.adapterName,
    connect: async () => wrap(await base.connect()),
    connectToShadowDb: async () => wrap(await base.connectToShadowDb()),
  };
}

export type SchemaEngineHandle = {
  /** SQL that turns the database into what schema.prisma describes; "" when they match. */
  diffDatabaseToSchema(): Promise<string>;
  /** SQL that creates schema.prisma's tables in an empty database. */
  diffEmptyToSchema(): Promise<string>;
  close(): Promise<void>;
};

export async function openSchemaEngine(
  connectionString: string,
  schemaPath = "prisma/schema.prisma",
): Promise<SchemaEngineHandle> {
  await loadWasm();
  const schema = { path: path.basename(schemaPath), content: readFileSync(schemaPath, "utf8") };
  const pool = poolMarkingCharColumns(connectionString);
  const adapter = bindMigrationAwareSqlAdapterFactory(adapterFactory(pool));
  const engine = await wasmBindings.SchemaEngine.new(
    { datamodels: [[schema.path, schema.content]] },
    () => {},
    adapter,
  );
  const toSchema = { tag: "schemaDatamodel" as const, files: [schema] };

  async function diff(from: wasmBindings.DiffTarget): Promise<string> {
    const result = await engine.diff({ from, to: toSchema, script: true, exitCode: null, filters: NO_FILTERS });
    const script = result.stdout ?? "";
    // An empty diff is rendered as a comment only.
    return script.split("\n").some((line) => line.trim() && !line.trim().startsWith("--")) ? script : "";
  }

  return {
    diffDatabaseToSchema: () =>
      diff({ tag: "schemaDatasource", files: [schema], configDir: process.cwd() } as wasmBindings.DiffTarget),
    diffEmptyToSchema: () => diff({ tag: "empty" }),
    async close() {
      engine.free();
      await pool.end();
    },
  };
}
