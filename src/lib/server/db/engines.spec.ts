// The PostgreSQL twins of the migrations (NNNN_name.pg.sql) make the same tables, columns, indexes,
// views and triggers as SQLite's files, and their PL/pgSQL triggers roll up the same figures from the
// same rows. Needs the test PostgreSQL (TEST_DATABASE_URL); skipped, and says so, without one.
import type pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from './connect';
import { migrate } from './migrate';
import { PILOT_SQL } from './pilot.fixture';
import { openTestPostgres, postgresAnswers, testDatabaseUrl } from './testing';

const reachable = await postgresAnswers();
if (!reachable) console.warn(`PostgreSQL suites not run: nothing answers at ${testDatabaseUrl()}.`);

// FTS5's shadow tables have no counterpart: PostgreSQL keeps the words in a tsvector column.
const own = (name: string) => !name.startsWith('sqlite_') && !/^lesson_search_/.test(name);

function sqliteSide() {
	const { sqlite } = openDatabase(':memory:');
	migrate(sqlite);
	sqlite.exec(PILOT_SQL);
	const names = (type: string) =>
		(
			sqlite
				.prepare('SELECT name FROM sqlite_master WHERE type = ? AND sql IS NOT NULL ORDER BY name')
				.all(type) as { name: string }[]
		)
			.map((r) => r.name)
			.filter(own);
	const tables = names('table');
	const columns = (t: string) =>
		(sqlite.prepare(`SELECT name FROM pragma_table_info('${t}')`).all() as { name: string }[])
			.map((c) => c.name)
			.sort();
	const rows = (t: string) =>
		(sqlite.prepare(`SELECT * FROM "${t}"`).all() as Record<string, unknown>[])
			.map((r) => JSON.stringify(r))
			.sort();
	return { sqlite, names, tables, columns, rows };
}

describe.skipIf(!reachable)('the PostgreSQL twins of the migrations', () => {
	let pool: pg.Pool | undefined;
	afterAll(() => pool?.end());

	it('make the same schema, and their triggers the same rollups from the same rows', async () => {
		const lite = sqliteSide();
		const opened = await openTestPostgres();
		pool = opened.pool;
		await pool.query(PILOT_SQL);
		const q = async (text: string) =>
			(await pool!.query<{ name: string }>(text, [opened.schema])).rows.map((r) => r.name).sort();
		const pgTables = await q(
			"SELECT table_name AS name FROM information_schema.tables WHERE table_schema = $1 AND table_type = 'BASE TABLE'"
		);
		expect(pgTables).toEqual([...lite.tables].sort());
		expect(await q('SELECT viewname AS name FROM pg_views WHERE schemaname = $1')).toEqual(
			lite.names('view')
		);
		const pgIndexes = await q(
			'SELECT indexname AS name FROM pg_indexes WHERE schemaname = $1 AND NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conname = indexname)'
		);
		expect(pgIndexes.filter((i) => i !== 'lesson_search_doc')).toEqual(lite.names('index'));
		expect(
			await q(
				'SELECT DISTINCT trigger_name AS name FROM information_schema.triggers WHERE trigger_schema = $1'
			)
		).toEqual(lite.names('trigger'));

		for (const t of lite.tables.filter((t) => t !== 'lesson_search')) {
			const cols = await pool.query<{ name: string }>(
				'SELECT column_name AS name FROM information_schema.columns WHERE table_schema = $1 AND table_name = $2',
				[opened.schema, t]
			);
			expect(cols.rows.map((c) => c.name).sort(), t).toEqual(lite.columns(t));
			if (t === 'schema_migrations') continue; // times and checksums differ by engine
			const rows = (await pool.query(`SELECT * FROM "${t}"`)).rows.map((r) => JSON.stringify(r));
			expect(rows.sort(), t).toEqual(lite.rows(t));
		}
	});
});
