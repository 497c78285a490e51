import { database } from '$lib/server/db';
import * as showcase from '$lib/server/projects/showcase';
import type { PageServerLoad } from './$types';

// Public, without sign-in: only projects whose every member's consent stands, first names only.
export const load: PageServerLoad = async () => ({
	projects: await showcase.listPublic(database())
});
