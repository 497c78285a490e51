import SQLite from 'better-sqlite3';
import pg from 'pg';
import { Kysely, PostgresAdapter, PostgresDialect, SqliteDialect, type Transaction } from 'kysely';
import type { Database } from './types';

export type DB = Kysely<Database>;
export type Tx = Transaction<Database>;
/** Functions in the domain folders take either the database or an open transaction. */
export type Conn = DB | Tx;
export type Engine = 'sqlite' | 'postgres';

export interface Opened {
	engine: 'sqlite';
	db: DB;
	/** The raw handle, for migrations (multi-statement SQL) and benchmarks. */
	sqlite: SQLite.Database;
}

export interface OpenedPostgres {
	engine: 'postgres';
	db: DB;
	/** The pool, for migrations (multi-statement SQL) and scripts. */
	pool: pg.Pool;
}

export type AnyOpened = Opened | OpenedPostgres;

/** Opens the SQLite file (or ':memory:') with the settings every connection needs. */
export function openDatabase(path: string): Opened {
	const sqlite = new SQLite(path);
	sqlite.pragma('journal_mode = WAL');
	// better-sqlite3 leaves WAL at synchronous=NORMAL, which can lose a save already acknowledged.
	sqlite.pragma('synchronous = FULL');
	sqlite.pragma('foreign_keys = ON');
	sqlite.pragma('busy_timeout = 5000');
	return {
		engine: 'sqlite',
		sqlite,
		db: new Kysely<Database>({ dialect: new SqliteDialect({ database: preparedOnce(sqlite) }) })
	};
}

/** Statements kept per connection; past this many different ones, the oldest is dropped. */
const KEPT_STATEMENTS = 500;

/**
 * The handle Kysely uses, keeping each statement it prepares: Kysely prepares the SQL of every query
 * anew, which cost an autosave a fifth of its time. A kept statement still being read (a stream) is
 * not handed out twice; a new one is prepared for that call.
 */
export function preparedOnce(sqlite: SQLite.Database) {
	const kept = new Map<string, SQLite.Statement>();
	return {
		close: () => sqlite.close(),
		prepare(sql: string): SQLite.Statement {
			const statement = kept.get(sql);
			if (statement && !statement.busy) return statement;
			const fresh = sqlite.prepare(sql);
			if (!statement) {
				if (kept.size >= KEPT_STATEMENTS) kept.delete(kept.keys().next().value!);
				kept.set(sql, fresh);
			}
			return fresh;
		}
	};
}

// Times are integer milliseconds (BIGINT) and sums or averages NUMERIC: numbers, as SQLite gives them.
const NUMBERS: Record<number, (v: string) => number> = { 20: Number, 1700: Number };
const types = {
	getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
		NUMBERS[oid] ?? pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser
};

/** A pg pool whose numbers come back as numbers; `schema` sets the search_path (tests). */
export function postgresPool(url: string, schema?: string, max = 10): pg.Pool {
	return new pg.Pool({
		connectionString: url,
		max,
		types,
		options: schema ? `-c search_path=${schema}` : undefined
	});
}

/** A Kysely over PostgreSQL; `pool` may be a promise, made on first use. */
export function postgresKysely(pool: pg.Pool | (() => Promise<pg.Pool>)): DB {
	return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}

/** Opens PostgreSQL at a postgres:// URL (DATABASE_URL). */
export function openPostgres(url: string, schema?: string): OpenedPostgres {
	const pool = postgresPool(url, schema);
	return { engine: 'postgres', pool, db: postgresKysely(pool) };
}

/** Which engine serves a Kysely instance or transaction. */
export function engineOf(db: Conn): Engine {
	return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}
