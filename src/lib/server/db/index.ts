import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { openDatabase, openPostgres, type AnyOpened, type DB } from './connect';
import { closeWal, walOf } from './wal-sync';

export * from './connect';
export type * from './types';

let opened: AnyOpened | undefined;

export function databasePath(): string {
	return resolve(process.env.DATABASE_PATH ?? 'data/mam-stem.db');
}

/** DATABASE_URL=postgres://… selects PostgreSQL; without it, SQLite at DATABASE_PATH. */
export function databaseUrl(): string | null {
	const url = process.env.DATABASE_URL?.trim();
	return url ? url : null;
}

/** Where the database is, for messages: the SQLite file, or the PostgreSQL URL without its password. */
export function databaseLabel(): string {
	const url = databaseUrl();
	if (!url) return databasePath();
	try {
		const u = new URL(url);
		if (u.password) u.password = '***';
		return u.toString();
	} catch {
		return 'DATABASE_URL';
	}
}

/** The application's database, opened on first use (not at import: the build imports this). */
export function openAppDatabase(): AnyOpened {
	if (!opened) {
		const url = databaseUrl();
		if (url) opened = openPostgres(url);
		else {
			const path = databasePath();
			mkdirSync(dirname(path), { recursive: true });
			opened = openDatabase(path);
		}
	}
	return opened;
}

/** The Kysely instance that loads and actions use. */
export function database(): DB {
	return openAppDatabase().db;
}

/**
 * A clean stop: folds the WAL back into the database file and closes it. Later calls to database()
 * would open it again; the server calls this only after it stopped answering.
 */
export async function closeAppDatabase(): Promise<void> {
	if (!opened) return;
	const current = opened;
	opened = undefined;
	if (current.engine === 'postgres') {
		await current.pool.end();
		return;
	}
	try {
		// The checkpoint thread (checkpoints.ts) may be in the middle of one: wait for it, briefly.
		current.sqlite.pragma('busy_timeout = 2000');
		current.sqlite.pragma('wal_checkpoint(TRUNCATE)');
	} finally {
		const wal = walOf(current.db);
		if (wal) closeWal(wal);
		current.sqlite.close();
	}
}
