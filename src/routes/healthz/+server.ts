import { json } from '@sveltejs/kit';
import { openAppDatabase } from '$lib/server/db';
import { schemaVersion } from '$lib/server/db/migrate';
import { dashboardWarmed } from '$lib/server/reports/views';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = () => {
	try {
		const { sqlite } = openAppDatabase();
		sqlite.prepare('SELECT 1').get();
		return json(
			{
				ok: true,
				schema: schemaVersion(sqlite),
				dashboard: dashboardWarmed() ? 'ready' : 'preparing'
			},
			{ headers: { 'cache-control': 'no-store' } }
		);
	} catch {
		return json({ ok: false }, { status: 503 });
	}
};
