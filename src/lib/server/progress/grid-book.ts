// The class grid as a workbook: the same cell texts the teacher sees on the page.
import { m } from '$lib/paraglide/messages';
import { cellText } from '$lib/progress-labels';
import { sheetName, type Book } from '../sheets/book';
import type { classGrid } from './grid';

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
