import { describe, expect, it } from 'vitest';
import { openTestDatabase } from '../db/testing';
import { makeSchool } from '../projects/testing';
import { signInPupil } from './signin';
import { classLocks, liftClassAddressLocks, liftPupilLock } from './locks';

const t0 = Date.UTC(2026, 10, 28, 1, 0);
const teacher = (id: number) => ({ id, role: 'teacher' as const, address: '10.0.0.5' });

describe("the teacher's notice of locked pupils", () => {
	it('lists a locked pupil, and lifting the lock lets them in and is recorded', async () => {
		const { db } = openTestDatabase();
		const s = await makeSchool(db, 2, t0);
		const [pupil, other] = s.pupils;
		await db
			.updateTable('pupil_profiles')
			.set({ secret_kind: 'words', secret: 'hoa hồi|na' })
			.where('user_id', '=', pupil)
			.execute();
		let now = t0;
		for (let i = 0; i < 6; i++)
			await signInPupil(
				db,
				{ pupilId: pupil, classId: s.classId, answer: ['x', 'y'], address: '1.2.3.4' },
				(now += 1000)
			);
		const seen = await classLocks(db, s.classId, now);
		expect(seen.pupils).toEqual([{ pupilId: pupil, lockedUntil: now + 5 * 60_000, locks: 1 }]);
		expect(seen.pupils.some((p) => p.pupilId === other)).toBe(false);

		await liftPupilLock(db, teacher(s.teacherId), { id: s.classId, schoolId: s.schoolId }, pupil);
		expect((await classLocks(db, s.classId, now)).pupils).toEqual([]);
		expect(
			await signInPupil(
				db,
				{ pupilId: pupil, classId: s.classId, answer: ['hoa hoi', 'na'] },
				now + 1000
			)
		).toMatchObject({ ok: true });
		const entry = await db
			.selectFrom('audit_log')
			.selectAll()
			.where('action', '=', 'pupil.lock_lifted')
			.executeTakeFirstOrThrow();
		expect(entry).toMatchObject({
			actor_id: s.teacherId,
			target_type: 'user',
			target_id: pupil,
			school_id: s.schoolId
		});
	});

	it("shows and lifts the lock of an address on the class's sign-in page", async () => {
		const { db } = openTestDatabase();
		const s = await makeSchool(db, 1, t0);
		await db
			.insertInto('login_failures')
			.values({
				key: `pupil-ip:${s.classId}:9.9.9.9`,
				failures: 150,
				window_start: t0,
				locked_until: t0 + 3_600_000
			})
			.execute();
		expect((await classLocks(db, s.classId, t0)).addressLockedUntil).toBe(t0 + 3_600_000);
		await liftClassAddressLocks(db, teacher(s.teacherId), { id: s.classId, schoolId: s.schoolId });
		expect((await classLocks(db, s.classId, t0)).addressLockedUntil).toBeNull();
	});
});
