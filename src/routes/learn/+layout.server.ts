import { database } from '$lib/server/db';
import { windowsFor } from '$lib/server/surveys/surveys';
import { today } from '$lib/server/classes/pupils';
import type { LayoutServerLoad } from './$types';

// The surveys open for the signed-in pupil, for the notice on their home page (SurveyNotice), and who
// they are, so the submissions queued on this device are sent only for them (GradedNotice).
// Each page under /learn guards itself; this only reads the pupil's own windows.
export const load: LayoutServerLoad = async ({ locals }) => {
	const user = locals.user;
	if (!user || user.role !== 'student') return { openSurveys: [], pupilId: null };
	return { openSurveys: await windowsFor(database(), user, today()), pupilId: user.id };
};
