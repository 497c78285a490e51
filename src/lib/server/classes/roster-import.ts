// Class lists as SMAS and vnEdu export them (.xlsx or .csv): a few title rows, then a header row
// with columns such as "Họ và tên", "Ngày sinh", "Giới tính", "Dân tộc"; other columns are ignored.
import { schoolPupilCodes } from './pupil-changes';
import { record, type Actor } from '../audit/log';
import type { Conn } from '../db';
import type { Cell } from '../sheets/book';
import { readOffThread } from '../sheets/pool';
import { Busy } from '../workers/pool';
import { foldKey } from '$lib/text/normalize';
import {
	addPupil,
	checkPupil,
	classDuplicateKeys,
	duplicateKey,
	type PupilError,
	type PupilInput
} from './pupils';

export const MAX_FILE_BYTES = 2 * 1024 * 1024;
export const MAX_ROWS = 200;

export type FileError =
	| 'empty_file'
	| 'too_large'
	| 'unreadable'
	| 'old_xls'
	| 'no_name_column'
	| 'no_rows'
	| 'too_many_rows'
	| 'busy';

export interface ImportRow {
	/** The line (row number) in the file, as the teacher sees it in Excel. */
	line: number;
	value: PupilInput;
	errors: PupilError[];
}

export type ParseResult = { ok: true; rows: ImportRow[] } | { ok: false; error: FileError };

const HEADERS: Record<
	'name' | 'family' | 'given' | 'birth' | 'gender' | 'female' | 'ethnicity' | 'code',
	string[]
> = {
	name: [
		'ho va ten',
		'ho ten',
		'ho va ten hoc sinh',
		'ho ten hoc sinh',
		'ten hoc sinh',
		'full name',
		'name',
		'pupil name',
		'student name'
	],
	family: ['ho', 'ho dem', 'ho va ten dem', 'ho va dem'],
	given: ['ten'],
	birth: [
		'ngay sinh',
		'ngay thang nam sinh',
		'ngay/thang/nam sinh',
		'date of birth',
		'birth date',
		'dob'
	],
	gender: ['gioi tinh', 'gender', 'sex'],
	female: ['nu'],
	ethnicity: ['dan toc', 'ethnicity'],
	code: [
		'ma hoc sinh',
		'ma hs',
		'ma dinh danh',
		'ma dinh danh hoc sinh',
		'pupil code',
		'student code',
		'student id'
	]
};

/** A header's key: no case, diacritics, punctuation or notes such as "(*)". */
function headerKey(cell: Cell): string {
	return foldKey(cellText(cell))
		.replace(/\(.*?\)|\*/g, '')
		.replace(/[^a-z0-9/ ]/g, ' ')
		.replace(/\s+/g, ' ')
		.trim();
}

type Columns = Partial<Record<keyof typeof HEADERS, number>>;

function findColumns(row: Cell[]): Columns | null {
	const cols: Columns = {};
	row.forEach((cell, i) => {
		const key = headerKey(cell);
		for (const [field, names] of Object.entries(HEADERS) as [keyof typeof HEADERS, string[]][]) {
			if (cols[field] === undefined && names.includes(key)) cols[field] = i;
		}
	});
	const hasName =
		cols.name !== undefined || (cols.family !== undefined && cols.given !== undefined);
	return hasName ? cols : null;
}

function cellText(cell: Cell): string {
	if (cell === null || cell === undefined) return '';
	if (cell instanceof Date) return cell.toISOString().slice(0, 10);
	return String(cell);
}

/** "Nam"/"Nữ" (or English); '' for blank; undefined when it cannot be read. */
function parseGender(cell: Cell): 'male' | 'female' | '' | undefined {
	const k = foldKey(cellText(cell));
	if (!k) return '';
	if (['nam', 'male', 'm', 'trai'].includes(k)) return 'male';
	if (['nu', 'female', 'f', 'gai'].includes(k)) return 'female';
	return undefined;
}

