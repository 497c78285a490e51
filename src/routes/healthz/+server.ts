import { json } from '@sveltejs/kit';
import { openAppDatabase } from '$lib/server/db';
import { schemaVersionOf } from '$lib/server/db/migrate';
import { dashboardWarmed } from '$lib/server/reports/views';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async () => {
	try {
		const { db, engine } = openAppDatabase();
		return json(
			{
				ok: true,
				engine,
				schema: await schemaVersionOf(db),
				dashboard: dashboardWarmed() ? 'ready' : 'preparing'
			},
			{ headers: { 'cache-control': 'no-store' } }
		);
	} catch {
		return json({ ok: false }, { status: 503 });
	}
};
