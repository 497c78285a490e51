import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type SQLite from 'better-sqlite3';
import type pg from 'pg';
import type { AnyOpened, DB } from './connect';

export const MIGRATIONS_DIR = resolve(process.env.MIGRATIONS_DIR ?? 'migrations');

type Engine = AnyOpened['engine'];

export interface Migration {
	/** The number and name every engine records: `0001_foundation.sql`. */
	name: string;
	/** The file this engine runs: the name itself, or its `.pg.sql` twin on PostgreSQL. */
	file?: string;
	sql: string;
}

/** A recorded migration: what the database says it ran. */
export interface Applied {
	name: string;
	applied_at: number;
	checksum: string | null;
}

/** SHA-256 (hex) of a migration's text, as recorded in schema_migrations.checksum. */
export function checksum(sql: string): string {
	return createHash('sha256').update(sql, 'utf8').digest('hex');
}

/**
 * The numbered SQL files of migrations/, in order. One sequence for both engines: where PostgreSQL
 * needs its own SQL, `NNNN_name.pg.sql` stands beside `NNNN_name.sql` and is run instead.
 */
export function readMigrations(dir = MIGRATIONS_DIR, engine: Engine = 'sqlite'): Migration[] {
	return readdirSync(dir)
		.filter((f) => /^\d{4}_[\w-]+\.sql$/.test(f))
		.sort()
		.map((name) => {
			const twin = name.replace(/\.sql$/, '.pg.sql');
			const file = engine === 'postgres' && existsSync(join(dir, twin)) ? twin : name;
			return { name, file, sql: readFileSync(join(dir, file), 'utf8') };
		});
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

/** A migration that has run was changed afterwards: the database may lack what the file now says. */
export class MigrationChangedError extends Error {
	constructor(
		readonly migration: string,
		readonly recorded: string,
		readonly actual: string,
		appliedAt: number
	) {
		super(
			`The migration file ${migration} differs from the one applied to this database on ` +
				`${new Date(appliedAt).toISOString().slice(0, 10)} (SHA-256 recorded ${recorded.slice(0, 12)}…, ` +
				`file now ${actual.slice(0, 12)}…). A migration that has run must never change: restore the ` +
				`file as it was and put the change in a new numbered migration.`
		);
	}
}

export interface Plan {
	/** Migrations to run now, in order. */
	pending: Migration[];
	/** Recorded before checksums were kept: their checksum is recorded now, trusting the present file. */
	unsigned: { name: string; checksum: string }[];
}

/** Compares what the database ran with the files; throws MigrationChangedError on the first file that differs. */
export function plan(applied: Applied[], migrations: Migration[]): Plan {
	const byName = new Map(applied.map((a) => [a.name, a]));
	const pending: Migration[] = [];
	const unsigned: Plan['unsigned'] = [];
	for (const m of migrations) {
		const done = byName.get(m.name);
		const sum = checksum(m.sql);
		if (!done) pending.push(m);
		else if (done.checksum === null) unsigned.push({ name: m.name, checksum: sum });
		else if (done.checksum !== sum)
			throw new MigrationChangedError(m.file ?? m.name, done.checksum, sum, done.applied_at);
	}
	return { pending, unsigned };
}

function ensureTable(sqlite: SQLite.Database) {
	sqlite.exec(
		'CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY, applied_at INTEGER NOT NULL)'
	);
	const columns = sqlite.prepare('PRAGMA table_info(schema_migrations)').all() as {
		name: string;
	}[];
	if (!columns.some((c) => c.name === 'checksum'))
		sqlite.exec('ALTER TABLE schema_migrations ADD COLUMN checksum TEXT');
}

/**
 * Checks the recorded migrations against their files, then applies the migrations not yet recorded,
 * each in its own transaction (SQLite's DDL is transactional), so a failing one leaves the database as
 * the previous one left it. Returns the names applied now.
 */
export function migrate(sqlite: SQLite.Database, migrations = readMigrations()): string[] {
	// Once, before the server answers: it may wait (and block) for another process's write.
	// Another instance may be migrating (a long migration on a big pilot): wait for it.
	const busy = sqlite.pragma('busy_timeout', { simple: true });
	sqlite.pragma('busy_timeout = 120000');
	// SQLite's way to change a table (rebuild it): foreign keys off, each migration checked afterwards.
	// (Off, dropping a parent deletes nothing through ON DELETE CASCADE; the pragma is a no-op in a
	// transaction, hence here.)
	const keys = sqlite.pragma('foreign_keys', { simple: true });
	sqlite.pragma('foreign_keys = OFF');
	try {
		return migrateNow(sqlite, migrations);
	} finally {
		sqlite.pragma(`foreign_keys = ${Number(keys) ? 'ON' : 'OFF'}`);
		sqlite.pragma(`busy_timeout = ${Number(busy)}`);
	}
}

/** A migration that leaves a row pointing at nothing fails (and is rolled back) like any other. */
function checkForeignKeys(sqlite: SQLite.Database) {
	const broken = sqlite.prepare('PRAGMA foreign_key_check').all() as { table: string }[];
	if (broken.length)
		throw new Error(
			`${broken.length} row(s) refer to nothing (foreign keys), first in ${broken[0].table}`
		);
}

/**
 * The plan and the migrations run under one write lock (BEGIN IMMEDIATE): two instances started
 * together over one file migrate one after the other, the second finding nothing to do. Each migration
 * is a savepoint of its own: the ones before a failing one stay applied, and one that leaves a broken
 * foreign key fails.
 */
function migrateNow(sqlite: SQLite.Database, migrations: Migration[]): string[] {
	let failed: MigrationError | undefined;
	const applied = sqlite
		.transaction(() => {
			ensureTable(sqlite);
			const { pending, unsigned } = plan(
				sqlite
					.prepare('SELECT name, applied_at, checksum FROM schema_migrations')
					.all() as Applied[],
				migrations
			);
			const sign = sqlite.prepare('UPDATE schema_migrations SET checksum = ? WHERE name = ?');
			unsigned.forEach((u) => sign.run(u.checksum, u.name));
			const record = sqlite.prepare(
				'INSERT INTO schema_migrations (name, applied_at, checksum) VALUES (?, ?, ?)'
			);
			const done: string[] = [];
			for (const m of pending) {
				try {
					sqlite.transaction(() => {
						sqlite.exec(m.sql);
						checkForeignKeys(sqlite);
						record.run(m.name, Date.now(), checksum(m.sql));
					})();
				} catch (e) {
					failed = new MigrationError(m.name, e);
					break;
				}
				done.push(m.name);
			}
			return done;
		})
		.immediate();
	if (failed) throw failed;
	return applied;
}

/** The newest migration recorded: the schema version /healthz reports. */
export function schemaVersion(sqlite: SQLite.Database): string | null {
	const row = sqlite
		.prepare('SELECT name FROM schema_migrations ORDER BY name DESC LIMIT 1')
		.get() as { name: string } | undefined;
	return row?.name ?? null;
}

/** Any two instances starting together over one PostgreSQL database migrate one after the other. */
const PG_LOCK = 7_240_013;

/**
 * PostgreSQL's migrator: the same plan and checks as SQLite's; each migration (its `.pg.sql` twin where
 * there is one) runs in its own transaction, PostgreSQL's DDL being transactional too.
 */
export async function migratePostgres(
	pool: pg.Pool,
	migrations = readMigrations(MIGRATIONS_DIR, 'postgres')
): Promise<string[]> {
	const client = await pool.connect();
	try {
		await client.query('SELECT pg_advisory_lock($1)', [PG_LOCK]);
		await client.query(
			'CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY, applied_at BIGINT NOT NULL, checksum TEXT)'
		);
		const { rows } = await client.query<Applied>(
			'SELECT name, applied_at::float8 AS applied_at, checksum FROM schema_migrations'
		);
		const { pending, unsigned } = plan(rows, migrations);
		for (const u of unsigned)
			await client.query('UPDATE schema_migrations SET checksum = $1 WHERE name = $2', [
				u.checksum,
				u.name
			]);
		for (const m of pending) {
			try {
				await client.query('BEGIN');
				await client.query(m.sql);
				await client.query(
					'INSERT INTO schema_migrations (name, applied_at, checksum) VALUES ($1, $2, $3)',
					[m.name, Date.now(), checksum(m.sql)]
				);
				await client.query('COMMIT');
			} catch (e) {
				await client.query('ROLLBACK').catch(() => {});
				throw new MigrationError(m.file ?? m.name, e);
			}
		}
		return pending.map((m) => m.name);
	} finally {
		await client.query('SELECT pg_advisory_unlock($1)', [PG_LOCK]).catch(() => {});
		client.release();
	}
}

/** Migrates whichever engine was opened. */
export async function migrateOpened(opened: AnyOpened): Promise<string[]> {
	return opened.engine === 'sqlite' ? migrate(opened.sqlite) : migratePostgres(opened.pool);
}

/** The newest migration recorded, on either engine. */
export async function schemaVersionOf(db: DB): Promise<string | null> {
	const row = await db
		.selectFrom('schema_migrations')
		.select('name')
		.orderBy('name', 'desc')
		.limit(1)
		.executeTakeFirst();
	return row?.name ?? null;
}
