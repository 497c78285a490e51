import { beforeAll, describe, expect, it } from 'vitest';
import { isHttpError, isRedirect } from '@sveltejs/kit';
import { idParam, requireRole, requireTeacher } from './guard';
import { openTestDatabase } from '../db/testing';
import type { DB } from '../db';
import { getClassForTeacher } from '../classes/classes';
import type { SessionUser } from './session';

const url = new URL('http://localhost/teach/classes/3?x=1');
const as = (user: SessionUser | null) => ({ locals: { user, session: null }, url });
const teacher: SessionUser = {
	id: 7,
	role: 'teacher',
	schoolId: 1,
	username: 'gv.hoa',
	fullName: 'Hoàng Thị Hoa'
};
const pupil: SessionUser = {
	id: 8,
	role: 'student',
	schoolId: 1,
	username: null,
	fullName: 'Nông Văn An'
};

function caught(fn: () => unknown) {
	try {
		fn();
	} catch (e) {
		return e;
	}
	throw new Error('expected the guard to throw');
}

describe('requireRole', () => {
	it('sends a signed-out visitor to sign in, and back afterwards', () => {
		const e = caught(() => requireRole(as(null), 'teacher'));
		expect(isRedirect(e) && e.location).toBe('/login?next=%2Fteach%2Fclasses%2F3%3Fx%3D1');
		const p = caught(() => requireRole(as(null), 'student'));
		expect(isRedirect(p) && p.location).toBe('/join');
	});

	it('answers 403 to another role, and lets the right role through', () => {
		const e = caught(() => requireRole(as(pupil), 'teacher', 'admin'));
		expect(isHttpError(e) && e.status).toBe(403);
		expect(requireRole(as(teacher), 'teacher').id).toBe(7);
		const t = caught(() => requireTeacher(as({ ...teacher, schoolId: null })));
		expect(isHttpError(t) && t.status).toBe(403);
	});

	it('turns a malformed id into 404', () => {
		for (const bad of ['abc', '-1', '0', '1.5', '99999999999999999999']) {
			const e = caught(() => idParam(bad));
			expect(isHttpError(e) && e.status).toBe(404);
		}
		expect(idParam('42')).toBe(42);
	});
});

describe('a teacher reaches only the classes they teach in their school', () => {
	let db: DB;
	const ids: Record<string, number> = {};
	beforeAll(async () => {
		db = openTestDatabase().db;
		const year = (
			await db
				.insertInto('school_years')
				.values({
					name: '2026–2027',
					starts_on: '2026-09-05',
					ends_on: '2027-05-31',
					is_current: 1
				})
				.returning('id')
				.executeTakeFirstOrThrow()
		).id;
		for (const s of ['A', 'B']) {
			ids[`school${s}`] = (
				await db
					.insertInto('schools')
					.values({
						name: s,
						commune: 'X',
						level: 'primary',
						pilot_since: '2025-09-05',
						created_at: 0
					})
					.returning('id')
					.executeTakeFirstOrThrow()
			).id;
			ids[`teacher${s}`] = (
				await db
					.insertInto('users')
					.values({
						role: 'teacher',
						username: `t${s}`.toLowerCase() + 'xx',
						full_name: s,
						school_id: ids[`school${s}`],
						created_at: 0
					})
					.returning('id')
					.executeTakeFirstOrThrow()
			).id;
			ids[`class${s}`] = (
				await db
					.insertInto('classes')
					.values({
						school_id: ids[`school${s}`],
						school_year_id: year,
						grade: 3,
						name: '3A',
						join_code: `CODE${s}${s}`,
						created_at: 0
					})
					.returning('id')
					.executeTakeFirstOrThrow()
			).id;
			await db
				.insertInto('class_teachers')
				.values({ class_id: ids[`class${s}`], teacher_id: ids[`teacher${s}`] })
				.execute();
		}
		// A colleague of school A who does not teach 3A.
		ids.colleague = (
			await db
				.insertInto('users')
				.values({
					role: 'teacher',
					username: 'colleague',
					full_name: 'C',
					school_id: ids.schoolA,
					created_at: 0
				})
				.returning('id')
				.executeTakeFirstOrThrow()
		).id;
	});

	it('finds their own class', async () => {
		expect(
			(await getClassForTeacher(db, { id: ids.teacherA, schoolId: ids.schoolA }, ids.classA))?.name
		).toBe('3A');
	});

	it('finds nothing for another school’s class id', async () => {
		expect(
			await getClassForTeacher(db, { id: ids.teacherA, schoolId: ids.schoolA }, ids.classB)
		).toBeUndefined();
	});

	it('finds nothing for a class of their school they do not teach', async () => {
		expect(
			await getClassForTeacher(db, { id: ids.colleague, schoolId: ids.schoolA }, ids.classA)
		).toBeUndefined();
	});

	it('finds nothing when the school claimed does not match', async () => {
		expect(
			await getClassForTeacher(db, { id: ids.teacherB, schoolId: ids.schoolA }, ids.classB)
		).toBeUndefined();
	});
});
