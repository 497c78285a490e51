import SQLite from 'better-sqlite3';
import pg from 'pg';
import {
	CompiledQuery,
	Kysely,
	PostgresAdapter,
	PostgresDialect,
	SqliteDialect,
	SqliteDriver,
	type DatabaseConnection,
	type Driver,
	type QueryResult,
	type Transaction
} from 'kysely';
import type { Database } from './types';
import { closeWal, rememberWal, walFileOf } from './wal-sync';

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
	// Another process writing: SQLite's own busy wait sleeps on the thread that answers requests (1, 2, 5,
	// 10… ms at a time). Kysely's queries wait without blocking instead (WaitingSqliteDriver); the raw
	// handle's users that may meet another process (the migrator) set their own timeout.
	sqlite.pragma('busy_timeout = 0');
	// Group commits sync the log themselves, off this thread (wal-sync.ts).
	const wal = walFileOf(sqlite);
	const db = new Kysely<Database>({
		dialect: new WaitingSqliteDialect(preparedOnce(sqlite, () => wal && closeWal(wal)))
	});
	if (wal) rememberWal(db, wal);
	return { engine: 'sqlite', sqlite, db };
}

/** How long a query waits for another process's write to end before it fails ("database is locked"). */
export const BUSY_WAIT_MS = 5000;

export const isBusy = (e: unknown) =>
	(e as { code?: string })?.code === 'SQLITE_BUSY' ||
	(e as { code?: string })?.code === 'SQLITE_BUSY_SNAPSHOT';

/**
 * A connection whose queries, when another process holds the database, are tried again after a
 * short pause (1 ms, doubling to 16 ms) while the event loop serves other requests. A statement that
 * met SQLITE_BUSY changed nothing, so trying it again is safe, inside a transaction too.
 */
function waiting(connection: DatabaseConnection): DatabaseConnection {
	return {
		async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
			const until = Date.now() + BUSY_WAIT_MS;
			for (let pause = 1; ; pause = Math.min(pause * 2, 16)) {
				try {
					return await connection.executeQuery<R>(query);
				} catch (e) {
					if (!isBusy(e) || Date.now() > until) throw e;
					await new Promise((resolve) => setTimeout(resolve, pause));
				}
			}
		},
		streamQuery: (query, chunkSize) => connection.streamQuery(query, chunkSize)
	};
}

/**
 * Kysely's SQLite driver, waiting as above; a transaction takes the write lock when it begins (BEGIN
 * IMMEDIATE), so no statement inside it meets another process's write halfway.
 */
class WaitingSqliteDriver extends SqliteDriver {
	override async acquireConnection(): Promise<DatabaseConnection> {
		return waiting(await super.acquireConnection());
	}
	override async beginTransaction(connection: DatabaseConnection): Promise<void> {
		await connection.executeQuery(CompiledQuery.raw('begin immediate'));
	}
}

class WaitingSqliteDialect extends SqliteDialect {
	readonly #database: ReturnType<typeof preparedOnce>;
	constructor(database: ReturnType<typeof preparedOnce>) {
		super({ database });
		this.#database = database;
	}
	override createDriver(): Driver {
		return new WaitingSqliteDriver({ database: this.#database });
	}
}

/** Statements kept per connection; past this many different ones, the oldest is dropped. */
const KEPT_STATEMENTS = 500;

/**
 * The handle Kysely uses, keeping each statement it prepares: Kysely prepares the SQL of every query
 * anew, which cost an autosave a fifth of its time. A kept statement still being read (a stream) is
 * not handed out twice; a new one is prepared for that call.
 */
export function preparedOnce(sqlite: SQLite.Database, onClose?: () => void) {
	const kept = new Map<string, SQLite.Statement>();
	return {
		close: () => {
			onClose?.();
			sqlite.close();
		},
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
