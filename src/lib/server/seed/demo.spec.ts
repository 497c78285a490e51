import { describe, expect, it } from 'vitest';
import { openTestDatabase } from '../db/testing';
import { seedDemo, schoolYearOf } from './demo';
import { signInStaff } from '../auth/signin';

const NOW = Date.UTC(2026, 10, 28);

async function seeded() {
	const { db } = openTestDatabase();
	await seedDemo(db, NOW);
	return db;
}

describe('the demo pilot', () => {
	it('has 6 schools of three levels in 6 communes, 12 teachers, 18 classes and 540 pupils', async () => {
		const db = await seeded();
		const schools = await db.selectFrom('schools').selectAll().execute();
		expect(schools).toHaveLength(6);
		expect(schools.filter((s) => s.level === 'primary')).toHaveLength(2);
		expect(schools.filter((s) => s.level === 'lower_secondary')).toHaveLength(3);
		expect(schools.filter((s) => s.level === 'upper_secondary')).toHaveLength(1);
		expect(new Set(schools.map((s) => s.commune)).size).toBe(6);
		const count = async (role: 'teacher' | 'student') =>
			(await db.selectFrom('users').select('id').where('role', '=', role).execute()).length;
		expect(await count('teacher')).toBe(12);
		expect(await count('student')).toBe(540);
		expect(await db.selectFrom('classes').select('id').execute()).toHaveLength(18);
		const year = await db
			.selectFrom('school_years')
			.selectAll()
			.where('is_current', '=', 1)
			.executeTakeFirstOrThrow();
		expect(year.name).toBe('2026–2027');
	});

	it('is the same on every machine', async () => {
		const a = await seeded();
		const b = await seeded();
		const codes = async (db: typeof a) =>
			await db.selectFrom('classes').select(['name', 'join_code']).orderBy('id').execute();
		const secrets = async (db: typeof a) =>
			await db
				.selectFrom('pupil_profiles')
				.innerJoin('users', 'users.id', 'pupil_profiles.user_id')
				.select(['full_name', 'secret'])
				.orderBy('user_id')
				.execute();
		expect(await codes(a)).toEqual(await codes(b));
		expect(await secrets(a)).toEqual(await secrets(b));
	});

	it('lets the three demo staff sign in with the documented passwords', async () => {
		const db = await seeded();
		for (const [username, password, role] of [
			['admin', 'mamstem-admin', 'admin'],
			['sogd', 'mamstem-demo', 'department'],
			['gv.hoa', 'mamstem-demo', 'teacher']
		]) {
			expect(await signInStaff(db, { username, password, address: '127.0.0.1' })).toMatchObject({
				ok: true,
				role
			});
		}
		const hoa = await db
			.selectFrom('users')
			.innerJoin('class_teachers', 'class_teachers.teacher_id', 'users.id')
			.innerJoin('classes', 'classes.id', 'class_teachers.class_id')
			.innerJoin('schools', 'schools.id', 'classes.school_id')
			.select(['classes.name', 'schools.level'])
			.where('users.username', '=', 'gv.hoa')
			.execute();
		expect(hoa.map((c) => c.name).sort()).toEqual(['6A1', '7A1']);
		expect(hoa.every((c) => c.level === 'lower_secondary')).toBe(true);
	});

	it('turns the school year over in August', () => {
		expect(schoolYearOf(Date.UTC(2026, 6, 31)).name).toBe('2025–2026');
		expect(schoolYearOf(Date.UTC(2026, 7, 1)).name).toBe('2026–2027');
	});
});
