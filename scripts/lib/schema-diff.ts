/**
 * Offline schema → schema diffing with Prisma's own migration engine, compiled to WebAssembly
 * (`@prisma/schema-engine-wasm`). The Prisma CLI would download a native schema engine, which is
 * not reachable from every machine; the WASM build ships inside npm and needs no database for a
 * diff between two Prisma schemas, so the SQL it prints is the SQL `prisma migrate dev` writes.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { DiffParams, SchemaEngine } from '@prisma/schema-engine-wasm';

export type SchemaFile = { path: string; content: string };

/**
 * What "no schema yet" means. A schema with only the datasource (rather than the engine's
 * `empty` target) keeps the `public` schema as given, so the first migration does not start with
 * `CREATE SCHEMA IF NOT EXISTS "public"` (which needs CREATE on the database even when `public`
 * exists) — the same output `prisma migrate dev` gives against a fresh shadow database.
 */
export const BASELINE_SCHEMA: SchemaFile = {
  path: 'baseline.prisma',
  content: 'datasource db {\n  provider = "postgresql"\n}\n',
};

/** The subset of the generated `schema_engine_bg.js` glue that we drive by hand. */
type WasmGlue = {
  __wbg_set_wasm(exports: WebAssembly.Exports): void;
  SchemaEngine: { new: (options: { datamodels: undefined }, log: (line: string) => void, adapter: object) => Promise<SchemaEngine> };
};

type PanicRegistry = { message: string; set_message(message: string): void };
declare global {
  // The glue reports Rust panics through this global before the WASM trap surfaces.
  var PRISMA_WASM_PANIC_REGISTRY: PanicRegistry | undefined;
}

let gluePromise: Promise<WasmGlue> | undefined;

/**
 * The package's entry point does `import * as wasm from "./x.wasm"` (bundler-style ESM-WASM),
 * which Node 20 cannot load. So import the JS glue alone, instantiate the .wasm ourselves with the
 * glue as its import object, and hand the exports back to the glue. The glue keeps the instance in
 * module state, so this happens once per process.
 */
const loadGlue = (): Promise<WasmGlue> => {
  gluePromise ??= (async () => {
    globalThis.PRISMA_WASM_PANIC_REGISTRY ??= {
      message: '',
      set_message(message: string) {
        this.message = message;
      },
    };
    const require = createRequire(import.meta.url);
    const gluePath = require.resolve('@prisma/schema-engine-wasm/schema_engine_bg');
    const glue = (await import('@prisma/schema-engine-wasm/schema_engine_bg')) as unknown as WasmGlue & WebAssembly.ModuleImports;
    const module = new WebAssembly.Module(readFileSync(path.join(path.dirname(gluePath), 'schema_engine_bg.wasm')));
    const instance = new WebAssembly.Instance(module, { './schema_engine_bg.js': glue });
    glue.__wbg_set_wasm(instance.exports);
    const start = instance.exports['__wbindgen_start'];
    if (typeof start !== 'function') throw new Error('schema-engine-wasm: __wbindgen_start export is missing');
    start();
    return glue;
  })();
  return gluePromise;
};

/** Result shape of Prisma's driver-adapter protocol (`@prisma/driver-adapter-utils`). */
type AdapterResult<T> = { ok: true; value: T } | { ok: false; error: { kind: 'postgres'; code: string; severity: string; message: string } };
type SqlQuery = { sql: string; args: unknown[] };

const ok = <T>(value: T): AdapterResult<T> => ({ ok: true, value });
const offline = (sql: string): AdapterResult<never> => ({
  ok: false,
  error: { kind: 'postgres', code: 'XX000', severity: 'ERROR', message: `schema-diff runs without a database, but the engine asked it: ${sql}` },
});

/**
 * The engine wants a driver adapter even for a pure schema → schema diff: on start-up it asks the
 * database whether the schema exists and for its version. Answer that one probe as a present
 * PostgreSQL 16 would; refuse everything else, so anything that truly needs a database fails loudly.
 */
const offlineAdapterFactory = () => {
  const ColumnType = { Int32: 0, Boolean: 5, Text: 7 } as const;
  const adapter = {
    provider: 'postgres',
    adapterName: 'switchboard-offline',
    queryRaw: async (query: SqlQuery) =>
      query.sql.includes('pg_namespace') && query.sql.includes('server_version_num')
        ? ok({
            columnNames: ['exists', 'version', 'numeric_version'],
            columnTypes: [ColumnType.Boolean, ColumnType.Text, ColumnType.Int32],
            rows: [[true, 'PostgreSQL 16.0 (offline)', 160000]],
          })
        : offline(query.sql),
    executeRaw: async (query: SqlQuery) => offline(query.sql),
    executeScript: async (script: string) => offline(script),
    startTransaction: async () => offline('BEGIN'),
    dispose: async () => ok(undefined),
  };
  return {
    provider: 'postgres',
    adapterName: 'switchboard-offline',
    connect: async () => ok(adapter),
    connectToShadowDb: async () => ok(adapter),
  };
};

type EngineLogLine = { level?: string; fields?: { message?: string } };

export type DiffOptions = {
  /** Receives the engine's warnings and errors (it logs JSON lines). */
  log?: (message: string) => void;
};

/**
 * The SQL that takes a database from `from` (null: no tables yet) to `to`, exactly as Prisma
 * renders it, or null when the two schemas need no migration.
 */
export const diffSchemas = async (from: SchemaFile | null, to: SchemaFile, options: DiffOptions = {}): Promise<string | null> => {
  const glue = await loadGlue();
  const onEngineLog = (line: string) => {
    let parsed: EngineLogLine;
    try {
      parsed = JSON.parse(line) as EngineLogLine;
    } catch {
      return;
    }
    if ((parsed.level === 'WARN' || parsed.level === 'ERROR') && parsed.fields?.message) options.log?.(`schema engine: ${parsed.fields.message}`);
  };
  const engine = await glue.SchemaEngine.new({ datamodels: undefined }, onEngineLog, offlineAdapterFactory());
  try {
    const params: DiffParams = {
      from: { tag: 'schemaDatamodel', files: [from ?? BASELINE_SCHEMA] },
      to: { tag: 'schemaDatamodel', files: [to] },
      script: true,
      // Makes the engine report "non-empty" as exitCode 2 instead of us parsing its comment.
      exitCode: true,
      filters: { externalTables: [], externalEnums: [] },
    };
    const result = await engine.diff(params).catch((error: unknown) => {
      throw withPanicMessage(error);
    });
    if (result.exitCode !== 2) return null;
    if (!result.stdout) throw new Error('schema engine reported changes but returned no SQL');
    return result.stdout;
  } finally {
    engine.free();
  }
};

/** A Rust panic surfaces as an opaque `RuntimeError: unreachable`; the registry holds the reason. */
const withPanicMessage = (error: unknown): unknown => {
  const registry = globalThis.PRISMA_WASM_PANIC_REGISTRY;
  if (error instanceof WebAssembly.RuntimeError && registry?.message) {
    return new Error(`schema engine panicked: ${registry.message}`, { cause: error });
  }
  return error;
};

export const readSchemaFile = (filePath: string): SchemaFile => ({
  path: path.basename(filePath),
  content: readFileSync(filePath, 'utf8'),
});
