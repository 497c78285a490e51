import { beforeEach, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../db/testing';
import type { DB } from '../db';
import {
	addPupil,
	checkPupil,
	enrolmentHistory,
	listRoster,
	movePupil,
	resetSecret,
	sortByGivenName
} from './pupils';
import { createClass, findClassByJoinCode, normalizeJoinCode } from './classes';
import * as auth from '../auth/session';
import { SYSTEM } from '../audit/log';

let db: DB;
let schoolId: number;
let teacherId: number;

beforeEach(async () => {
	db = openTestDatabase().db;
	schoolId = (
		await db
			.insertInto('schools')
			.values({
				name: 'Trường Tiểu học Chi Lăng',
				commune: 'Xã Chi Lăng',
				level: 'primary',
				pilot_since: '2024-09-05',
				created_at: 0
			})
			.returning('id')
			.executeTakeFirstOrThrow()
	).id;
	await db
		.insertInto('school_years')
		.values({ name: '2026–2027', starts_on: '2026-09-05', ends_on: '2027-05-31', is_current: 1 })
		.execute();
	teacherId = (
		await db
			.insertInto('users')
			.values({
				role: 'teacher',
				username: 'gv.lan',
				full_name: 'Nông Thị Lan',
				school_id: schoolId,
				created_at: 0
			})
			.returning('id')
			.executeTakeFirstOrThrow()
	).id;
});

describe('classes', () => {
	it('creates a class the teacher teaches, with a readable join code; names are unique per school and year', async () => {
		const r = await createClass(db, { id: teacherId, schoolId }, { grade: 4, name: ' 4a ' });
		expect(r.ok).toBe(true);
		const cls = r.ok
			? await findClassByJoinCode(
					db,
					(
						await db.selectFrom('classes').select('join_code').executeTakeFirstOrThrow()
					).join_code.toLowerCase()
				)
			: undefined;
		expect(cls?.name).toBe('4A');
		expect(cls?.joinCode).toMatch(/^[A-HJ-NP-Z2-9]{6}$/);
		expect(await createClass(db, { id: teacherId, schoolId }, { grade: 4, name: '4A' })).toEqual({
			ok: false,
			errors: { name: 'taken' }
		});
		expect(await createClass(db, { id: teacherId, schoolId }, { grade: 13, name: '' })).toEqual({
			ok: false,
			errors: { grade: 'invalid', name: 'required' }
		});
		expect(normalizeJoinCode(' ab-cd 23 ')).toBe('ABCD23');
	});
});

describe('pupils', () => {
	async function twoClasses() {
		const a = await createClass(db, { id: teacherId, schoolId }, { grade: 5, name: '5A' });
		const b = await createClass(db, { id: teacherId, schoolId }, { grade: 5, name: '5B' });
		if (!a.ok || !b.ok) throw new Error('setup');
		return [
			{ id: a.id, schoolId, grade: 5 },
			{ id: b.id, schoolId, grade: 5 }
		];
	}

	it('moving a pupil keeps their enrolment history and their identity', async () => {
		const [a, b] = await twoClasses();
		const id = await addPupil(
			db,
			SYSTEM,
			a,
			{ fullName: 'Vi Thị Mai', gender: 'female', birthDate: null, ethnicity: 'Nùng' },
			Date.UTC(2026, 8, 10)
		);
		await db
			.insertInto('exercise_attempts')
			.values({
				exercise_id: (
					await db
						.insertInto('exercises')
						.values({
							title: 'x',
							kind: 'io',
							grade: 5,
							concept: 'sequence',
							created_at: 0,
							updated_at: 0
						})
						.returning('id')
						.executeTakeFirstOrThrow()
				).id,
				pupil_id: id,
				class_id: a.id,
				passed: 1,
				stars: 3,
				created_at: 0
			})
			.execute();
		await movePupil(db, SYSTEM, a, id, b.id, Date.UTC(2026, 10, 2));
		expect(await listRoster(db, a.id)).toHaveLength(0);
		expect((await listRoster(db, b.id)).map((p) => p.id)).toEqual([id]);
		expect(await enrolmentHistory(db, id)).toEqual([
			{ name: '5A', class_id: a.id, started_on: '2026-09-10', ended_on: '2026-11-02' },
			{ name: '5B', class_id: b.id, started_on: '2026-11-02', ended_on: null }
		]);
		// Work done in the old class stays the pupil's.
		expect(
			await db
				.selectFrom('exercise_attempts')
				.select('pupil_id')
				.where('pupil_id', '=', id)
				.execute()
		).toHaveLength(1);
	});

	it('a pupil is in one class at a time', async () => {
		const [a, b] = await twoClasses();
		const id = await addPupil(db, SYSTEM, a, {
			fullName: 'Vi Thị Mai',
			gender: null,
			birthDate: null,
			ethnicity: null
		});
		await expect(
			db
				.insertInto('enrolments')
				.values({ class_id: b.id, pupil_id: id, started_on: '2026-11-01' })
				.execute()
		).rejects.toThrow();
	});

	it('a new secret replaces the old one and ends the pupil’s sessions', async () => {
		const [a] = await twoClasses();
		const id = await addPupil(
			db,
			SYSTEM,
			a,
			{ fullName: 'Vi Thị Mai', gender: null, birthDate: null, ethnicity: null },
			0,
			() => 0
		);
		const before = (await listRoster(db, a.id))[0].secret;
		await auth.createSession(db, auth.generateSessionToken(), id);
		let after = before;
		for (let i = 0; i < 5 && after === before; i++) {
			await resetSecret(db, SYSTEM, { ...a, grade: 5 }, id);
			after = (await listRoster(db, a.id))[0].secret;
		}
		expect(after).not.toBe(before);
		expect(
			await db.selectFrom('sessions').selectAll().where('user_id', '=', id).execute()
		).toHaveLength(0);
	});

	it('checks the fields of a pupil', () => {
		expect(
			checkPupil({
				fullName: '  Hà   Thu Lan ',
				gender: 'female',
				birthDate: '2016-02-29',
				ethnicity: ''
			})
		).toEqual({
			value: {
				fullName: 'Hà Thu Lan',
				gender: 'female',
				birthDate: '2016-02-29',
				ethnicity: null,
				pupilCode: null
			},
			errors: []
		});
		expect(
			checkPupil({
				fullName: 'A',
				gender: '',
				birthDate: '',
				ethnicity: '',
				pupilCode: ' hs-0012 '
			})
		).toMatchObject({ value: { pupilCode: 'HS-0012' }, errors: [] });
		expect(
			checkPupil({ fullName: 'A', gender: '', birthDate: '', ethnicity: '', pupilCode: 'mã/12' })
				.errors
		).toEqual(['code_invalid']);
		expect(
			checkPupil({
				fullName: '',
				gender: 'other',
				birthDate: '2015-02-29',
				ethnicity: 'x'.repeat(51)
			}).errors
		).toEqual(['name_missing', 'gender_invalid', 'date_invalid', 'ethnicity_too_long']);
	});

	it('sorts a class list by given name, as Vietnamese lists are', () => {
		const sorted = sortByGivenName([
			{ fullName: 'Nông Văn Bình' },
			{ fullName: 'Hoàng Thị Anh' },
			{ fullName: 'Lăng Đức Ân' }
		]);
		expect(sorted.map((p) => p.fullName)).toEqual([
			'Hoàng Thị Anh',
			'Lăng Đức Ân',
			'Nông Văn Bình'
		]);
	});
});
