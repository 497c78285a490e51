import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { beforeEach, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../db/testing';
import type { DB } from '../db';
import { markDuplicates, parseCsv, parseDate, parseRosterFile, saveRoster } from './roster-import';
import { addPupil, classDuplicateKeys, listRoster } from './pupils';
import { SYSTEM } from '../audit/log';

let db: DB;
let cls: { id: number; schoolId: number; grade: number };

beforeEach(async () => {
	db = openTestDatabase().db;
	const schoolId = (
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
	const yearId = (
		await db
			.insertInto('school_years')
			.values({ name: '2026–2027', starts_on: '2026-09-05', ends_on: '2027-05-31', is_current: 1 })
			.returning('id')
			.executeTakeFirstOrThrow()
	).id;
	const id = (
		await db
			.insertInto('classes')
			.values({
				school_id: schoolId,
				school_year_id: yearId,
				grade: 6,
				name: '6A1',
				join_code: 'ABCDEF',
				created_at: 0
			})
			.returning('id')
			.executeTakeFirstOrThrow()
	).id;
	cls = { id, schoolId, grade: 6 };
});

const enc = (s: string) => new TextEncoder().encode(s);

async function xlsx(rows: unknown[][]): Promise<Uint8Array> {
	const wb = new ExcelJS.Workbook();
	const ws = wb.addWorksheet('DS');
	for (const r of rows) ws.addRow(r);
	return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe('reading class lists', () => {
	it('reads the SMAS-style fixture: title rows, then the header, extra columns ignored', async () => {
		const r = await parseRosterFile(
			new Uint8Array(readFileSync('tests/fixtures/class-6a1.xlsx')),
			new Set()
		);
		expect(r.ok).toBe(true);
		if (!r.ok) return;
		expect(r.rows).toHaveLength(12);
		expect(r.rows.every((row) => row.errors.length === 0)).toBe(true);
		expect(r.rows[0]).toEqual({
			line: 5,
			value: {
				fullName: 'Hoàng Văn An',
				gender: 'male',
				birthDate: '2015-03-12',
				ethnicity: 'Tày',
				pupilCode: r.rows[0].value.pupilCode
			},
			errors: []
		});
		// A real Excel date cell, and an empty ethnicity, come through too.
		expect(r.rows[2].value.birthDate).toBe('2015-01-20');
		expect(r.rows[3].value.ethnicity).toBeNull();
	});

	it('matches headers ignoring case and diacritics, in CSV with semicolons and a BOM', async () => {
		const csv =
			'\uFEFFDANH SÁCH LỚP 6A1\n\nstt;HO VA TEN;ngay sinh;GIOI TINH;dan toc;Mã HS\n1;"Nông Thị Bích";05/11/2015;nữ;Nùng;2001234567\n2;Lăng Văn Đạt;1/9/2015;Nam;;\n';
		const r = await parseRosterFile(enc(csv), new Set());
		expect(r.ok && r.rows.map((x) => x.value)).toEqual([
			{
				fullName: 'Nông Thị Bích',
				gender: 'female',
				birthDate: '2015-11-05',
				ethnicity: 'Nùng',
				pupilCode: '2001234567'
			},
			{
				fullName: 'Lăng Văn Đạt',
				gender: 'male',
				birthDate: '2015-09-01',
				ethnicity: null,
				pupilCode: null
			}
		]);
	});

	it('joins "Họ đệm" and "Tên" columns, and reads a "Nữ" column marked with x', async () => {
		const file = await xlsx([
			['Họ đệm', 'Tên', 'Nữ'],
			['Triệu Thị', 'Giang', 'x'],
			['Bế Minh', 'Hải', '']
		]);
		const r = await parseRosterFile(file, new Set());
		expect(r.ok && r.rows.map((x) => [x.value.fullName, x.value.gender])).toEqual([
			['Triệu Thị Giang', 'female'],
			['Bế Minh Hải', 'male']
		]);
	});

	it('stores names in NFC', async () => {
		const r = await parseRosterFile(
			enc(`Họ và tên\n${'Lường Đức Cường'.normalize('NFD')}\n`),
			new Set()
		);
		expect(r.ok && r.rows[0].value.fullName).toBe('Lường Đức Cường'.normalize('NFC'));
	});
});

describe('bad rows: an error for each, on the right line', () => {
	it('flags a missing name, an impossible date, a bad gender, and a duplicate in the file', async () => {
		const r = await parseRosterFile(
			new Uint8Array(readFileSync('tests/fixtures/class-6a1-bad.xlsx')),
			new Set()
		);
		expect(r.ok).toBe(true);
		if (!r.ok) return;
		expect(r.rows.map((x) => [x.line, x.errors])).toEqual([
			[5, []],
			[6, ['name_missing']],
			[7, ['date_invalid']],
			[8, []],
			[9, ['duplicate_in_file']] // the same name typed in NFD is the same pupil
		]);
		const more = await parseRosterFile(
			enc('Họ và tên,Giới tính,Ngày sinh\nA,Khác,\nB,,2015-13-01\nC,,1/1/1950\n'),
			new Set()
		);
		expect(more.ok && more.rows.map((x) => x.errors)).toEqual([
			['gender_invalid'],
			['date_invalid'],
			['date_invalid']
		]);
	});

	it('flags a pupil already in the class', async () => {
		await addPupil(db, SYSTEM, cls, {
			fullName: 'Hoàng Văn An',
			gender: 'male',
			birthDate: '2015-03-12',
			ethnicity: null
		});
		const r = await parseRosterFile(
			new Uint8Array(readFileSync('tests/fixtures/class-6a1.xlsx')),
			await classDuplicateKeys(db, cls.id)
		);
		expect(r.ok && r.rows[0].errors).toEqual(['duplicate_in_class']);
		expect(r.ok && r.rows[1].errors).toEqual([]);
	});

	it('keeps two pupils of the same name apart when their birth dates differ', () => {
		const rows = markDuplicates(
			[
				{
					line: 2,
					value: {
						fullName: 'Vi Văn Dũng',
						gender: null,
						birthDate: '2015-01-01',
						ethnicity: null
					},
					errors: []
				},
				{
					line: 3,
					value: {
						fullName: 'Vi Văn Dũng',
						gender: null,
						birthDate: '2015-02-02',
						ethnicity: null
					},
					errors: []
				}
			],
			new Set()
		);
		expect(rows.map((r) => r.errors)).toEqual([[], []]);
	});
});

describe('bad files', () => {
	it('refuses each with its reason', async () => {
		expect(await parseRosterFile(new Uint8Array(), new Set())).toEqual({
			ok: false,
			error: 'empty_file'
		});
		expect(await parseRosterFile(enc('STT,Lớp\n1,6A1\n'), new Set())).toEqual({
			ok: false,
			error: 'no_name_column'
		});
		expect(await parseRosterFile(enc('Họ và tên\n\n'), new Set())).toEqual({
			ok: false,
			error: 'no_rows'
		});
		expect(
			await parseRosterFile(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0, 0]), new Set())
		).toEqual({ ok: false, error: 'old_xls' });
		expect(
			await parseRosterFile(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), new Set())
		).toEqual({ ok: false, error: 'unreadable' });
		expect(await parseRosterFile(new Uint8Array([0xff, 0xfe, 0x00, 0x41]), new Set())).toEqual({
			ok: false,
			error: 'unreadable'
		});
		const many = 'Họ và tên\n' + Array.from({ length: 201 }, (_, i) => `Học sinh ${i}`).join('\n');
		expect(await parseRosterFile(enc(many), new Set())).toEqual({
			ok: false,
			error: 'too_many_rows'
		});
	});
});

