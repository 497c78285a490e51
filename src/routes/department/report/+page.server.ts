import { database } from '$lib/server/db';
import { requireRole } from '$lib/server/auth/guard';
import { readView } from '$lib/server/reports/params';
import { rosterCells } from '$lib/server/reports/reach';
import { cached } from '$lib/server/reports/cache';
import { getLocale } from '$lib/paraglide/runtime';
import { buildTables } from '$lib/server/reports/dashboard';
import type { PageServerLoad } from './$types';

// The whole evaluation for a period on A4 pages, for the provincial committee's file.
export const load: PageServerLoad = async (event) => {
	requireRole(event, 'department', 'admin');
	const db = database();
	const view = await readView(db, event.url);
	if (!view) return { view: null, tables: [], printedAt: '' };
	const tables = await cached(`tables:plain:${getLocale()}:${view.dim}:${JSON.stringify(view.scope)}`, async () =>
		buildTables(db, view.scope, view.dim, Date.now(), undefined, await cached(`roster:${JSON.stringify(view.scope)}`, () => rosterCells(db, view.scope)))
	);
	return { view, tables, printedAt: new Date().toISOString().slice(0, 10) };
};
