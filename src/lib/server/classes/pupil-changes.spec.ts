import { describe, expect, it } from 'vitest';
import { openTestDatabase } from '../db/testing';
import { makeSchool } from '../projects/testing';
import { actorFor } from '../audit/log';
import { addPupil, checkPupil, enrolmentHistory, getPupilInClass, listRoster } from './pupils';
import { checkPupilChange, leaveClass, updatePupil } from './pupil-changes';
import { applyRosterUpdate } from './roster-update';
import * as auth from '../auth/session';

describe("keeping a class's roster true", () => {
	it('edits a pupil: the fields that changed are recorded by name, never their values', async () => {
		const { db } = openTestDatabase();
		const s = await makeSchool(db, 0);
		const cls = { id: s.classId, schoolId: s.schoolId, grade: 6 };
		const by = actorFor(s.teacherId);
		const id = await addPupil(db, by, cls, {
			fullName: 'Nông Thị Bich',
			gender: null,
			birthDate: null,
			ethnicity: null
		});
		const before = (await getPupilInClass(db, cls.id, id))!;
		const { value } = checkPupil({
			fullName: 'Nông Thị Bích',
			gender: 'female',
			birthDate: '',
			ethnicity: '',
			pupilCode: '2001234567'
		});
		expect(await updatePupil(db, by, cls, before, value)).toEqual([
			'fullName',
			'gender',
			'pupilCode'
		]);
		expect(await listRoster(db, cls.id)).toMatchObject([
			{ id, fullName: 'Nông Thị Bích', gender: 'female', pupilCode: '2001234567' }
		]);
		// Saving the same details again changes nothing and records nothing.
		const now = (await getPupilInClass(db, cls.id, id))!;
		expect(await updatePupil(db, by, cls, now, value)).toEqual([]);
		const entries = await db
			.selectFrom('audit_log')
			.select(['action', 'detail'])
			.where('action', '=', 'pupil.updated')
			.execute();
		expect(entries).toEqual([
			{
				action: 'pupil.updated',
				detail: JSON.stringify({ classId: cls.id, fields: 'fullName,gender,pupilCode' })
			}
		]);
	});

	it("a pupil code is the school's: another pupil of the school cannot have it, on the page or in a file", async () => {
		const { db } = openTestDatabase();
		const s = await makeSchool(db, 0);
		const cls = { id: s.classId, schoolId: s.schoolId, grade: 6 };
		const by = actorFor(s.teacherId);
		const base = { gender: null, birthDate: null, ethnicity: null };
		const a = await addPupil(db, by, cls, { ...base, fullName: 'Hà Văn A', pupilCode: 'HS1' });
		const b = await addPupil(db, by, cls, { ...base, fullName: 'Hà Văn B' });
		expect(
			await checkPupilChange(db, cls, b, { ...base, fullName: 'Hà Văn B', pupilCode: 'HS1' })
		).toEqual(['code_taken']);
		// Its own code is no conflict; the name of another pupil of the class (same birth date) is.
		expect(
			await checkPupilChange(db, cls, a, { ...base, fullName: 'Hà Văn A', pupilCode: 'HS1' })
		).toEqual([]);
		expect(await checkPupilChange(db, cls, a, { ...base, fullName: 'Hà Văn B' })).toEqual([
			'duplicate_in_class'
		]);
		const r = await applyRosterUpdate(
			db,
			by,
			cls,
			[
				{ line: 2, fullName: 'Lý Thị C', pupilCode: 'HS2' },
				{ line: 3, fullName: 'Lý Thị D', pupilCode: 'hs2' }
			],
			[]
		);
		expect(r.ok).toBe(false);
		expect(!r.ok && 'plan' in r && r.plan.rows.map((x) => x.errors)).toEqual([[], ['code_taken']]);
		expect(await listRoster(db, cls.id)).toHaveLength(2); // all or nothing
	});

	it('a pupil who leaves is off the roster; their attempts stay, and so does their history', async () => {
		const { db } = openTestDatabase();
		const s = await makeSchool(db, 2);
		const cls = { id: s.classId, schoolId: s.schoolId };
		const [leaver] = s.pupils;
		const ex = await db
			.insertInto('exercises')
			.values({
				title: 'Đèn giao thông',
				kind: 'io',
				grade: 6,
				concept: 'loops',
				status: 'published',
				author_id: null,
				school_id: null,
				created_at: 0,
				updated_at: 0
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		await db
			.insertInto('exercise_attempts')
			.values({
				exercise_id: ex.id,
				pupil_id: leaver,
				class_id: cls.id,
				passed: 1,
				stars: 3,
				created_at: Date.UTC(2026, 9, 2)
			})
			.execute();
		const token = auth.generateSessionToken();
		await auth.createSession(db, token, leaver);
		await leaveClass(db, actorFor(s.teacherId), cls, leaver, Date.UTC(2026, 10, 20, 3));
		// Signed out at once: a tablet left signed in does not go on into the class's work.
		expect((await auth.validateSessionToken(db, token)).session).toBeNull();
		expect((await listRoster(db, cls.id)).map((p) => p.id)).toEqual([s.pupils[1]]);
		expect(await enrolmentHistory(db, leaver)).toMatchObject([
			{ class_id: cls.id, ended_on: '2026-11-20' }
		]);
		const kept = await db
			.selectFrom('exercise_attempts')
			.select('pupil_id')
			.where('pupil_id', '=', leaver)
			.execute();
		expect(kept).toHaveLength(1);
		const entry = await db
			.selectFrom('audit_log')
			.select(['action', 'target_id'])
			.executeTakeFirstOrThrow();
		expect(entry).toEqual({ action: 'pupil.left_class', target_id: leaver });
	});
});
