import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, postgresKysely, postgresPool, type DB, type Engine } from './connect';
import { migrate, migratePostgres } from './migrate';

/** `npm run test:postgres` sets TEST_ENGINE=postgres and TEST_DATABASE_URL (a throwaway database). */
export function testEngine(): Engine {
	return process.env.TEST_ENGINE === 'postgres' ? 'postgres' : 'sqlite';
}

export function testDatabaseUrl(): string {
	return process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
}

/** A fresh schema of the test database, migrated, and a pool whose connections use it. */
async function freshSchema(url: string): Promise<pg.Pool> {
	const schema = `t_${process.pid}_${randomBytes(5).toString('hex')}`;
	const admin = new pg.Client({ connectionString: url });
	await admin.connect();
	await admin.query(`CREATE SCHEMA ${schema}`);
	await admin.end();
	const pool = postgresPool(url, `${schema},public`, 4);
	pool.options.idleTimeoutMillis = 1000;
	pool.options.allowExitOnIdle = true;
	await migratePostgres(pool);
	return pool;
}

/**
 * A fresh, migrated database for one test suite: in memory on SQLite, a schema of its own on
 * PostgreSQL (made on the first query, so this stays synchronous on both engines).
 */
export function openTestDatabase(): { engine: Engine; db: DB } {
	if (testEngine() === 'postgres') {
		const url = testDatabaseUrl();
		return { engine: 'postgres', db: postgresKysely(() => freshSchema(url)) };
	}
	const opened = openDatabase(':memory:');
	migrate(opened.sqlite);
	return opened;
}

/** Whether the test PostgreSQL answers (the twin tests are skipped, and say so, when it does not). */
export async function postgresAnswers(url = testDatabaseUrl()): Promise<boolean> {
	const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
	try {
		await client.connect();
		await client.query('SELECT 1');
		return true;
	} catch {
		return false;
	} finally {
		await client.end().catch(() => {});
	}
}

/** A fresh migrated schema on the test PostgreSQL and its pool (close it with pool.end()). */
export async function openTestPostgres(): Promise<{ pool: pg.Pool; schema: string }> {
	const pool = await freshSchema(testDatabaseUrl());
	const { rows } = await pool.query<{ s: string }>('SELECT current_schema() AS s');
	return { pool, schema: rows[0].s };
}
