import { describe, expect, it } from 'vitest';
import { openTestDatabase } from '../db/testing';
import { makeSchool } from '../projects/testing';
import { actorFor } from '../audit/log';
import { getClass, listTeacherClasses, renameClass, setClassArchived } from './classes';
import { archiveOf, pastClasses } from './rollover';
import { listRoster } from './pupils';

describe("a class's name and archive", () => {
	it('renames under the same rules as a new class, and archives off this year’s list with its pupils kept', async () => {
		const { db } = openTestDatabase();
		const s = await makeSchool(db, 3);
		const by = actorFor(s.teacherId);
		const cls = (await getClass(db, s.classId))!;
		await db
			.insertInto('classes')
			.values({
				school_id: s.schoolId,
				school_year_id: cls.schoolYearId,
				grade: 6,
				name: '6A2',
				join_code: 'M4N5P6',
				created_at: 0
			})
			.execute();
		expect(await renameClass(db, by, cls, ' 6a2 ')).toEqual({ ok: false, error: 'taken' });
		expect(await renameClass(db, by, cls, '   ')).toEqual({ ok: false, error: 'required' });
		expect(await renameClass(db, by, cls, 'x'.repeat(21))).toEqual({
			ok: false,
			error: 'too_long'
		});
		expect(await renameClass(db, by, cls, '6a1 stem')).toEqual({ ok: true, name: '6A1 STEM' });
		expect((await getClass(db, cls.id))!.name).toBe('6A1 STEM');

		await setClassArchived(db, by, cls, true);
		expect((await listTeacherClasses(db, s.teacherId)).map((c) => c.id)).not.toContain(cls.id);
		expect((await pastClasses(db, s.teacherId)).map((c) => c.id)).toEqual([cls.id]);
		expect(await archiveOf(db, cls.id)).toEqual({ rolledOver: false, nextName: null });
		// Its pupils leave it (the figures that count them stay: the enrolment rows remain, ended).
		expect(await listRoster(db, cls.id)).toHaveLength(0);
		expect(
			await db.selectFrom('enrolments').select('ended_on').where('class_id', '=', cls.id).execute()
		).toHaveLength(3);
		await setClassArchived(db, by, cls, false);
		expect((await listTeacherClasses(db, s.teacherId)).map((c) => c.id)).toContain(cls.id);
		const actions = await db.selectFrom('audit_log').select('action').orderBy('id').execute();
		expect(actions.map((a) => a.action)).toEqual([
			'class.renamed',
			'class.archived',
			'class.unarchived'
		]);
	});
});
