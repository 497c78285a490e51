// A pupil code is unique within its school in the database (0027), not only in the app's checks: a
// code given twice at once is refused by the unique index and answered as `code_taken`, and a pilot
// database that already has a code twice upgrades (the later pupils' codes are renamed).
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { openDatabase, postgresPool } from '../db/connect';
import { migrate, migratePostgres, readMigrations } from '../db/migrate';
import { PILOT_SQL } from '../db/pilot.fixture';
import { openTestDatabase, testDatabaseUrl, testEngine } from '../db/testing';
import { makeSchool } from '../projects/testing';
import { actorFor } from '../audit/log';
import { addPupil, listRoster } from './pupils';
import { savingCodes } from './pupil-changes';

const base = { gender: null, birthDate: null, ethnicity: null };

describe('a pupil code in the database', () => {
	it('is refused for a second pupil of the school, at once too (code_taken, nothing kept)', async () => {
		const { db } = openTestDatabase();
		const s = await makeSchool(db, 0);
		const other = await makeSchool(db, 0);
		const cls = { id: s.classId, schoolId: s.schoolId, grade: 6 };
		const by = actorFor(s.teacherId);
		// Two teachers add a pupil with the same code at the same moment: both passed the app's check.
		const results = await Promise.all(
			['Hà Văn A', 'Lý Thị B'].map((fullName) =>
				savingCodes(db, (tx) => addPupil(tx, by, cls, { ...base, fullName, pupilCode: 'HS1' }))
			)
		);
		expect(results.filter((r) => r.ok)).toHaveLength(1);
		expect(results).toContainEqual({ ok: false, codeTaken: true });
		const roster = await listRoster(db, cls.id);
		expect(roster.map((p) => p.pupilCode)).toEqual(['HS1']);
		// Nothing of the refused pupil was kept: no account, no profile.
		const kept = await db.selectFrom('users').select('full_name').where('role', '=', 'student');
		expect(
			(await kept.execute()).filter((u) => /^(Hà Văn A|Lý Thị B)$/.test(u.full_name))
		).toHaveLength(1);
		await expect(
			addPupil(db, by, cls, { ...base, fullName: 'Vi Văn C', pupilCode: 'HS1' })
		).rejects.toThrow();

		// Another school's pupil may have it; pupils without a code are many.
		const ocls = { id: other.classId, schoolId: other.schoolId, grade: 6 };
		await addPupil(db, actorFor(other.teacherId), ocls, {
			...base,
			fullName: 'Nông Văn D',
			pupilCode: 'HS1'
		});
		for (const fullName of ['Chu Văn E', 'Triệu Thị G'])
			await addPupil(db, by, cls, { ...base, fullName, pupilCode: null });
		const schools = await db
			.selectFrom('pupil_profiles')
			.innerJoin('users', 'users.id', 'pupil_profiles.user_id')
			.select(['pupil_profiles.school_id as profile', 'users.school_id as user'])
			.execute();
		expect(schools.every((r) => r.profile === r.user && r.user !== null)).toBe(true);
	});

	it('already given twice in a pilot database: the upgrade renames the later pupils, first one keeps it', async () => {
		const all = readMigrations(undefined, testEngine());
		const at = all.findIndex((m) => m.name.startsWith('0027_'));
		const db = await earlierDatabase(all.slice(0, at));
		try {
			await db.run(PILOT_SQL);
			await db.run(`INSERT INTO schools (id, name, commune, level, pilot_since, created_at)
				VALUES (2, 'TH Chi Lăng', 'Chi Lăng', 'primary', '2025-09-01', 0)`);
			for (const [id, school] of [
				[4, 1],
				[5, 1],
				[6, 2]
			]) {
				await db.run(`INSERT INTO users (id, role, school_id, username, full_name, password_hash, disabled_at, created_at)
					VALUES (${id}, 'student', ${school}, NULL, 'Học sinh ${id}', NULL, NULL, 0)`);
				await db.run(`INSERT INTO pupil_profiles (user_id, gender, birth_date, ethnicity, secret_kind, secret)
					VALUES (${id}, NULL, NULL, NULL, 'words', 'a|b')`);
			}
			// Pupils 4, 2 and 3 of school 1 share HS1 (4 set it first: order is by id, not by time).
			for (const [id, code] of [
				[4, 'HS1'],
				[2, 'HS1'],
				[3, 'HS1'],
				[5, 'HS2'],
				[6, 'HS1']
			])
				await db.run(`UPDATE pupil_profiles SET pupil_code = '${code}' WHERE user_id = ${id}`);

			await db.migrate(all);
			expect(
				await db.rows('SELECT user_id, school_id, pupil_code FROM pupil_profiles ORDER BY user_id')
			).toEqual([
				{ user_id: 2, school_id: 1, pupil_code: 'HS1' },
				{ user_id: 3, school_id: 1, pupil_code: 'HS1*2' },
				{ user_id: 4, school_id: 1, pupil_code: 'HS1*3' },
				{ user_id: 5, school_id: 1, pupil_code: 'HS2' },
				{ user_id: 6, school_id: 2, pupil_code: 'HS1' }
			]);
			await expect(
				db.run(`UPDATE pupil_profiles SET pupil_code = 'HS2' WHERE user_id = 2`)
			).rejects.toThrow();
		} finally {
			await db.close();
		}
	});
});

/** A database of the test engine migrated to `migrations` only, with plain SQL to fill it. */
async function earlierDatabase(migrations: ReturnType<typeof readMigrations>) {
	if (testEngine() === 'sqlite') {
		const { sqlite } = openDatabase(':memory:');
		migrate(sqlite, migrations);
		return {
			run: async (text: string) => void sqlite.exec(text),
			rows: async (text: string) => sqlite.prepare(text).all(),
			migrate: async (all: typeof migrations) => void migrate(sqlite, all),
			close: async () => sqlite.close()
		};
	}
	const url = testDatabaseUrl();
	const schema = `t_${process.pid}_${randomBytes(5).toString('hex')}`;
	const admin = new pg.Client({ connectionString: url });
	await admin.connect();
	await admin.query(`CREATE SCHEMA ${schema}`);
	const pool = postgresPool(url, schema, 1);
	await migratePostgres(pool, migrations);
	return {
		run: async (text: string) => void (await pool.query(text)),
		rows: async (text: string) => (await pool.query(text)).rows,
		migrate: async (all: typeof migrations) => void (await migratePostgres(pool, all)),
		close: async () => {
			await pool.end();
			await admin.query(`DROP SCHEMA ${schema} CASCADE`);
			await admin.end();
		}
	};
}
