import { fail } from '@sveltejs/kit';
import { requireOpenClass, requireTeacherClass } from '$lib/server/classes/guard';
import * as grid from '$lib/server/progress/grid';
import * as plans from '$lib/server/progress/plans';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { db, cls } = await requireTeacherClass(event);
	const asked = event.url.searchParams.get('sort') as grid.GridSort;
	const sort = grid.GRID_SORTS.includes(asked) ? asked : 'name';
	return {
		cls,
		sort,
		grid: await grid.classGrid(db, cls.id, sort),
		plan: await plans.classPlan(db, cls.id)
	};
};

export const actions: Actions = {
	plan: async (event) => {
		const { user, db, cls } = await requireOpenClass(event);
		const form = await event.request.formData();
		const raw = { s1: String(form.get('s1') ?? ''), s2: String(form.get('s2') ?? '') };
		const s1 = plans.checkPlanned(raw.s1);
		const s2 = plans.checkPlanned(raw.s2);
		if (s1 === null || s2 === null) return fail(400, { planError: true, raw });
		await db.transaction().execute(async (tx) => {
			await plans.setPlan(tx, cls.id, 1, s1, user.id);
			await plans.setPlan(tx, cls.id, 2, s2, user.id);
		});
		return { planSaved: true };
	}
};
