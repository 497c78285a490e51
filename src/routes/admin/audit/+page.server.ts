import { database } from '$lib/server/db';
import { requireRole } from '$lib/server/auth/guard';
import * as trail from '$lib/server/audit/trail';
import { AUDIT_ACTIONS } from '$lib/server/audit/log';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'admin');
	const db = database();
	const { filter, problem } = trail.parseAuditFilter(event.url.searchParams);
	return {
		filter,
		problem,
		keepDays: trail.auditKeepDays(),
		actions: [...AUDIT_ACTIONS],
		...(await trail.auditChoices(db)),
		...(await trail.listAudit(db, filter))
	};
};
