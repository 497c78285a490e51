import { database } from '$lib/server/db';
import { requireRole } from '$lib/server/auth/guard';
import { actorOf } from '$lib/server/audit/log';
import * as trail from '$lib/server/audit/trail';
import { auditBook } from '$lib/server/audit/book';
import { filterLine } from '$lib/server/audit/filter-line';
import { awaitWorkbook, xlsxResponse } from '$lib/server/sheets/download';
import { writeOffThread } from '$lib/server/sheets/pool';
import type { RequestHandler } from './$types';

// The entries of the page's filter, newest first, as an Excel file; the export is itself recorded.
export const GET: RequestHandler = async (event) => {
	requireRole(event, 'admin');
	const db = database();
	const { filter } = trail.parseAuditFilter(event.url.searchParams);
	const { rows, more } = await db
		.transaction()
		.execute((tx) => trail.exportAudit(tx, actorOf(event), filter));
	const book = auditBook(rows, more, await filterLine(db, filter));
	const body = await awaitWorkbook(writeOffThread(book));
	return xlsxResponse(body, `nhat-ky-${new Date().toISOString().slice(0, 10)}.xlsx`);
};
