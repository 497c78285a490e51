// Workbooks in and out, as plain data: what the pages export is described here (sheets of rows) on
// the request thread, and written by ExcelJS in a worker thread (workers/sheets.worker.ts); a
// workbook a teacher uploads is read there too, into rows of cells.
import ExcelJS from 'exceljs';
import { unpackedSize } from './zip-size';

/** What a workbook read here may unpack to: a class list of 200 pupils is well under 1 MB. */
export const MAX_UNPACKED_BYTES = 8 * 1024 * 1024;

/** One cell as the workbook holds it: text, a number, a date, or empty. */
export type Cell = string | number | Date | null;

export interface Row {
	cells: Cell[];
	bold?: boolean;
}

export interface Sheet {
	name: string;
	rows: Row[];
	/** Column widths in characters, from the first column; the last one repeats. */
	widths: number[];
}

export interface Book {
	sheets: Sheet[];
	/** Light compression and inline strings: a province's workbook in a third less time, ~20 % larger. */
	fast?: boolean;
}

/** Why a workbook could not be read. */
export type ReadProblem = 'no_rows' | 'unreadable';

/** A sheet's name Excel accepts: at most 31 characters, none of : \ / ? * [ ], unique in `used`. */
export function sheetName(title: string, used: Set<string>, fallback = 'Sheet'): string {
	let name =
		title
			.replace(/[:\\/?*[\]]/g, ' ')
			.slice(0, 28)
			.trim() || fallback;
	for (let i = 2; used.has(name); i++) name = `${name.slice(0, 26)} ${i}`;
	used.add(name);
	return name;
}

/** The .xlsx file of a book (runs in a worker thread: 0.3–0.4 s for a province's tables). */
export async function writeBook(book: Book): Promise<Uint8Array> {
	const wb = new ExcelJS.Workbook();
	wb.creator = 'Mầm STEM';
	for (const sheet of book.sheets) {
		const ws = wb.addWorksheet(sheet.name);
		for (const row of sheet.rows) {
			const added = ws.addRow(row.cells);
			if (row.bold) added.font = { bold: true };
		}
		const last = sheet.widths.at(-1) ?? 16;
		ws.columns.forEach((c, i) => (c.width = sheet.widths[i] ?? last));
	}
	const options = book.fast
		? { useSharedStrings: false, zip: { compression: 'DEFLATE', compressionOptions: { level: 1 } } }
		: {};
	const bytes = await wb.xlsx.writeBuffer(options as ExcelJS.XlsxWriteOptions);
	return new Uint8Array(bytes as ArrayBuffer);
}

/**
 * The first worksheet's rows as cells (runs in a worker thread). A zip bomb is stopped by the ceiling
 * on what it unpacks to, before ExcelJS parses it; the worker's bounded heap is the backstop.
 */
export async function readFirstSheet(bytes: Uint8Array): Promise<Cell[][] | ReadProblem> {
	if (unpackedSize(bytes, MAX_UNPACKED_BYTES) === null) return 'unreadable';
	try {
		const wb = new ExcelJS.Workbook();
		await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
		const ws = wb.worksheets[0];
		if (!ws) return 'no_rows';
		const rows: Cell[][] = [];
		ws.eachRow({ includeEmpty: true }, (row, n) => {
			const cells: Cell[] = [];
			row.eachCell({ includeEmpty: true }, (cell, col) => {
				cells[col - 1] = cellValue(cell.value);
			});
			rows[n - 1] = cells;
		});
		return Array.from(rows, (r) => r ?? []);
	} catch {
		return 'unreadable';
	}
}

function cellValue(v: ExcelJS.CellValue): Cell {
	if (v === null || v === undefined) return null;
	if (v instanceof Date || typeof v === 'number' || typeof v === 'string') return v;
	if (typeof v === 'boolean') return String(v);
	if (typeof v === 'object') {
		if ('richText' in v) return v.richText.map((t) => t.text).join('');
		if ('text' in v) return String(v.text);
		if ('result' in v) return cellValue(v.result as ExcelJS.CellValue);
	}
	return String(v);
}
