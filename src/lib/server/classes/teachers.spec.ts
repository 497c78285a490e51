import { describe, expect, it } from 'vitest';
import { openTestDatabase } from '../db/testing';
import type { Conn } from '../db';
import { makeSchool } from '../projects/testing';
import { actorFor } from '../audit/log';
import { getClassForTeacher } from './classes';
import { addClassTeacher, classTeachers, removeClassTeacher } from './teachers';

async function teacher(db: Conn, schoolId: number, username: string, disabled = false) {
	const row = await db
		.insertInto('users')
		.values({
			role: 'teacher',
			school_id: schoolId,
			username,
			full_name: `Giáo viên ${username}`,
			password_hash: null,
			disabled_at: disabled ? 1 : null,
			created_at: 0
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	return row.id;
}

describe("a class's teachers", () => {
	it('a co-teacher of the school is added, sees the class, and is removed; a class keeps one teacher', async () => {
		const { db } = openTestDatabase();
		const s = await makeSchool(db, 0);
		const other = await makeSchool(db, 0);
		const cls = { id: s.classId, schoolId: s.schoolId };
		const by = actorFor(s.teacherId);
		const duc = await teacher(db, s.schoolId, 'gv.duc');
		const away = await teacher(db, s.schoolId, 'gv.nghi', true);

		expect(await getClassForTeacher(db, { id: duc, schoolId: s.schoolId }, cls.id)).toBeUndefined();
		expect(await addClassTeacher(db, by, cls, duc)).toEqual({ ok: true });
		expect(await getClassForTeacher(db, { id: duc, schoolId: s.schoolId }, cls.id)).toBeDefined();
		expect(await addClassTeacher(db, by, cls, duc)).toEqual({ ok: false, error: 'already' });
		// Another school's teacher, a disabled one, a pupil or no one: refused.
		for (const id of [other.teacherId, away, 999_999])
			expect(await addClassTeacher(db, by, cls, id)).toEqual({ ok: false, error: 'not_teacher' });
		expect((await classTeachers(db, cls.id)).map((t) => t.id).sort()).toEqual(
			[s.teacherId, duc].sort()
		);

		expect(await removeClassTeacher(db, by, cls, s.teacherId)).toEqual({ ok: true });
		expect(await removeClassTeacher(db, by, cls, duc)).toEqual({ ok: false, error: 'last' });
		expect(await removeClassTeacher(db, by, cls, s.teacherId)).toEqual({
			ok: false,
			error: 'not_in_class'
		});
		const entries = await db
			.selectFrom('audit_log')
			.select(['action', 'detail'])
			.orderBy('id')
			.execute();
		expect(entries).toEqual([
			{ action: 'class.teacher_added', detail: JSON.stringify({ teacherId: duc }) },
			{ action: 'class.teacher_removed', detail: JSON.stringify({ teacherId: s.teacherId }) }
		]);
	});
});
