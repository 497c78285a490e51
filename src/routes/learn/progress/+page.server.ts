import { database } from '$lib/server/db';
import { requireRole } from '$lib/server/auth/guard';
import { myProgress, pupilProjects } from '$lib/server/progress/pupil';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = requireRole(event, 'student');
	return {
		path: await myProgress(database(), user.id),
		projects: await pupilProjects(database(), user.id)
	};
};
