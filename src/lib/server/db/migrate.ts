import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type SQLite from 'better-sqlite3';

export const MIGRATIONS_DIR = resolve(process.env.MIGRATIONS_DIR ?? 'migrations');

export interface Migration {
	name: string;
	sql: string;
}

/** The numbered SQL files of migrations/, in order. */
export function readMigrations(dir = MIGRATIONS_DIR): Migration[] {
	return readdirSync(dir)
		.filter((f) => /^\d{4}_[\w-]+\.sql$/.test(f))
		.sort()
		.map((name) => ({ name, sql: readFileSync(join(dir, name), 'utf8') }));
}

export class MigrationError extends Error {
	constructor(
		readonly migration: string,
		cause: unknown
	) {
		super(
			`Migration ${migration} failed: ${cause instanceof Error ? cause.message : String(cause)}`
		);
	}
}

/**
 * Applies the migrations not yet recorded, each in its own transaction (SQLite's DDL is
 * transactional), so a failing one leaves the database as the previous one left it.
 * Returns the names applied now.
 */
export function migrate(sqlite: SQLite.Database, migrations = readMigrations()): string[] {
	sqlite.exec(
		'CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY, applied_at INTEGER NOT NULL)'
	);
	const done = new Set(
		(sqlite.prepare('SELECT name FROM schema_migrations').all() as { name: string }[]).map(
			(r) => r.name
		)
	);
	const record = sqlite.prepare('INSERT INTO schema_migrations (name, applied_at) VALUES (?, ?)');
	const applied: string[] = [];
	for (const m of migrations) {
		if (done.has(m.name)) continue;
		try {
			sqlite.transaction(() => {
				sqlite.exec(m.sql);
				record.run(m.name, Date.now());
			})();
		} catch (e) {
			throw new MigrationError(m.name, e);
		}
		applied.push(m.name);
	}
	return applied;
}

/** The newest migration recorded: the schema version /healthz reports. */
export function schemaVersion(sqlite: SQLite.Database): string | null {
	const row = sqlite
		.prepare('SELECT name FROM schema_migrations ORDER BY name DESC LIMIT 1')
		.get() as { name: string } | undefined;
	return row?.name ?? null;
}