/** dd/mm/yyyy (how Vietnamese files write dates), yyyy-mm-dd, an Excel date or serial number. */
export function parseDate(cell: Cell): string | '' | undefined {
	if (cell === null || cell === '') return '';
	if (cell instanceof Date) {
		return Number.isNaN(cell.getTime()) ? undefined : cell.toISOString().slice(0, 10);
	}
	if (typeof cell === 'number') {
		// Excel's serial day count from 1899-12-30.
		if (cell < 1 || cell > 100000) return undefined;
		return new Date(Date.UTC(1899, 11, 30) + Math.round(cell) * 86400000)
			.toISOString()
			.slice(0, 10);
	}
	const s = cell.trim();
	if (!s) return '';
	let m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
	if (m) return isoIfReal(Number(m[3]), Number(m[2]), Number(m[1]));
	m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
	if (m) return isoIfReal(Number(m[1]), Number(m[2]), Number(m[3]));
	return undefined;
}

function isoIfReal(y: number, mo: number, d: number): string | undefined {
	const date = new Date(Date.UTC(y, mo - 1, d));
	if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d)
		return undefined;
	return date.toISOString().slice(0, 10);
}

/** Rows of the first worksheet (read in a worker thread), or of a CSV file, as cells. */
async function readCells(bytes: Uint8Array): Promise<Cell[][] | FileError> {
	const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
	const isOle = bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0;
	if (isOle) return 'old_xls';
	if (isZip) return readOffThread(bytes);
	let text: string;
	try {
		text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
	} catch {
		return 'unreadable';
	}
	if (text.includes('\u0000')) return 'unreadable';
	return parseCsv(text.replace(/^\uFEFF/, ''));
}

/**
 * RFC 4180 CSV. The delimiter (',', ';' or tab) is the one the first lines use most: files saved
 * by a Vietnamese-locale Excel use ';', and title rows above the header may use none.
 */
export function parseCsv(text: string): string[][] {
	const head = text.split('\n', 20).join('\n');
	const delim = [',', ';', '\t'].sort((a, b) => head.split(b).length - head.split(a).length)[0];
	const rows: string[][] = [];
	let row: string[] = [];
	let field = '';
	let quoted = false;
	for (let i = 0; i < text.length; i++) {
		const ch = text[i];
		if (quoted) {
			if (ch === '"' && text[i + 1] === '"') {
				field += '"';
				i++;
			} else if (ch === '"') quoted = false;
			else field += ch;
		} else if (ch === '"' && field === '') quoted = true;
		else if (ch === delim) {
			row.push(field);
			field = '';
		} else if (ch === '\n' || ch === '\r') {
			if (ch === '\r' && text[i + 1] === '\n') i++;
			row.push(field);
			rows.push(row);
			row = [];
			field = '';
		} else field += ch;
	}
	if (field !== '' || row.length) {
		row.push(field);
		rows.push(row);
	}
	return rows;
}

/**
 * Reads a class list and checks every row against itself and the pupils already in the class.
 * Nothing is saved here.
 */
