// Migration 0025 (survey forms in versions): a pilot migrated up to the migration before it, with a
// form, its items, a window and answers, keeps every one of them, on both engines; afterwards an
// audience may have a second version, but never two current forms.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase, postgresPool } from './connect';
import { migrate, migratePostgres, readMigrations } from './migrate';
import { PILOT_SQL } from './pilot.fixture';
import { postgresAnswers, testDatabaseUrl } from './testing';

const VERSIONS = '0025_survey_form_versions.sql';
const T = Date.UTC(2025, 8, 20);

/** A form with three items (one archived), a pre window on one school, one pupil's answers. */
const SURVEY_SQL = `
INSERT INTO survey_forms (id, audience, title, updated_at) VALUES (1, 'pupil_secondary', 'Khảo sát lớp 6–12', ${T});
INSERT INTO survey_forms (id, audience, title, updated_at) VALUES (2, 'teacher', 'Khảo sát giáo viên', ${T});
INSERT INTO survey_items (id, form_id, scale, position, text, reversed, archived) VALUES
	(1, 1, 'maths', 1, 'Em thích Toán.', 0, 0), (2, 1, 'science', 2, 'Em thích Khoa học.', 0, 0),
	(3, 1, 'science', 3, 'Câu đã bỏ.', 0, 1), (4, 2, 'efficacy', 1, 'Tôi dạy tốt STEM.', 0, 0);
INSERT INTO survey_windows (id, form_id, school_year_id, phase, opens_on, closes_on, created_by, created_at)
	VALUES (1, 1, 1, 'pre', '2025-09-15', '2025-09-30', NULL, ${T});
INSERT INTO survey_window_schools (window_id, school_id) VALUES (1, 1);
INSERT INTO survey_responses (id, window_id, respondent_id, school_id, class_id, grade, gender, ethnicity, submitted_at)
	VALUES (1, 1, 2, 1, 1, 7, 'male', 'Tày', ${T});
INSERT INTO survey_answers (response_id, item_id, value) VALUES (1, 1, 4), (1, 2, 5);
INSERT INTO survey_scale_scores (response_id, scale, score) VALUES (1, 'maths', 4), (1, 'science', 5);
`;

const CHILDREN = [
	'SELECT id, form_id, text, archived FROM survey_items ORDER BY id',
	'SELECT id, form_id, phase FROM survey_windows ORDER BY id',
	'SELECT window_id, school_id FROM survey_window_schools',
	'SELECT id, window_id, respondent_id FROM survey_responses ORDER BY id',
	'SELECT response_id, item_id, value FROM survey_answers ORDER BY item_id',
	'SELECT response_id, scale, score FROM survey_scale_scores ORDER BY scale',
	'SELECT window_id, scale, n FROM survey_results_rollup ORDER BY scale'
];

const NEW_VERSION = `INSERT INTO survey_forms (id, audience, title, updated_at, version, replaced_at)
	VALUES (3, 'pupil_secondary', 'Khảo sát lớp 6–12', ${T}, 2, NULL)`;

describe('migration 0025 on SQLite', () => {
	it('keeps the forms, their items, windows and answers; the foreign keys hold and are on again', () => {
		const { sqlite } = openDatabase(':memory:');
		const all = readMigrations();
		const at = all.findIndex((m) => m.name === VERSIONS);
		expect(at).toBeGreaterThan(0);
		migrate(sqlite, all.slice(0, at));
		sqlite.exec(PILOT_SQL + SURVEY_SQL);
		const before = CHILDREN.map((q) => sqlite.prepare(q).all());
		expect(before[0]).toHaveLength(4);

		expect(migrate(sqlite, all)).toContain(VERSIONS);
		expect(CHILDREN.map((q) => sqlite.prepare(q).all())).toEqual(before);
		expect(sqlite.prepare('PRAGMA foreign_key_check').all()).toEqual([]);
		expect(sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
		expect(
			sqlite.prepare('SELECT id, audience, version, replaced_at FROM survey_forms').all()
		).toEqual([
			{ id: 1, audience: 'pupil_secondary', version: 1, replaced_at: null },
			{ id: 2, audience: 'teacher', version: 1, replaced_at: null }
		]);
		// The children name the new table: deleting a form still takes its items with it.
		const fks = sqlite
			.prepare('SELECT "table" FROM pragma_foreign_key_list(\'survey_items\')')
			.all();
		expect(fks).toEqual([{ table: 'survey_forms' }]);

		// Two current forms of one audience: refused; the old one replaced first: accepted.
		expect(() => sqlite.exec(NEW_VERSION)).toThrow(/UNIQUE/);
		sqlite.exec(`UPDATE survey_forms SET replaced_at = ${T} WHERE id = 1;` + NEW_VERSION);
		expect(() =>
			sqlite.exec(
				`INSERT INTO survey_forms (audience, title, updated_at, version, replaced_at) VALUES ('pupil_secondary', 'x', ${T}, 2, ${T})`
			)
		).toThrow(/UNIQUE/);
	});

	it('a migration that leaves a row pointing at nothing fails and is rolled back', () => {
		const { sqlite } = openDatabase(':memory:');
		const list = [
			{
				name: '0001_a.sql',
				sql: 'CREATE TABLE a (id INTEGER PRIMARY KEY); CREATE TABLE b (a_id INTEGER REFERENCES a (id));'
			},
			{ name: '0002_b.sql', sql: 'INSERT INTO b VALUES (7);' }
		];
		expect(() => migrate(sqlite, list)).toThrow(/0002_b.sql.*foreign keys/);
		expect(sqlite.prepare('SELECT count(*) AS n FROM b').get()).toEqual({ n: 0 });
		expect(sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
	});
});

const reachable = await postgresAnswers();

describe.skipIf(!reachable)('migration 0025 on PostgreSQL', () => {
	let pool: pg.Pool | undefined;
	afterAll(() => pool?.end());

	it('keeps the forms, their items, windows and answers; one current form per audience', async () => {
		const url = testDatabaseUrl();
		const schema = `t_${process.pid}_${randomBytes(5).toString('hex')}`;
		const admin = new pg.Client({ connectionString: url });
		await admin.connect();
		await admin.query(`CREATE SCHEMA ${schema}`);
		await admin.end();
		pool = postgresPool(url, `${schema},public`, 2);
		const all = readMigrations(undefined, 'postgres');
		const at = all.findIndex((m) => m.name === VERSIONS);
		await migratePostgres(pool, all.slice(0, at));
		await pool.query(PILOT_SQL + SURVEY_SQL);
		const rows = async () => Promise.all(CHILDREN.map(async (q) => (await pool!.query(q)).rows));
		const before = await rows();

		expect(await migratePostgres(pool, all)).toContain(VERSIONS);
		expect(await rows()).toEqual(before);
		const forms = await pool.query('SELECT id, version, replaced_at FROM survey_forms ORDER BY id');
		expect(forms.rows).toEqual([
			{ id: 1, version: 1, replaced_at: null },
			{ id: 2, version: 1, replaced_at: null }
		]);
		await expect(pool.query(NEW_VERSION)).rejects.toThrow(/survey_forms_current/);
		await pool.query(`UPDATE survey_forms SET replaced_at = ${T} WHERE id = 1`);
		await pool.query(NEW_VERSION);
	});
});