describe('saving: every row or none', () => {
	it('saves a good list', async () => {
		const r = await saveRoster(db, SYSTEM, cls, [
			{
				line: 2,
				fullName: 'Hà Thu Lan',
				gender: 'female',
				birthDate: '2015-07-17',
				ethnicity: 'Tày'
			},
			{ line: 3, fullName: 'Lộc Văn Mạnh', gender: 'male', birthDate: null, ethnicity: null }
		]);
		expect(r).toEqual({ ok: true, count: 2 });
		const roster = await listRoster(db, cls.id);
		expect(roster.map((p) => p.fullName)).toEqual(['Hà Thu Lan', 'Lộc Văn Mạnh']);
		expect(roster.every((p) => p.secretKind === 'words')).toBe(true); // grade 6
	});

	it('saves nothing when one submitted row is bad, even if the preview was tampered with', async () => {
		const r = await db.transaction().execute((tx) =>
			saveRoster(tx, SYSTEM, cls, [
				{ line: 2, fullName: 'Hà Thu Lan', gender: 'female', birthDate: null, ethnicity: null },
				{ line: 3, fullName: '   ', gender: 'male', birthDate: null, ethnicity: null },
				{
					line: 4,
					fullName: 'Hà Thu Lan'.normalize('NFD'),
					gender: 'female',
					birthDate: null,
					ethnicity: null
				}
			])
		);
		expect(r.ok).toBe(false);
		expect(!r.ok && 'rows' in r && r.rows.map((x) => x.errors)).toEqual([
			[],
			['name_missing'],
			['duplicate_in_file']
		]);
		expect(await listRoster(db, cls.id)).toHaveLength(0);
		expect(await db.selectFrom('users').selectAll().execute()).toHaveLength(0);
	});

	it('rolls back rows already written when a later insert fails', async () => {
		await expect(
			db.transaction().execute(async (tx) => {
				await saveRoster(tx, SYSTEM, cls, [
					{ line: 2, fullName: 'Chu Thị Hằng', gender: null, birthDate: null, ethnicity: null }
				]);
				throw new Error('disk full');
			})
		).rejects.toThrow('disk full');
		expect(await listRoster(db, cls.id)).toHaveLength(0);
	});

	it('refuses a payload that is not a list of rows', async () => {
		expect(await saveRoster(db, SYSTEM, cls, 'nonsense')).toEqual({ ok: false, error: 'no_rows' });
	});
});

describe('helpers', () => {
	it('parses dates as Vietnamese files write them', () => {
		expect(parseDate('09/03/2014')).toBe('2014-03-09');
		expect(parseDate('9.3.2014')).toBe('2014-03-09');
		expect(parseDate('29/02/2015')).toBeUndefined();
		expect(parseDate(41000)).toBe('2012-04-01');
		expect(parseDate('')).toBe('');
	});

	it('parses quoted CSV fields', () => {
		expect(parseCsv('a,"b, ""c"""\r\n1,2')).toEqual([
			['a', 'b, "c"'],
			['1', '2']
		]);
	});
});
