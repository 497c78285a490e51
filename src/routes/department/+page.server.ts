import { database } from '$lib/server/db';
import { requireRole } from '$lib/server/auth/guard';
import { drillLink, readView } from '$lib/server/reports/params';
import { rosterCells } from '$lib/server/reports/reach';
import { cached } from '$lib/server/reports/cache';
import { getLocale } from '$lib/paraglide/runtime';
import { buildTables } from '$lib/server/reports/dashboard';
import type { PageServerLoad } from './$types';

// The pilot's evaluation: aggregates only, never a pupil's name; groups under 10 pupils are "< 10".
export const load: PageServerLoad = async (event) => {
	requireRole(event, 'department', 'admin');
	const db = database();
	const view = await readView(db, event.url);
	if (!view) return { view: null, tables: [] };
	const tables = await cached(`tables:drill:${getLocale()}:${view.dim}:${JSON.stringify(view.scope)}`, async () =>
		buildTables(db, view.scope, view.dim, Date.now(), drillLink(view), await cached(`roster:${JSON.stringify(view.scope)}`, () => rosterCells(db, view.scope)))
	);
	return { view, tables };
};
