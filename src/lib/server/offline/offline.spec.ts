import { beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../db/testing';
import type { DB } from '../db';
import { makeSchool } from '../projects/testing';
import { createAssignment, setClosed } from '../assignments/assignments';
import {
	MAX_QUEUED_AGE_MS,
	bestStars,
	recordAttemptOnce,
	submittedAt,
	validClientKey
} from '../exercises/attempts';
import { pagesToKeep } from './pages';

const at = (iso: string) => Date.parse(iso);
const now = at('2026-10-05T03:00:00Z');

async function fixture(db: DB) {
	const s = await makeSchool(db, 2);
	const ex: number[] = [];
	for (const title of ['Đèn giao thông', 'Vòng lặp tưới cây', 'Rô-bốt về nhà'])
		ex.push(
			(
				await db
					.insertInto('exercises')
					.values({
						title,
						kind: 'io',
						grade: 6,
						concept: 'loops',
						status: 'published',
						author_id: null,
						school_id: null,
						created_at: now,
						updated_at: now
					})
					.returning('id')
					.executeTakeFirstOrThrow()
			).id
		);
	const assign = async (kind: string, title: string, exerciseIds: number[], opensOn: string) => {
		const r = await createAssignment(
			db,
			{ id: s.teacherId, schoolId: s.schoolId },
			{
				kind,
				title,
				instructions: '',
				opensOn,
				dueOn: '2026-10-30',
				classIds: [s.classId],
				pupilIds: [],
				exerciseIds,
				lessonId: null,
				process: kind === 'project' ? 'engineering' : '',
				rubricId: null
			},
			now
		);
		if (!r.ok) throw new Error(JSON.stringify(r.errors));
		return r.id;
	};
	return { ...s, ex, assign };
}

describe('pages kept on the pupil’s device', () => {
	it('the to-do list, the exercise list, and each open exercise set with its exercises', async () => {
		const { db } = openTestDatabase();
		const f = await fixture(db);
		const open = await f.assign('exercises', 'Bộ bài vòng lặp', [f.ex[0], f.ex[1]], '2026-10-01');
		const closed = await f.assign('exercises', 'Bộ đã đóng', [f.ex[2]], '2026-10-01');
		await setClosed(db, closed, true, now);
		await f.assign('exercises', 'Chưa mở', [f.ex[2]], '2026-10-20');
		await f.assign('project', 'Máy sấy hoa hồi', [], '2026-10-01');
		expect(await pagesToKeep(db, f.pupils[0], now)).toEqual([
			'/learn',
			'/learn/exercises',
			`/learn/assignments/${open}`,
			`/learn/exercises/${f.ex[0]}`,
			`/learn/exercises/${f.ex[1]}`
		]);
	});

	it('a pupil of no class keeps only the lists', async () => {
		const { db } = openTestDatabase();
		const f = await fixture(db);
		await f.assign('exercises', 'Bộ bài vòng lặp', [f.ex[0]], '2026-10-01');
		const other = await db
			.insertInto('users')
			.values({
				role: 'student',
				school_id: f.schoolId,
				username: null,
				full_name: 'Em khác',
				password_hash: null,
				created_at: now
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		expect(await pagesToKeep(db, other.id, now)).toEqual(['/learn', '/learn/exercises']);
	});
});

describe('a submission queued on the device is counted once', () => {
	let db: DB;
	let f: Awaited<ReturnType<typeof fixture>>;
	beforeAll(async () => {
		db = openTestDatabase().db;
		f = await fixture(db);
	});
	const attempt = (stars: number) => ({
		exerciseId: f.ex[0],
		pupilId: f.pupils[0],
		classId: f.classId,
		verdict: {
			passed: stars > 1,
			code: stars > 1 ? ('ok' as const) : ('maze_not_goal' as const),
			params: {}
		},
		stars,
		blocks: 2,
		hintsUsed: 0,
		timeSpentMs: 1000,
		workspace: '{}'
	});
	const count = async () =>
		Number(
			(
				await db
					.selectFrom('exercise_attempts')
					.select((eb) => eb.fn.countAll().as('n'))
					.where('pupil_id', '=', f.pupils[0])
					.executeTakeFirstOrThrow()
			).n
		);

	it('the same key sent again answers with the first attempt and records nothing new', async () => {
		const key = 'k-0123456789abcdef';
		const first = await recordAttemptOnce(db, attempt(2), key, now);
		expect(first.duplicate).toBe(false);
		// The reply was lost; the device sends it again (graded again, perhaps differently).
		const again = await recordAttemptOnce(db, attempt(3), key, now + 5000);
		expect(again).toEqual({ ...first, duplicate: true });
		expect(await count()).toBe(1);
		expect(await bestStars(db, f.ex[0], f.pupils[0])).toBe(2);
	});

	it('another key, or no key, is another attempt; the key is the pupil’s own', async () => {
		await recordAttemptOnce(db, attempt(1), 'k-another-key-1', now);
		await recordAttemptOnce(db, attempt(1), null, now);
		await recordAttemptOnce(db, attempt(1), null, now);
		expect(await count()).toBe(4);
		const other = await recordAttemptOnce(
			db,
			{ ...attempt(1), pupilId: f.pupils[1] },
			'k-0123456789abcdef',
			now
		);
		expect(other.duplicate).toBe(false);
	});

	it('keys are checked; the device’s time is believed only when plausible', () => {
		expect(validClientKey('k-0123456789abcdef')).toBe('k-0123456789abcdef');
		for (const bad of ['short', 'has space in it', 'x'.repeat(65), 42, null, "k'; DROP"])
			expect(validClientKey(bad)).toBeNull();
		expect(submittedAt(now - 60_000, now)).toBe(now - 60_000);
		expect(submittedAt(now + 60_000, now)).toBe(now);
		expect(submittedAt(now - MAX_QUEUED_AGE_MS - 1, now)).toBe(now);
		expect(submittedAt('yesterday', now)).toBe(now);
		expect(submittedAt(undefined, now)).toBe(now);
	});
});
