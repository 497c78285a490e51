import { describe, expect, it } from 'vitest';
import { openTestDatabase } from '../db/testing';
import type { Conn } from '../db';
import { makeSchool } from '../projects/testing';
import { addPupil } from '../classes/pupils';
import { signInPupil } from './signin';
import { pupilLockMs } from './ratelimit';
import { SYSTEM } from '../audit/log';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const t0 = Date.UTC(2026, 10, 28, 1, 0);

async function pictureClass(db: Conn, size: number) {
	const s = await makeSchool(db, 0, t0);
	await db.updateTable('classes').set({ grade: 3 }).where('id', '=', s.classId).execute();
	const pupils: { id: number; secret: string[]; wrong: string[] }[] = [];
	for (let i = 0; i < size; i++) {
		const id = await addPupil(
			db,
			SYSTEM,
			{ id: s.classId, schoolId: s.schoolId, grade: 3 },
			{ fullName: `Nông Văn An ${i}`, gender: 'male', birthDate: null, ethnicity: null }
		);
		const p = await db
			.selectFrom('pupil_profiles')
			.select('secret')
			.where('user_id', '=', id)
			.executeTakeFirstOrThrow();
		const secret = p.secret.split(',');
		// Wrong pairs: the first picture of the secret and any other picture but the second.
		const wrong = ['0', '1', '2', '3', '4', '5', '6', '7', '8'].filter((x) => !secret.includes(x));
		pupils.push({ id, secret, wrong });
	}
	return { classId: s.classId, pupils };
}

describe('picture secrets: limits per pupil and per address', () => {
	it('a class of 35 behind one address, each with 3 wrong tries, is never locked out', async () => {
		const { db } = openTestDatabase();
		const { classId, pupils } = await pictureClass(db, 35);
		let now = t0;
		for (const p of pupils) {
			for (let i = 0; i < 3; i++) {
				const r = await signInPupil(
					db,
					{ pupilId: p.id, classId, answer: [p.secret[0], p.wrong[i]], address: '203.0.113.7' },
					(now += 5000)
				);
				expect(r).toEqual({ ok: false, reason: 'invalid' });
			}
		}
		for (const p of pupils)
			expect(
				await signInPupil(
					db,
					{ pupilId: p.id, classId, answer: p.secret, address: '203.0.113.7' },
					(now += 5000)
				)
			).toMatchObject({ ok: true });
	});

	it('one address making 400 wrong tries on a class is locked; another address is not', async () => {
		const { db } = openTestDatabase();
		const { classId, pupils } = await pictureClass(db, 36);
		const spared = pupils.pop()!;
		let now = t0;
		let firstLock = -1;
		for (let n = 0; n < 400; n++) {
			const p = pupils[n % pupils.length];
			const r = await signInPupil(
				db,
				{
					pupilId: p.id,
					classId,
					answer: [p.secret[0], p.wrong[Math.floor(n / pupils.length) % 7]],
					address: '198.51.100.9'
				},
				(now += 2000)
			);
			if (firstLock < 0 && !r.ok && r.reason === 'locked') firstLock = n;
		}
		// Locked by the address limit (150 in an hour) before any pupil reached 6 wrong tries (175).
		expect(firstLock).toBe(149);
		// The address is locked even for a pupil who knows their secret and was never tried...
		expect(
			await signInPupil(
				db,
				{ pupilId: spared.id, classId, answer: spared.secret, address: '198.51.100.9' },
				(now += 1000)
			)
		).toMatchObject({ ok: false, reason: 'locked' });
		// ...while the same pupil signs in from another address.
		expect(
			await signInPupil(
				db,
				{ pupilId: spared.id, classId, answer: spared.secret, address: '203.0.113.7' },
				now + 2000
			)
		).toMatchObject({ ok: true });
	});

	it('the per-pupil lock escalates with repeated failures and a success resets it', async () => {
		const { db } = openTestDatabase();
		const { classId, pupils } = await pictureClass(db, 1);
		const p = pupils[0];
		const wrong = (now: number) =>
			signInPupil(db, { pupilId: p.id, classId, answer: [p.secret[0], p.wrong[0]] }, now);
		const right = (now: number) =>
			signInPupil(db, { pupilId: p.id, classId, answer: p.secret }, now);
		let now = t0;
		for (let i = 0; i < 5; i++)
			expect(await wrong((now += 1000))).toMatchObject({ reason: 'invalid' });
		expect(await wrong((now += 1000))).toEqual({
			ok: false,
			reason: 'locked',
			until: now + 5 * MINUTE
		});
		now += 5 * MINUTE;
		// Once locked, a single further wrong try locks again, four times longer each time.
		expect(await wrong((now += 1000))).toEqual({
			ok: false,
			reason: 'locked',
			until: now + 20 * MINUTE
		});
		expect(await right(now + 19 * MINUTE)).toMatchObject({ reason: 'locked' });
		now += 20 * MINUTE;
		expect(await wrong((now += 1000))).toEqual({
			ok: false,
			reason: 'locked',
			until: now + 80 * MINUTE
		});
		now += 80 * MINUTE;
		expect(await right((now += 1000))).toMatchObject({ ok: true });
		// After a success the pupil again has 6 tries before a 5-minute lock.
		for (let i = 0; i < 5; i++)
			expect(await wrong((now += 1000))).toMatchObject({ reason: 'invalid' });
		expect(await wrong((now += 1000))).toEqual({
			ok: false,
			reason: 'locked',
			until: now + 5 * MINUTE
		});
	});

	it('one device needs on average more than a school term to guess one pupil’s 2 of 9 pictures', () => {
		// 36 possible pairs; trying them in turn, the secret is found after W wrong tries, W uniform
		// on 0..35. Tries 1–5 are free; the 6th wrong try and every later one each start a lock.
		let total = 0;
		for (let w = 0; w < 36; w++) for (let k = 1; k <= w - 5; k++) total += pupilLockMs(k);
		const mean = total / 36;
		expect(mean).toBeGreaterThan(18 * 7 * DAY); // a school term: about 18 weeks
		expect(Math.round(mean / DAY)).toBe(243); // the figure the README gives
		expect(pupilLockMs(100)).toBe(30 * DAY);
	});
});
