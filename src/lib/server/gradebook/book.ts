// The gradebook as a workbook, one row per pupil with the page's cell texts, and the export that
// records who took it (it names every pupil of the class).
import { m } from '$lib/paraglide/messages';
import { cellText, percentText } from '$lib/gradebook-labels';
import { formatDate } from '$lib/dates';
import { fileSlug } from '$lib/text/normalize';
import type { Conn } from '../db';
import { record, type Actor } from '../audit/log';
import { sheetName, type Book } from '../sheets/book';
import { classGradebook, type Gradebook } from './gradebook';

export function gradebookBook(cls: { name: string; schoolName: string }, g: Gradebook): Book {
	return {
		sheets: [
			{
				name: sheetName(cls.name, new Set(), 'Lop'),
				widths: [28, 14, 24],
				rows: [
					{ cells: [m.gradebook_title({ name: cls.name }), cls.schoolName], bold: true },
					{ cells: [m.gradebook_intro()] },
					{
						cells: [
							m.gradebook_col_pupil(),
							m.field_pupil_code(),
							...g.columns.map(
								(c) => `${c.title} (${m.gradebook_due({ date: formatDate(c.dueOn) })})`
							),
							m.gradebook_col_average()
						],
						bold: true
					},
					...g.rows.map((r) => ({
						cells: [r.fullName, r.pupilCode ?? '', ...r.cells.map(cellText), percentText(r.average)]
					})),
					{
						cells: [m.gradebook_row_average(), '', ...g.columns.map((c) => percentText(c.average))],
						bold: true
					}
				]
			}
		]
	};
}

/** The class's gradebook for an export, its file name (the class's name), and the audit entry. */
export async function exportGradebook(
	db: Conn,
	actor: Actor,
	cls: { id: number; schoolId: number; name: string; schoolName: string },
	now = Date.now()
) {
	const g = await classGradebook(db, cls.id, now);
	await record(
		db,
		actor,
		{
			action: 'export.gradebook',
			target: { type: 'class', id: cls.id },
			schoolId: cls.schoolId,
			detail: { pupils: g.rows.length, columns: g.columns.length }
		},
		now
	);
	return { book: gradebookBook(cls, g), fileName: `so-diem-${fileSlug(cls.name)}.xlsx` };
}
