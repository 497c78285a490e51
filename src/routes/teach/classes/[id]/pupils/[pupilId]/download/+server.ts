import { idParam, notFound } from '$lib/server/auth/guard';
import { requireTeacherClass } from '$lib/server/classes/guard';
import { actorOf } from '$lib/server/audit/log';
import * as exporter from '$lib/server/privacy/export';
import { zipResponse } from '$lib/server/privacy/zip';
import type { RequestHandler } from './$types';

// Everything held about a pupil who is or was in this class, as a ZIP (a family's request).
export const GET: RequestHandler = async (event) => {
	const { db, cls } = await requireTeacherClass(event);
	const pupil = await exporter.pupilOfClass(db, cls.id, idParam(event.params.pupilId));
	if (!pupil) notFound();
	const archive = await exporter.pupilArchive(db, actorOf(event), pupil);
	return zipResponse(archive.fileName, archive.entries);
};
