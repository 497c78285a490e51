import { requireTeacherClass } from '$lib/server/classes/guard';
import * as grid from '$lib/server/progress/grid';
import { gridBook } from '$lib/server/progress/grid-book';
import { awaitWorkbook, xlsxResponse } from '$lib/server/sheets/download';
import { writeOffThread } from '$lib/server/sheets/pool';
import type { RequestHandler } from './$types';

// The class grid as the teacher sees it, with the same cell texts (written in a worker thread).
export const GET: RequestHandler = async (event) => {
	const { db, cls } = await requireTeacherClass(event);
	const g = await grid.classGrid(db, cls.id, 'name');
	const body = await awaitWorkbook(writeOffThread(gridBook(cls, g)));
	return xlsxResponse(body, `tien-do-lop-${cls.id}.xlsx`);
};
