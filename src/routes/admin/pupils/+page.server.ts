import { database } from '$lib/server/db';
import { requireRole } from '$lib/server/auth/guard';
import { listSchools } from '$lib/server/schools/schools';
import { findPupils } from '$lib/server/privacy/pupils';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'admin');
	const db = database();
	const schools = await listSchools(db);
	const schoolId = Number(event.url.searchParams.get('school'));
	const school = schools.find((s) => s.id === schoolId);
	const query = (event.url.searchParams.get('q') ?? '').slice(0, 120);
	const erased = Number(event.url.searchParams.get('erased')) || null;
	return {
		schools,
		schoolId: school?.id ?? null,
		query,
		erased,
		pupils: school && query.trim() ? await findPupils(db, school.id, query) : null
	};
};
