import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect, type Transaction } from 'kysely';
import type { Database } from './types';

export type DB = Kysely<Database>;
export type Tx = Transaction<Database>;
/** Functions in the domain folders take either the database or an open transaction. */
export type Conn = DB | Tx;

export interface Opened {
	db: DB;
	/** The raw handle, for migrations (multi-statement SQL) and benchmarks. */
	sqlite: SQLite.Database;
}

/** Opens the SQLite file (or ':memory:') with the settings every connection needs. */
export function openDatabase(path: string): Opened {
	const sqlite = new SQLite(path);
	sqlite.pragma('journal_mode = WAL');
	// better-sqlite3 leaves WAL at synchronous=NORMAL, which can lose a save already acknowledged.
	sqlite.pragma('synchronous = FULL');
	sqlite.pragma('foreign_keys = ON');
	sqlite.pragma('busy_timeout = 5000');
	return { sqlite, db: new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) }) };
}
