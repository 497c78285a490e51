// The PostgreSQL twins of the migrations (NNNN_name.pg.sql) make the same tables, columns, indexes,
// views and triggers as SQLite's files, and their PL/pgSQL triggers roll up the same figures from the
// same rows. Needs the test PostgreSQL (TEST_DATABASE_URL); skipped, and says so, without one.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase, postgresPool } from './connect';
import { migrate, migratePostgres, readMigrations } from './migrate';
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

/** What each SQLite column type is on PostgreSQL: INTEGER is 64-bit on SQLite (times are milliseconds). */
const PG_TYPE: Record<string, string> = {
	INTEGER: 'bigint',
	TEXT: 'text',
	REAL: 'double precision'
};

interface SqliteColumn {
	name: string;
	type: string;
	pk: number;
}

/** SQLite's own ids: a lone INTEGER PRIMARY KEY that refers to no other table numbers itself. */
function ownIds(
	sqlite: ReturnType<typeof openDatabase>['sqlite'],
	table: string,
	cols: SqliteColumn[]
) {
	const keys = cols.filter((c) => c.pk > 0);
	const foreign = (
		sqlite.prepare(`SELECT "from" AS name FROM pragma_foreign_key_list('${table}')`).all() as {
			name: string;
		}[]
	).map((f) => f.name);
	return keys.length === 1 && keys[0].type === 'INTEGER' && !foreign.includes(keys[0].name)
		? [keys[0].name]
		: [];
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

	it('give each column the type its SQLite column means, and number ids as SQLite does', async () => {
		const lite = sqliteSide();
		const opened = await openTestPostgres();
		try {
			const { rows } = await opened.pool.query<{
				table_name: string;
				column_name: string;
				data_type: string;
				numbered: boolean;
			}>(
				`SELECT table_name, column_name, data_type,
					is_identity = 'YES' OR column_default LIKE 'nextval(%' AS numbered
				FROM information_schema.columns WHERE table_schema = $1`,
				[opened.schema]
			);
			const pgColumn = new Map(rows.map((r) => [`${r.table_name}.${r.column_name}`, r]));
			const wrong: string[] = [];
			for (const t of lite.tables.filter((t) => t !== 'lesson_search')) {
				const cols = lite.sqlite
					.prepare(`SELECT name, type, pk FROM pragma_table_info('${t}')`)
					.all() as SqliteColumn[];
				const ids = ownIds(lite.sqlite, t, cols);
				for (const c of cols) {
					const other = pgColumn.get(`${t}.${c.name}`);
					const want = PG_TYPE[c.type.toUpperCase()];
					if (want && other?.data_type !== want)
						wrong.push(`${t}.${c.name}: ${c.type} on SQLite, ${other?.data_type} on PostgreSQL`);
					if (ids.includes(c.name) && !other?.numbered)
						wrong.push(`${t}.${c.name}: numbered by SQLite, not by PostgreSQL`);
				}
			}
			expect(wrong).toEqual([]);
		} finally {
			await opened.pool.end();
		}
	});

	it('0017 makes the courses of a database migrated before it numbered after the ones already there', async () => {
		const url = testDatabaseUrl();
		const schema = `t_${process.pid}_${randomBytes(5).toString('hex')}`;
		const admin = new pg.Client({ connectionString: url });
		await admin.connect();
		await admin.query(`CREATE SCHEMA ${schema}`);
		const db = postgresPool(url, schema, 1);
		try {
			const all = readMigrations(undefined, 'postgres');
			const at = all.findIndex((m) => m.name.startsWith('0017_'));
			await migratePostgres(db, all.slice(0, at));
			await db.query(PILOT_SQL);
			await db.query(`INSERT INTO courses (id, slug, title, grade_from, grade_to, position)
				VALUES (4, 'lop-3', 'Lớp 3', 3, 3, 1)`);
			await db.query(`INSERT INTO course_lessons (id, course_id, position, slug, title, concept)
				VALUES (9, 4, 1, 'me-cung', 'Mê cung', 'loops')`);
			await db.query(`INSERT INTO exercise_hint_views VALUES (1, 2, 1, ${Date.UTC(2026, 0, 5)})`);
			expect(await migratePostgres(db, all)).toEqual(all.slice(at).map((m) => m.name));
			const course =
				await db.query(`INSERT INTO courses (slug, title, grade_from, grade_to, position)
				VALUES ('lop-4-5', 'Lớp 4–5', 4, 5, 2) RETURNING id`);
			const lesson =
				await db.query(`INSERT INTO course_lessons (course_id, position, slug, title, concept)
				VALUES (4, 2, 'vong-lap', 'Vòng lặp', 'loops') RETURNING id`);
			expect([course.rows[0].id, lesson.rows[0].id]).toEqual([5, 10]);
			const kept = await db.query('SELECT created_at FROM exercise_hint_views');
			expect(kept.rows).toEqual([{ created_at: Date.UTC(2026, 0, 5) }]);
		} finally {
			await db.end();
			await admin.query(`DROP SCHEMA ${schema} CASCADE`);
			await admin.end();
		}
	});
});
