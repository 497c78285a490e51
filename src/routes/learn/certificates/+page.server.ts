import { database } from '$lib/server/db';
import { requireRole } from '$lib/server/auth/guard';
import * as courseProgress from '$lib/server/courses/progress';
import { pupilClass } from '$lib/server/exercises/pupil';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = requireRole(event, 'student');
	const db = database();
	const cls = await pupilClass(db, user.id);
	return {
		fullName: user.fullName,
		school: cls?.school_name ?? '',
		certificates: await courseProgress.pupilCertificates(db, user.id)
	};
};
