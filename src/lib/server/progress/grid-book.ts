// The class grid as a workbook: the same cell texts the teacher sees on the page.
import { m } from '$lib/paraglide/messages';
import { cellText } from '$lib/progress-labels';
import { sheetName, type Book } from '../sheets/book';
import { classGrid } from './grid';
import type { Conn } from '../db';
import { record, type Actor } from '../audit/log';

/** The class grid's workbook, read for an export: who took it is recorded (it names every pupil). */
export async function exportClassGrid(
	db: Conn,
	actor: Actor,
	cls: { id: number; schoolId: number; name: string; schoolName: string },
	now = Date.now()
): Promise<Book> {
	const g = await classGrid(db, cls.id, 'name', undefined, now);
	await record(
		db,
		actor,
		{
			action: 'export.class_grid',
			target: { type: 'class', id: cls.id },
			schoolId: cls.schoolId,
			detail: { pupils: g.rows.length }
		},
		now
	);
	return gridBook(cls, g);
}

export function gridBook(
	cls: { name: string; schoolName: string },
	g: Awaited<ReturnType<typeof classGrid>>
): Book {
	return {
		sheets: [
			{
				name: sheetName(cls.name, new Set(), 'Lop'),
				widths: [28, 16],
				rows: [
					{ cells: [m.progress_class_title({ name: cls.name }), cls.schoolName], bold: true },
					{ cells: [m.progress_grid_legend()] },
					{
						cells: [
							m.field_full_name(),
							m.progress_col_passed(),
							m.progress_col_stars_total(),
							m.progress_col_attempts(),
							m.progress_col_stuck(),
							...g.columns.map((c) => c.title)
						],
						bold: true
					},
					...g.rows.map((r) => ({
						cells: [r.fullName, r.passed, r.stars, r.attempts, r.stuck, ...r.cells.map(cellText)]
					}))
				]
			}
		]
	};
}
