import { database } from '$lib/server/db';
import { requireRole } from '$lib/server/auth/guard';
import { readView } from '$lib/server/reports/params';
import { viewTables } from '$lib/server/reports/views';
import type { PageServerLoad } from './$types';

// The pilot's evaluation: aggregates only, never a pupil's name; groups under 10 pupils are "< 10".
export const load: PageServerLoad = async (event) => {
	requireRole(event, 'department', 'admin');
	const db = database();
	const view = await readView(db, event.url);
	if (!view) return { view: null, tables: [], asOf: '', snapshotId: 0 };
	const { tables, asOf, snapshotId } = await viewTables(db, view);
	return { view, tables, asOf, snapshotId };
};
