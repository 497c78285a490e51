import { notFound } from '$lib/server/auth/guard';
import { requireTeacherClass } from '$lib/server/classes/guard';
import { getPupilInClass } from '$lib/server/classes/pupils';
import * as grid from '$lib/server/progress/grid';
import { pupilProjects } from '$lib/server/progress/pupil';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { db, cls } = await requireTeacherClass(event);
	const pupil = await getPupilInClass(db, cls.id, Number(event.params.pupil));
	if (!pupil) notFound();
	return {
		cls,
		pupil: { id: pupil.id, fullName: pupil.fullName },
		attempts: await grid.pupilAttempts(db, cls.id, pupil.id),
		projects: await pupilProjects(db, pupil.id, cls.id)
	};
};
