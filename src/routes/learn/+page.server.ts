import { database } from '$lib/server/db';
import { requireRole } from '$lib/server/auth/guard';
import * as assignments from '$lib/server/assignments/assignments';
import * as offline from '$lib/server/offline/pages';
import * as courseProgress from '$lib/server/courses/progress';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = requireRole(event, 'student');
	const db = database();
	const cls = await db
		.selectFrom('enrolments')
		.innerJoin('classes', 'classes.id', 'enrolments.class_id')
		.innerJoin('schools', 'schools.id', 'classes.school_id')
		.select(['classes.name', 'classes.grade', 'schools.name as school_name'])
		.where('enrolments.pupil_id', '=', user.id)
		.where('enrolments.ended_on', 'is', null)
		.executeTakeFirst();
	return {
		fullName: user.fullName,
		cls: cls ?? null,
		work: await assignments.listPupilWork(db, user.id),
		// When this list was made: shown when the device shows it again without a network.
		seenAt: Date.now(),
		keep: await offline.pagesToKeep(db, user.id),
		courses: await courseProgress.pupilCourses(db, user.id)
	};
};
