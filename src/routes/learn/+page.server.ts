import { database } from '$lib/server/db';
import { requireRole } from '$lib/server/auth/guard';
import * as assignments from '$lib/server/assignments/assignments';
import * as offline from '$lib/server/offline/pages';
import * as courseProgress from '$lib/server/courses/progress';
import { pupilClass } from '$lib/server/exercises/pupil';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = requireRole(event, 'student');
	const db = database();
	const cls = await pupilClass(db, user.id);
	return {
		fullName: user.fullName,
		cls: cls ? { name: cls.name, grade: cls.grade, school_name: cls.school_name } : null,
		work: await assignments.listPupilWork(db, user.id),
		// When this list was made: shown when the device shows it again without a network.
		seenAt: Date.now(),
		keep: await offline.pagesToKeep(db, user.id),
		courses: await courseProgress.pupilCourses(db, user.id)
	};
};
