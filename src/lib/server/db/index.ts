import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { openDatabase, type DB, type Opened } from './connect';

export * from './connect';
export type * from './types';

let opened: Opened | undefined;

export function databasePath(): string {
	return resolve(process.env.DATABASE_PATH ?? 'data/mam-stem.db');
}

/** The application's database, opened on first use (not at import: the build imports this). */
export function openAppDatabase(): Opened {
	if (!opened) {
		const path = databasePath();
		mkdirSync(dirname(path), { recursive: true });
		opened = openDatabase(path);
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
export function closeAppDatabase(): void {
	if (!opened) return;
	const { sqlite } = opened;
	opened = undefined;
	try {
		sqlite.pragma('wal_checkpoint(TRUNCATE)');
	} finally {
		sqlite.close();
	}
}
