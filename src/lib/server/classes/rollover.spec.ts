import { describe, expect, it } from 'vitest';
import { openTestDatabase } from '../db/testing';
import type { DB } from '../db';
import { makeSchool } from '../projects/testing';
import { actorFor } from '../audit/log';
import { findClassByJoinCode, getClass, listTeacherClasses } from './classes';
import { enrolmentHistory, listRoster } from './pupils';
import {
	archiveOf,
	nextClassName,
	pastClasses,
	rollOver,
	rollOverSchool,
	rolloverClasses,
	RolloverStopped
} from './rollover';
import { classGradebook } from '../gradebook/gradebook';
import { reach } from '../reports/reach';

const now = Date.UTC(2027, 5, 10, 3); // 10/06/2027, after the year's last day

async function nextYear(db: DB) {
	await db
		.insertInto('school_years')
		.values({ name: '2027–2028', starts_on: '2027-09-05', ends_on: '2028-05-31', is_current: 0 })
		.execute();
}

describe('rolling classes over to a new school year', () => {
	it('names the next grade’s class', () => {
		expect(nextClassName('6A1', 6)).toBe('7A1');
		expect(nextClassName('10A', 10)).toBe('11A');
		expect(nextClassName('LỚP HOA', 3)).toBe('LỚP HOA');
		expect(nextClassName('16A', 6)).toBe('16A');
	});

	it('moves the staying pupils with the code and teachers; the old class is archived and its year unchanged', async () => {
		const { db } = openTestDatabase();
		const s = await makeSchool(db, 12); // grade 6, lower secondary, year 2026–2027 (12: figures not hidden)
		const by = actorFor(s.teacherId);
		const old = (await getClass(db, s.classId))!;
		expect(await rollOver(db, by, s.classId, { stay: s.pupils }, now)).toEqual({
			ok: false,
			error: 'no_next_year'
		});
		await nextYear(db);
		const year = await db
			.selectFrom('school_years')
			.selectAll()
			.where('is_current', '=', 1)
			.executeTakeFirstOrThrow();
		const scope = {
			yearId: year.id,
			yearStartsOn: year.starts_on,
			yearEndsOn: year.ends_on,
			period: 'year' as const
		};
		const figures = async () => (await reach(db, scope, 'all', now))[0];
		const before = await figures();
		expect(before.pupils).toBe(12);
		const [leaver, ...stay] = s.pupils;
		const r = await rollOver(db, by, s.classId, { stay }, now);
		if (!r.ok || r.nextClassId === null) throw new Error(JSON.stringify(r));
		const next = (await getClass(db, r.nextClassId))!;
		expect([next.name, next.grade, next.schoolYearName, next.joinCode]).toEqual([
			'7A1',
			7,
			'2027–2028',
			old.joinCode
		]);
		// The cards' class code now opens the new class; the archived one got another.
		expect((await findClassByJoinCode(db, old.joinCode))?.id).toBe(next.id);
		expect((await getClass(db, s.classId))!.joinCode).not.toBe(old.joinCode);
		expect((await listRoster(db, next.id)).map((p) => p.id).sort()).toEqual([...stay].sort());
		expect(await listRoster(db, s.classId)).toEqual([]);
		// Enrolments of the old class end on its year's last day; the leaver is in no class now.
		expect(await enrolmentHistory(db, leaver)).toMatchObject([
			{ class_id: s.classId, ended_on: '2027-05-31' }
		]);
		// The same teacher teaches it (it appears once the new year is made current).
		const t = await db
			.selectFrom('class_teachers')
			.select('teacher_id')
			.where('class_id', '=', next.id)
			.execute();
		expect(t).toEqual([{ teacher_id: s.teacherId }]);
		expect(await archiveOf(db, s.classId)).toEqual({ rolledOver: true, nextName: '7A1' });
		expect((await pastClasses(db, s.teacherId)).map((c) => c.name)).toEqual(['6A1']);
		expect(await listTeacherClasses(db, s.teacherId)).toEqual([]);
		// Still readable: the archived class's gradebook lists the pupils it had.
		expect((await classGradebook(db, s.classId, now)).rows).toHaveLength(12);
		// The department's figures of the year that ended do not change.
		expect(await figures()).toEqual(before);
		// Not twice.
		expect(await rollOver(db, by, s.classId, { stay }, now)).toEqual({
			ok: false,
			error: 'already'
		});
		const entry = await db
			.selectFrom('audit_log')
			.select('detail')
			.where('action', '=', 'class.rolled_over')
			.executeTakeFirstOrThrow();
		expect(JSON.parse(entry.detail!)).toEqual({
			nextClassId: next.id,
			stayed: 11,
			left: 1,
			finished: false
		});
	});

	it('a final grade finishes; a whole school rolls over all at once, or not at all', async () => {
		const { db } = openTestDatabase();
		const s = await makeSchool(db, 2);
		await db
			.updateTable('classes')
			.set({ grade: 9, name: '9A' })
			.where('id', '=', s.classId)
			.execute();
		await nextYear(db);
		const by = actorFor(1, 'admin');
		// A class that cannot roll (its next name is taken next year) stops the whole school.
		const year = await db
			.selectFrom('school_years')
			.select('id')
			.where('name', '=', '2027–2028')
			.executeTakeFirstOrThrow();
		const other = await db
			.insertInto('classes')
			.values({
				school_id: s.schoolId,
				school_year_id: 1,
				grade: 6,
				name: '6B',
				join_code: 'Q2W3E4',
				created_at: 0
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		await db
			.insertInto('classes')
			.values({
				school_id: s.schoolId,
				school_year_id: year.id,
				grade: 7,
				name: '7B',
				join_code: 'Z9X8C7',
				created_at: 0
			})
			.execute();
		await expect(
			db.transaction().execute((tx) => rollOverSchool(tx, by, s.schoolId, now))
		).rejects.toThrow(RolloverStopped);
		expect((await rolloverClasses(db, [s.classId, other.id])).map((c) => c.name)).toEqual([
			'6B',
			'9A'
		]);
		await db.deleteFrom('classes').where('name', '=', '7B').execute();
		expect(await db.transaction().execute((tx) => rollOverSchool(tx, by, s.schoolId, now))).toBe(2);
		expect(await archiveOf(db, s.classId)).toEqual({ rolledOver: true, nextName: null });
		expect(await listRoster(db, s.classId)).toEqual([]);
		expect(await archiveOf(db, other.id)).toEqual({ rolledOver: true, nextName: '7B' });
	});
});
