import { describe, expect, it } from 'vitest';
import { openTestDatabase } from '../db/testing';
import { makeSchool } from '../projects/testing';
import { actorFor } from '../audit/log';
import { addPupil, checkPupil, listRoster, type RosterPupil } from './pupils';
import { applyRosterUpdate, planRoster } from './roster-update';

const pupil = (id: number, p: Partial<RosterPupil>): RosterPupil => ({
	id,
	fullName: '',
	gender: null,
	birthDate: null,
	ethnicity: null,
	pupilCode: null,
	secretKind: 'words',
	secret: 'a|b',
	enrolledOn: '2026-09-05',
	...p
});
const row = (line: number, v: Record<string, unknown>) => {
	const { value, errors } = checkPupil({
		fullName: v.fullName,
		gender: v.gender ?? '',
		birthDate: v.birthDate ?? '',
		ethnicity: v.ethnicity ?? '',
		pupilCode: v.pupilCode ?? ''
	});
	return { line, value, errors };
};

describe('matching a class list to the class', () => {
	const roster = [
		pupil(1, { fullName: 'Hoàng Văn An', birthDate: '2015-03-12', pupilCode: 'HS1' }),
		pupil(2, { fullName: 'Nông Thị Bích', birthDate: '2015-11-05', gender: 'female' }),
		pupil(3, { fullName: 'Lăng Văn Đạt' }),
		pupil(4, { fullName: 'Vi Thị Hoa', birthDate: '2015-01-20' })
	];

	it('by code (a renamed pupil), by name and birth date, by name when a date is missing; the rest are new or missing', () => {
		const plan = planRoster(
			[
				row(2, { fullName: 'Hoàng Văn Ân', birthDate: '2015-03-12', pupilCode: 'hs1' }),
				row(3, { fullName: 'Nông Thị Bích', birthDate: '2015-11-05', ethnicity: 'Nùng' }),
				row(4, { fullName: 'lăng văn đạt', birthDate: '2015-09-01', gender: 'male' }),
				row(5, { fullName: 'Chu Văn Minh', pupilCode: 'HS9' })
			],
			roster,
			new Map([['HS1', 1]])
		);
		expect(
			plan.rows.map((r) => [r.line, r.match?.pupilId ?? null, r.match?.changes, r.errors])
		).toEqual([
			[2, 1, ['fullName'], []],
			[3, 2, ['ethnicity'], []],
			[4, 3, ['fullName', 'gender', 'birthDate'], []],
			[5, null, undefined, []]
		]);
		// An empty cell keeps what the class list had: Bích stays female.
		expect(plan.rows[1].value).toMatchObject({ gender: 'female', ethnicity: 'Nùng' });
		expect(plan.missing).toEqual([{ id: 4, fullName: 'Vi Thị Hoa' }]);
	});

	it('refuses a pupil twice, and a code another pupil of the school holds', () => {
		const plan = planRoster(
			[
				row(2, { fullName: 'Vi Thị Hoa', birthDate: '2015-01-20' }),
				row(3, { fullName: 'Vi Thị Hoa', birthDate: '2015-01-20' }),
				row(4, { fullName: 'Chu Văn Minh', pupilCode: 'HS7' }),
				row(5, { fullName: 'Hoàng Văn An', pupilCode: 'HS1' }),
				row(6, { fullName: 'Hoàng Văn An', birthDate: '2015-03-12' })
			],
			roster,
			new Map([
				['HS1', 1],
				['HS7', 99]
			])
		);
		expect(plan.rows.map((r) => r.errors)).toEqual([
			[],
			['duplicate_in_file'],
			['code_taken'],
			[],
			['duplicate_in_file']
		]);
	});
});

describe('applying an update', () => {
	it('adds, changes and lets the ticked missing pupils leave, all at once and recorded; a wrong row changes nothing', async () => {
		const { db } = openTestDatabase();
		const s = await makeSchool(db, 0);
		const cls = { id: s.classId, schoolId: s.schoolId, grade: 6 };
		const by = actorFor(s.teacherId);
		const base = { gender: null, ethnicity: null };
		const an = await addPupil(db, by, cls, {
			...base,
			fullName: 'Hoàng Văn An',
			birthDate: '2015-03-12'
		});
		const bich = await addPupil(db, by, cls, {
			...base,
			fullName: 'Nông Thị Bích',
			birthDate: null
		});
		const hoa = await addPupil(db, by, cls, { ...base, fullName: 'Vi Thị Hoa', birthDate: null });
		const file = [
			{ line: 2, fullName: 'Hoàng Văn An', birthDate: '2015-03-12', pupilCode: 'HS1' },
			{ line: 3, fullName: 'Nông Thị Bích' },
			{ line: 4, fullName: 'Chu Văn Minh', gender: 'male' }
		];
		const bad = await applyRosterUpdate(db, by, cls, [...file, { line: 5, fullName: '' }], [hoa]);
		expect(bad.ok).toBe(false);
		expect((await listRoster(db, cls.id)).map((p) => p.id).sort()).toEqual([an, bich, hoa].sort());

		// Hoa is not ticked by a forged id of another class: only missing pupils may leave.
		const r = await applyRosterUpdate(db, by, cls, file, [hoa, 12345]);
		expect(r).toEqual({ ok: true, added: 1, changed: 1, left: 1 });
		const after = await listRoster(db, cls.id);
		expect(after.map((p) => [p.fullName, p.pupilCode])).toEqual([
			['Hoàng Văn An', 'HS1'],
			['Nông Thị Bích', null],
			['Chu Văn Minh', null]
		]);
		const entry = await db
			.selectFrom('audit_log')
			.select('detail')
			.where('action', '=', 'class.roster_imported')
			.executeTakeFirstOrThrow();
		expect(JSON.parse(entry.detail!)).toEqual({ added: 1, changed: 1, left: 1 });
	});
});
