import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../db/testing';
import type { DB } from '../db';
import { hashPassword } from './password';
import { signInPupil, signInStaff } from './signin';
import { createStaff } from './accounts';
import { addPupil } from '../classes/pupils';
import { SYSTEM } from '../audit/log';

let db: DB;
let staffHash: string;
let classA: number;
let classB: number;

beforeAll(async () => {
	staffHash = await hashPassword('correct-horse');
});

beforeEach(async () => {
	db = openTestDatabase().db;
	await db
		.insertInto('users')
		.values({
			role: 'teacher',
			username: 'gv.hoa',
			full_name: 'Hoàng Thị Hoa',
			password_hash: staffHash,
			created_at: 0,
			school_id: await school()
		})
		.execute();
	const year = (
		await db
			.insertInto('school_years')
			.values({ name: '2026–2027', starts_on: '2026-09-05', ends_on: '2027-05-31', is_current: 1 })
			.returning('id')
			.executeTakeFirstOrThrow()
	).id;
	const s = (await db.selectFrom('schools').select('id').executeTakeFirstOrThrow()).id;
	classA = (
		await db
			.insertInto('classes')
			.values({
				school_id: s,
				school_year_id: year,
				grade: 3,
				name: '3A',
				join_code: 'AAAAAA',
				created_at: 0
			})
			.returning('id')
			.executeTakeFirstOrThrow()
	).id;
	classB = (
		await db
			.insertInto('classes')
			.values({
				school_id: s,
				school_year_id: year,
				grade: 7,
				name: '7A',
				join_code: 'BBBBBB',
				created_at: 0
			})
			.returning('id')
			.executeTakeFirstOrThrow()
	).id;
});

async function school() {
	return (
		await db
			.insertInto('schools')
			.values({
				name: 'Trường THCS Đồng Đăng',
				commune: 'Xã Đồng Đăng',
				level: 'lower_secondary',
				pilot_since: '2024-09-05',
				created_at: 0
			})
			.returning('id')
			.executeTakeFirstOrThrow()
	).id;
}

const at = (minutes: number) => Date.UTC(2026, 10, 28, 8, 0) + minutes * 60000;

describe('staff sign-in', () => {
	it('accepts the right password, case-insensitive username', async () => {
		const r = await signInStaff(
			db,
			{ username: ' GV.Hoa ', password: 'correct-horse', address: '10.0.0.1' },
			at(0)
		);
		expect(r).toMatchObject({ ok: true, role: 'teacher' });
	});

	it('gives the same answer for a wrong password and an unknown user', async () => {
		const wrong = await signInStaff(
			db,
			{ username: 'gv.hoa', password: 'nope', address: '10.0.0.1' },
			at(0)
		);
		const unknown = await signInStaff(
			db,
			{ username: 'gv.nobody', password: 'nope', address: '10.0.0.1' },
			at(0)
		);
		expect(wrong).toEqual({ ok: false, reason: 'invalid' });
		expect(unknown).toEqual(wrong);
	});

	it('locks an account after 5 failures, even against the right password, then lets it in again', async () => {
		for (let i = 0; i < 4; i++)
			expect(
				await signInStaff(db, { username: 'gv.hoa', password: 'x', address: `10.0.0.${i}` }, at(i))
			).toMatchObject({ reason: 'invalid' });
		const fifth = await signInStaff(
			db,
			{ username: 'gv.hoa', password: 'x', address: '10.0.0.9' },
			at(4)
		);
		expect(fifth).toMatchObject({ ok: false, reason: 'locked' });
		const during = await signInStaff(
			db,
			{ username: 'gv.hoa', password: 'correct-horse', address: '10.0.0.8' },
			at(5)
		);
		expect(during).toMatchObject({ ok: false, reason: 'locked', until: at(4) + 15 * 60000 });
		const after = await signInStaff(
			db,
			{ username: 'gv.hoa', password: 'correct-horse', address: '10.0.0.8' },
			at(20)
		);
		expect(after.ok).toBe(true);
	});

	it('locks an address that tries many accounts', async () => {
		for (let i = 0; i < 30; i++)
			await signInStaff(
				db,
				{ username: `guess${i}`, password: 'x', address: '203.0.113.5' },
				at(0)
			);
		const r = await signInStaff(
			db,
			{ username: 'gv.hoa', password: 'correct-horse', address: '203.0.113.5' },
			at(1)
		);
		expect(r).toMatchObject({ ok: false, reason: 'locked' });
		const other = await signInStaff(
			db,
			{ username: 'gv.hoa', password: 'correct-horse', address: '203.0.113.6' },
			at(1)
		);
		expect(other.ok).toBe(true);
	});

	it('refuses a disabled account', async () => {
		await db
			.updateTable('users')
			.set({ disabled_at: 1 })
			.where('username', '=', 'gv.hoa')
			.execute();
		expect(
			await signInStaff(
				db,
				{ username: 'gv.hoa', password: 'correct-horse', address: '10.0.0.1' },
				at(0)
			)
		).toMatchObject({ ok: false });
	});

	it('never lets a pupil in through the staff form', async () => {
		const s = (await db.selectFrom('schools').select('id').executeTakeFirstOrThrow()).id;
		await addPupil(
			db,
			SYSTEM,
			{ id: classA, schoolId: s, grade: 3 },
			{ fullName: 'Vi Thị Mai', gender: 'female', birthDate: null, ethnicity: null }
		);
		const r = await signInStaff(
			db,
			{ username: 'Vi Thị Mai', password: '', address: '10.0.0.1' },
			at(0)
		);
		expect(r.ok).toBe(false);
	});
});

