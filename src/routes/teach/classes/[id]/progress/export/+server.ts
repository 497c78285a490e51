import { requireTeacherClass } from '$lib/server/classes/guard';
import { exportClassGrid } from '$lib/server/progress/grid-book';
import { actorOf } from '$lib/server/audit/log';
import { awaitWorkbook, xlsxResponse } from '$lib/server/sheets/download';
import { writeOffThread } from '$lib/server/sheets/pool';
import { fileSlug } from '$lib/text/normalize';
import type { RequestHandler } from './$types';

// The class grid as the teacher sees it, with the same cell texts (written in a worker thread).
export const GET: RequestHandler = async (event) => {
	const { db, cls } = await requireTeacherClass(event);
	const book = await exportClassGrid(db, actorOf(event), cls);
	const body = await awaitWorkbook(writeOffThread(book));
	return xlsxResponse(body, `tien-do-${fileSlug(cls.name)}.xlsx`);
};
