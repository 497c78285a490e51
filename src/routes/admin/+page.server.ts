import { database } from '$lib/server/db';
import { requireRole } from '$lib/server/auth/guard';
import { currentYear } from '$lib/server/schools/years';
import * as schools from '$lib/server/schools/schools';
import { backupStatus } from '$lib/server/backup/status';
import { asOfTime } from '$lib/server/backup/format';
import { retentionStatus } from '$lib/server/privacy/retention';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'admin');
	const db = database();
	return {
		...(await schools.countOverview(db)),
		year: await currentYear(db),
		backup: await backupInfo(db),
		retention: await retentionStatus(db).then((r) => ({
			...r,
			lastRun: r.lastRun && { at: asOfTime(r.lastRun.at), count: r.lastRun.count }
		}))
	};
};

/** The last backup as the page shows it: when, how big, and what is wrong if anything. */
async function backupInfo(db: ReturnType<typeof database>) {
	const st = await backupStatus(db);
	return {
		warning: st.warning,
		last: st.last
			? { at: asOfTime(st.last.at), size: `${(st.last.bytes / 1_048_576).toFixed(1)} MB` }
			: null,
		failed: st.failed ? { at: asOfTime(st.failed.at), reason: st.failed.reason } : null
	};
}
