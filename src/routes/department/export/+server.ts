import { database } from '$lib/server/db';
import { requireRole } from '$lib/server/auth/guard';
import { readView } from '$lib/server/reports/params';
import { snapshotParam, viewTables } from '$lib/server/reports/views';
import { dimensionLabel } from '$lib/server/reports/dashboard';
import { tablesToXlsx } from '$lib/server/reports/excel';
import { awaitWorkbook, xlsxResponse } from '$lib/server/sheets/download';
import { m } from '$lib/paraglide/messages';
import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';

const files = new WeakMap<object, Promise<Uint8Array>>();

// Every table of the view, one sheet each, with the same numbers as the page.
export const GET: RequestHandler = async (event) => {
	requireRole(event, 'department', 'admin');
	const db = database();
	const view = await readView(db, event.url);
	if (!view) error(404, { message: m.no_current_year() });
	const { tables, asOf } = await viewTables(db, view, Date.now(), snapshotParam(event.url));
	const where = view.cls
		? `${view.cls.schoolName} · ${view.cls.name}`
		: (view.school?.name ?? m.progress_province());
	// The file is made once per snapshot of the view's tables, so it always holds the page's numbers.
	let file = files.get(tables);
	if (!file)
		files.set(
			tables,
			(file = tablesToXlsx(tables, [
				m.department_title(),
				`${where} · ${m.school_year_label({ name: view.yearName })} · ${periodName(view.scope.period)} · ${m.progress_filter_by()}: ${dimensionLabel(view.dim)}`,
				asOf,
				m.progress_privacy_note()
			]))
		);
	file.catch(() => files.delete(tables)); // a busy pool: the next try writes it again
	const name = `mam-stem-${view.yearName.replace(/\D+/g, '-')}-${view.scope.period}.xlsx`;
	return xlsxResponse(await awaitWorkbook(file), name);
};

function periodName(p: string) {
	return p === 's1'
		? m.progress_period_s1()
		: p === 's2'
			? m.progress_period_s2()
			: m.progress_period_year();
}
