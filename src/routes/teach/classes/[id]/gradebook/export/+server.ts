import { requireTeacherClass } from '$lib/server/classes/guard';
import { exportGradebook } from '$lib/server/gradebook/book';
import { actorOf } from '$lib/server/audit/log';
import { awaitWorkbook, xlsxResponse } from '$lib/server/sheets/download';
import { writeOffThread } from '$lib/server/sheets/pool';
import type { RequestHandler } from './$types';

// The gradebook as the teacher sees it, one row per pupil (written in a worker thread).
export const GET: RequestHandler = async (event) => {
	const { db, cls } = await requireTeacherClass(event);
	const { book, fileName } = await exportGradebook(db, actorOf(event), cls);
	return xlsxResponse(await awaitWorkbook(writeOffThread(book)), fileName);
};
