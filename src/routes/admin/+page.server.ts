import { database } from '$lib/server/db';
import { requireRole } from '$lib/server/auth/guard';
import { currentYear } from '$lib/server/schools/years';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'admin');
	const db = database();
	const count = async (table: 'schools' | 'classes') =>
		Number(
			(
				await db
					.selectFrom(table)
					.select((eb) => eb.fn.countAll<number>().as('n'))
					.executeTakeFirstOrThrow()
			).n
		);
	const staff = await db
		.selectFrom('users')
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.where('role', '<>', 'student')
		.executeTakeFirstOrThrow();
	return {
		schools: await count('schools'),
		classes: await count('classes'),
		staff: Number(staff.n),
		year: await currentYear(db)
	};
};
