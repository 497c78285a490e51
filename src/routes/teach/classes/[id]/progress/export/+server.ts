import ExcelJS from 'exceljs';
import { requireTeacherClass } from '$lib/server/classes/guard';
import * as grid from '$lib/server/progress/grid';
import { m } from '$lib/paraglide/messages';
import { cellText } from '$lib/progress-labels';
import type { RequestHandler } from './$types';

// The class grid as the teacher sees it, with the same cell texts.
export const GET: RequestHandler = async (event) => {
	const { db, cls } = await requireTeacherClass(event);
	const g = await grid.classGrid(db, cls.id, 'name');
	const wb = new ExcelJS.Workbook();
	const ws = wb.addWorksheet(cls.name.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31) || 'Lop');
	ws.addRow([m.progress_class_title({ name: cls.name }), cls.schoolName]).font = { bold: true };
	ws.addRow([m.progress_grid_legend()]);
	ws.addRow([
		m.field_full_name(),
		m.progress_col_passed(),
		m.progress_col_stars_total(),
		m.progress_col_attempts(),
		m.progress_col_stuck(),
		...g.columns.map((c) => c.title)
	]).font = { bold: true };
	for (const r of g.rows)
		ws.addRow([r.fullName, r.passed, r.stars, r.attempts, r.stuck, ...r.cells.map(cellText)]);
	ws.columns.forEach((c, i) => (c.width = i === 0 ? 28 : 16));
	const body = await wb.xlsx.writeBuffer();
	return new Response(new Uint8Array(body as ArrayBuffer), {
		headers: {
			'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
			'Content-Disposition': `attachment; filename="tien-do-lop-${cls.id}.xlsx"`
		}
	});
};
