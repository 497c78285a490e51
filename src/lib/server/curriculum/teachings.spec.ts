import { beforeEach, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../db/testing';
import type { DB } from '../db';
import * as lessons from './lessons';
import { listTeachings, logTeaching } from './teachings';
import { makeSchoolAndUsers, sampleLesson } from './testing';

let db: DB;
let u: Awaited<ReturnType<typeof makeSchoolAndUsers>>;
let lessonId: number;
let classId: number;
let otherClass: number;
const NOW = Date.parse('2026-11-20T08:00:00Z');

beforeEach(async () => {
	db = openTestDatabase().db;
	u = await makeSchoolAndUsers(db);
	const year = await db
		.insertInto('school_years')
		.values({ name: '2026-2027', starts_on: '2026-09-05', ends_on: '2027-05-31', is_current: 1 })
		.returning('id')
		.executeTakeFirstOrThrow();
	const cls = (name: string) =>
		db
			.insertInto('classes')
			.values({
				school_id: u.schoolId,
				school_year_id: year.id,
				grade: 8,
				name,
				join_code: name + 'XYZ',
				created_at: 0
			})
			.returning('id')
			.executeTakeFirstOrThrow();
	classId = (await cls('8A1')).id;
	otherClass = (await cls('8A2')).id;
	await db
		.insertInto('class_teachers')
		.values([
			{ class_id: classId, teacher_id: u.hoa.id },
			{ class_id: otherClass, teacher_id: u.duc.id }
		])
		.execute();
	lessonId = await lessons.createLesson(db, null, sampleLesson(), { status: 'published' });
});

describe('the teaching log', () => {
	it('records a teaching to the teacher’s own class', async () => {
		const r = await logTeaching(
			db,
			u.hoa,
			lessonId,
			{ classId, taughtOn: '2026-11-19', periods: '4', note: ' Lớp làm tốt ' },
			NOW
		);
		expect(r.ok).toBe(true);
		expect(await listTeachings(db, u.hoa.id, lessonId)).toEqual([
			{
				id: expect.any(Number),
				className: '8A1',
				taughtOn: '2026-11-19',
				periods: 4,
				note: 'Lớp làm tốt'
			}
		]);
	});

	it('refuses another teacher’s class, a future or impossible date, bad periods; saves nothing', async () => {
		const r = await logTeaching(
			db,
			u.hoa,
			lessonId,
			{ classId: otherClass, taughtOn: '2026-12-25', periods: '0', note: '' },
			NOW
		);
		expect(r).toEqual({
			ok: false,
			errors: { classId: 'invalid', taughtOn: 'invalid', periods: 'invalid' }
		});
		expect(
			(
				await logTeaching(
					db,
					u.hoa,
					lessonId,
					{ classId, taughtOn: '2026-02-30', periods: 2, note: '' },
					NOW
				)
			).ok
		).toBe(false);
		expect(
			await logTeaching(
				db,
				u.hoa,
				lessonId,
				{ classId, taughtOn: '', periods: 2, note: 'x'.repeat(2001) },
				NOW
			)
		).toEqual({ ok: false, errors: { taughtOn: 'required', note: 'too_long' } });
		expect(await db.selectFrom('lesson_teachings').selectAll().execute()).toHaveLength(0);
	});

	it('only for a lesson the teacher can see', async () => {
		const draft = await lessons.createLesson(db, u.duc, sampleLesson());
		const r = await logTeaching(
			db,
			u.hoa,
			draft,
			{ classId, taughtOn: '2026-11-19', periods: 2, note: '' },
			NOW
		);
		expect(r).toMatchObject({ ok: false, notFound: true });
	});
});