describe('creating staff', () => {
	it('requires a school for teachers and refuses a taken username', async () => {
		const r = await createStaff(db, SYSTEM, {
			role: 'teacher',
			username: 'gv.hoa',
			fullName: 'X',
			schoolId: null,
			password: 'long-enough'
		});
		expect(r).toEqual({ ok: false, errors: { username: 'taken', schoolId: 'required' } });
		const short = await createStaff(db, SYSTEM, {
			role: 'department',
			username: 'so.new',
			fullName: 'Nông Văn Ba',
			schoolId: null,
			password: 'short'
		});
		expect(short).toEqual({ ok: false, errors: { password: 'too_short' } });
	});
});

describe('pupil sign-in', () => {
	async function pupil(classId: number, grade: number) {
		const s = (await db.selectFrom('schools').select('id').executeTakeFirstOrThrow()).id;
		const id = await addPupil(
			db,
			SYSTEM,
			{ id: classId, schoolId: s, grade },
			{ fullName: 'Nông Văn An', gender: 'male', birthDate: null, ethnicity: 'Tày' }
		);
		const p = await db
			.selectFrom('pupil_profiles')
			.selectAll()
			.where('user_id', '=', id)
			.executeTakeFirstOrThrow();
		return { id, kind: p.secret_kind, secret: p.secret };
	}

	it('takes the two pictures in either order (grades 1–5)', async () => {
		const p = await pupil(classA, 3);
		expect(p.kind).toBe('pictures');
		const [a, b] = p.secret.split(',');
		expect(await signInPupil(db, { pupilId: p.id, classId: classA, answer: [b, a] })).toMatchObject(
			{ ok: true }
		);
		const wrong = [0, 1, 2].map(String).find((x) => x !== a && x !== b)!;
		expect(
			await signInPupil(db, { pupilId: p.id, classId: classA, answer: [a, wrong] })
		).toMatchObject({ ok: false, reason: 'invalid' });
		expect(await signInPupil(db, { pupilId: p.id, classId: classA, answer: [a, a] })).toMatchObject(
			{ ok: false }
		);
	});

	it('takes the two words without diacritics or capitals (grades 6–12)', async () => {
		const p = await pupil(classB, 7);
		expect(p.kind).toBe('words');
		const [w1, w2] = p.secret.split('|');
		const plain = (s: string) =>
			s
				.normalize('NFD')
				.replace(/[\u0300-\u036f]/g, '')
				.replace(/đ/g, 'd')
				.toUpperCase();
		expect(
			await signInPupil(db, {
				pupilId: p.id,
				classId: classB,
				answer: [plain(w1), ` ${plain(w2)} `]
			})
		).toMatchObject({ ok: true });
		expect(
			await signInPupil(db, { pupilId: p.id, classId: classB, answer: [w2, w1] })
		).toMatchObject({ ok: false });
	});

	it('refuses a pupil through another class code', async () => {
		const p = await pupil(classA, 3);
		expect(
			await signInPupil(db, { pupilId: p.id, classId: classB, answer: p.secret.split(',') })
		).toMatchObject({ ok: false, reason: 'invalid' });
	});

	it('locks a pupil after 6 wrong tries, then lets them in after 5 minutes', async () => {
		const p = await pupil(classA, 3);
		const [a, b] = p.secret.split(',');
		const wrong = [0, 1, 2].map(String).find((x) => x !== a && x !== b)!;
		let last;
		for (let i = 0; i < 6; i++)
			last = await signInPupil(
				db,
				{ pupilId: p.id, classId: classA, answer: [a, wrong] },
				at(i / 10)
			);
		expect(last).toMatchObject({ ok: false, reason: 'locked' });
		expect(
			await signInPupil(db, { pupilId: p.id, classId: classA, answer: [a, b] }, at(2))
		).toMatchObject({ reason: 'locked' });
		expect(
			await signInPupil(db, { pupilId: p.id, classId: classA, answer: [a, b] }, at(6))
		).toMatchObject({ ok: true });
	});
});
