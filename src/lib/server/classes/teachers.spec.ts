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

	it('two removals at once leave the class one teacher (the class row is locked on PostgreSQL)', async () => {
		const { db } = openTestDatabase();
		const s = await makeSchool(db, 0);
		const by = actorFor(s.teacherId);
		// Several classes of two teachers each; both teachers of each are removed at the same moment,
		// half through an open transaction (as the pages do), half on their own.
		const rounds = [];
		for (let i = 0; i < 8; i++) {
			const cls = await db
				.insertInto('classes')
				.values(await classValues(db, s.classId, `Lớp ${i}`))
				.returning('id')
				.executeTakeFirstOrThrow();
			const ref = { id: cls.id, schoolId: s.schoolId };
			const a = await teacher(db, s.schoolId, `gv.a${i}`);
			const b = await teacher(db, s.schoolId, `gv.b${i}`);
			for (const id of [a, b]) expect(await addClassTeacher(db, by, ref, id)).toEqual({ ok: true });
			rounds.push({ ref, a, b, inTx: i % 2 === 0 });
		}
		const results = await Promise.all(
			rounds.flatMap(({ ref, a, b, inTx }) =>
				[a, b].map((id) =>
					inTx
						? db.transaction().execute((tx) => removeClassTeacher(tx, by, ref, id))
						: removeClassTeacher(db, by, ref, id)
				)
			)
		);
		for (const [i, { ref }] of rounds.entries()) {
			expect((await classTeachers(db, ref.id)).length).toBe(1);
			expect(results.slice(2 * i, 2 * i + 2).filter((r) => r.ok)).toHaveLength(1);
			expect(results.slice(2 * i, 2 * i + 2)).toContainEqual({ ok: false, error: 'last' });
		}
	});

	it('the same co-teacher added twice at once is added once', async () => {
		const { db } = openTestDatabase();
		const s = await makeSchool(db, 0);
		const cls = { id: s.classId, schoolId: s.schoolId };
		const duc = await teacher(db, s.schoolId, 'gv.duc');
		const results = await Promise.all(
			[1, 2].map(() => addClassTeacher(db, actorFor(s.teacherId), cls, duc))
		);
		expect(results).toContainEqual({ ok: true });
		expect(results).toContainEqual({ ok: false, error: 'already' });
		expect((await classTeachers(db, cls.id)).length).toBe(2);
	});
});

/** A new class of the school and year of `templateId`, with no teacher yet. */
async function classValues(db: Conn, templateId: number, name: string) {
	const t = await db
		.selectFrom('classes')
		.select(['school_id', 'school_year_id', 'grade'])
		.where('id', '=', templateId)
		.executeTakeFirstOrThrow();
	return { ...t, name, join_code: `RACE${name.replace(/\D/g, '')}`, created_at: 0 };
}
