import { database } from '$lib/server/db';
import { requireRole } from '$lib/server/auth/guard';
import { readView } from '$lib/server/reports/params';
import { snapshotParam, viewTables } from '$lib/server/reports/views';
import type { PageServerLoad } from './$types';

// The whole evaluation for a period on A4 pages, for the provincial committee's file.
export const load: PageServerLoad = async (event) => {
	requireRole(event, 'department', 'admin');
	const db = database();
	const view = await readView(db, event.url);
	if (!view) return { view: null, tables: [], printedAt: '', asOf: '' };
	// The page's tables, without the drill-down links a printed page cannot follow.
	const figures = await viewTables(db, view, Date.now(), snapshotParam(event.url));
	const tables = figures.tables.map((t) => ({
		...t,
		rows: t.rows.map((r) => ({ ...r, href: undefined }))
	}));
	return { view, tables, printedAt: new Date().toISOString().slice(0, 10), asOf: figures.asOf };
};
