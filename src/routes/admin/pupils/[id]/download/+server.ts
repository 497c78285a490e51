import { database } from '$lib/server/db';
import { idParam, notFound, requireRole } from '$lib/server/auth/guard';
import { actorOf } from '$lib/server/audit/log';
import * as exporter from '$lib/server/privacy/export';
import { pupilSummary } from '$lib/server/privacy/pupils';
import { zipResponse } from '$lib/server/privacy/zip';
import type { RequestHandler } from './$types';

// The admin's download of everything held about a pupil of any school, as a ZIP.
export const GET: RequestHandler = async (event) => {
	requireRole(event, 'admin');
	const db = database();
	const pupil = await pupilSummary(db, idParam(event.params.id));
	if (!pupil) notFound();
	const archive = await exporter.pupilArchive(db, actorOf(event), {
		id: pupil.id,
		school_id: pupil.schoolId
	});
	return zipResponse(archive.fileName, archive.entries);
};
