// Tables to an Excel workbook: one sheet per table, the same cells as the page ("< 10" included),
// written in a worker thread (sheets/pool.ts).
import { sheetName, type Book } from '../sheets/book';
import { writeOffThread } from '../sheets/pool';
import type { Table } from './dashboard';

/** The workbook's description: the heading lines, then each table's title, note, columns and rows. */
export function tablesBook(tables: Table[], heading: string[]): Book {
	const used = new Set<string>();
	return {
		fast: true,
		sheets: tables.map((t) => ({
			name: sheetName(t.title, used),
			widths: [36, 16],
			rows: [
				...heading.map((line) => ({ cells: [line] })),
				{ cells: [t.title], bold: true },
				...(t.note ? [{ cells: [t.note] }] : []),
				{ cells: t.columns, bold: true },
				...t.rows.map((r) => ({ cells: [r.label, ...r.cells] }))
			]
		}))
	};
}

/** The .xlsx file of the tables (throws Busy when the workbook pool is full). */
export function tablesToXlsx(tables: Table[], heading: string[]): Promise<Uint8Array> {
	return writeOffThread(tablesBook(tables, heading));
}
