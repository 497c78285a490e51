import { database } from '$lib/server/db';
import { requireRole } from '$lib/server/auth/guard';
import { windowsFor } from '$lib/server/surveys/surveys';
import { today } from '$lib/server/classes/pupils';
import type { PageServerLoad } from './$types';

// The surveys open now for the signed-in teacher or pupil.
export const load: PageServerLoad = async (event) => {
	const user = requireRole(event, 'teacher', 'student');
	return { windows: await windowsFor(database(), user, today()) };
};
