import type { LayoutServerLoad } from './$types';

// Only what the header needs; every page guards its own data.
export const load: LayoutServerLoad = ({ locals }) => ({
	user: locals.user ? { role: locals.user.role, fullName: locals.user.fullName } : null
});
