import { redirect } from '@sveltejs/kit';
import { HOME_OF } from '$lib/server/auth/guard';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => {
	if (locals.user) redirect(303, HOME_OF[locals.user.role]);
};
