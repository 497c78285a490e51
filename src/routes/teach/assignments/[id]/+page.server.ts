import { fail } from '@sveltejs/kit';
import { requireTeacherAssignment } from '$lib/server/projects/guard';
import * as assignments from '$lib/server/assignments/assignments';
import * as teams from '$lib/server/projects/teams';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { db, assignment } = await requireTeacherAssignment(event);
	const pupils = await assignments.targetPupils(db, assignment.id);
	const statuses = await assignments.pupilStatuses(
		db,
		assignment,
		pupils.map((p) => p.id)
	);
	return {
		assignment,
		classes: await assignments.listTargetClasses(db, assignment.id),
		pupils: pupils.map((p) => ({ ...p, work: statuses.get(p.id)! })),
		exercises:
			assignment.kind === 'exercises' ? await assignments.listExercises(db, assignment.id) : [],
		steps: assignment.kind === 'project' ? await assignments.listSteps(db, assignment.id) : [],
		teams: assignment.kind === 'project' ? await teams.listTeams(db, assignment.id) : []
	};
};

export const actions: Actions = {
	randomTeams: async (event) => {
		const { db, assignment } = await requireTeacherAssignment(event);
		if (assignment.kind !== 'project') return fail(400, { teamError: 'invalid' });
		const size = Number((await event.request.formData()).get('size'));
		const r = await db
			.transaction()
			.execute((tx) => teams.createRandomTeams(tx, assignment.id, size));
		if (!r.ok) return fail(400, { teamError: r.error });
		return { teamsMade: r.ids.length };
	},
	handTeam: async (event) => {
		const { db, assignment } = await requireTeacherAssignment(event);
		if (assignment.kind !== 'project') return fail(400, { teamError: 'invalid' });
		const ids = (await event.request.formData()).getAll('pupilIds').map(Number);
		const r = await db.transaction().execute((tx) => teams.createTeams(tx, assignment.id, [ids]));
		if (!r.ok) return fail(400, { teamError: r.error });
		return { teamsMade: 1 };
	},
	deleteTeam: async (event) => {
		const { db, assignment } = await requireTeacherAssignment(event);
		const teamId = Number((await event.request.formData()).get('teamId'));
		const team = await teams.getTeam(db, teamId);
		if (!team || team.assignmentId !== assignment.id) return fail(400, { teamError: 'invalid' });
		const ok = await db.transaction().execute((tx) => teams.deleteEmptyTeam(tx, teamId));
		if (!ok) return fail(400, { teamError: 'has_work' });
		return { teamDeleted: true };
	},
	close: async (event) => {
		const { db, assignment } = await requireTeacherAssignment(event);
		await assignments.setClosed(db, assignment.id, true);
		return { closedNow: true };
	},
	reopen: async (event) => {
		const { db, assignment } = await requireTeacherAssignment(event);
		await assignments.setClosed(db, assignment.id, false);
		return { reopened: true };
	}
};