export async function parseRosterFile(
	bytes: Uint8Array,
	existing: Set<string>
): Promise<ParseResult> {
	if (bytes.length === 0) return { ok: false, error: 'empty_file' };
	if (bytes.length > MAX_FILE_BYTES) return { ok: false, error: 'too_large' };
	let cells;
	try {
		cells = await readCells(bytes);
	} catch (e) {
		if (e instanceof Busy) return { ok: false, error: 'busy' };
		throw e;
	}
	if (typeof cells === 'string') return { ok: false, error: cells };

	// The header is the first row, among the first 20, that names the pupils' name column.
	let headerIndex = -1;
	let cols: Columns | null = null;
	for (let i = 0; i < Math.min(cells.length, 20) && !cols; i++) {
		cols = findColumns(cells[i]);
		if (cols) headerIndex = i;
	}
	if (!cols) return { ok: false, error: 'no_name_column' };

	const raw: { line: number; cells: Cell[] }[] = [];
	for (let i = headerIndex + 1; i < cells.length; i++) {
		const row = cells[i];
		if (row.every((c) => cellText(c).trim() === '')) continue;
		raw.push({ line: i + 1, cells: row });
	}
	if (raw.length === 0) return { ok: false, error: 'no_rows' };
	if (raw.length > MAX_ROWS) return { ok: false, error: 'too_many_rows' };

	const at = (row: Cell[], i: number | undefined): Cell =>
		i === undefined ? null : (row[i] ?? null);
	const rows = raw.map(({ line, cells: row }) => {
		const fullName =
			cols!.name !== undefined
				? cellText(at(row, cols!.name))
				: `${cellText(at(row, cols!.family))} ${cellText(at(row, cols!.given))}`;
		let gender: string | undefined = '';
		if (cols!.gender !== undefined) gender = parseGender(at(row, cols!.gender));
		else if (cols!.female !== undefined)
			gender = cellText(at(row, cols!.female)).trim() ? 'female' : 'male';
		const birth = cols!.birth !== undefined ? parseDate(at(row, cols!.birth)) : '';
		const checked = checkPupil({
			fullName,
			gender: gender ?? 'invalid',
			birthDate: birth === undefined ? 'invalid' : birth,
			ethnicity: cellText(at(row, cols!.ethnicity)),
			pupilCode: cellText(at(row, cols!.code))
		});
		return { line, value: checked.value, errors: checked.errors };
	});
	return { ok: true, rows: markDuplicates(rows, existing) };
}

/** Adds the duplicate errors: a row repeating an earlier row of the file, or a pupil of the class. */
export function markDuplicates(rows: ImportRow[], existing: Set<string>): ImportRow[] {
	const seen = new Set<string>();
	return rows.map((row) => {
		if (!row.value.fullName) return row;
		const key = duplicateKey(row.value);
		const errors = [...row.errors];
		if (existing.has(key)) errors.push('duplicate_in_class');
		else if (seen.has(key)) errors.push('duplicate_in_file');
		seen.add(key);
		return { ...row, errors };
	});
}

/** A pupil code already held by a pupil of the school, or by an earlier row of the file, is refused. */
export function markCodesTaken(rows: ImportRow[], taken: Set<string>): ImportRow[] {
	const seen = new Set(taken);
	return rows.map((row) => {
		const code = row.value.pupilCode;
		if (!code) return row;
		const errors = seen.has(code) ? [...row.errors, 'code_taken' as const] : row.errors;
		seen.add(code);
		return { ...row, errors };
	});
}

/**
 * Saves every row or none. The rows come back from the preview form, so they are checked
 * again here, inside the transaction, against the class as it is now.
 */
export async function saveRoster(
	db: Conn,
	actor: Actor,
	cls: { id: number; schoolId: number; grade: number },
	submitted: unknown
): Promise<
	{ ok: true; count: number } | { ok: false; rows: ImportRow[] } | { ok: false; error: FileError }
> {
	if (!Array.isArray(submitted) || submitted.length === 0) return { ok: false, error: 'no_rows' };
	if (submitted.length > MAX_ROWS) return { ok: false, error: 'too_many_rows' };
	const checked = submitted.map((r, i) => {
		const v = (r && typeof r === 'object' ? r : {}) as Record<string, unknown>;
		const { value, errors } = checkPupil({
			fullName: v.fullName,
			gender: v.gender,
			birthDate: v.birthDate,
			ethnicity: v.ethnicity,
			pupilCode: v.pupilCode
		});
		return { line: Number(v.line) || i + 2, value, errors };
	});
	const rows = markCodesTaken(
		markDuplicates(checked, await classDuplicateKeys(db, cls.id)),
		await schoolPupilCodes(db, cls.schoolId)
	);
	if (rows.some((r) => r.errors.length)) return { ok: false, rows };
	for (const row of rows) await addPupil(db, actor, cls, row.value);
	await record(db, actor, {
		action: 'class.roster_imported',
		target: { type: 'class', id: cls.id },
		schoolId: cls.schoolId,
		detail: { count: rows.length }
	});
	return { ok: true, count: rows.length };
}
