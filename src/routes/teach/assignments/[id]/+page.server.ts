import { fail, redirect } from '@sveltejs/kit';
import { requireTeacherAssignment } from '$lib/server/projects/guard';
import * as assignments from '$lib/server/assignments/assignments';
import * as teams from '$lib/server/projects/teams';
import * as changes from '$lib/server/assignments/changes';
import { listTeacherClasses } from '$lib/server/classes/classes';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { db, user, assignment } = await requireTeacherAssignment(event);
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
		teams: assignment.kind === 'project' ? await teams.listTeams(db, assignment.id) : [],
		hasWork: await changes.hasWork(db, assignment),
		archived: await changes.isArchived(db, assignment.id),
		myClasses: (await listTeacherClasses(db, user.id)).map((c) => ({ id: c.id, name: c.name }))
	};
};

const text = (form: FormData, name: string, max: number) =>
	String(form.get(name) ?? '').slice(0, max);

export const actions: Actions = {
	edit: async (event) => {
		const { db, assignment } = await requireTeacherAssignment(event);
		const form = await event.request.formData();
		const r = await changes.updateAssignment(db, assignment, {
			title: text(form, 'title', 500),
			instructions: text(form, 'instructions', 6000),
			opensOn: text(form, 'opensOn', 20),
			dueOn: text(form, 'dueOn', 20)
		});
		if (!r.ok) return fail(400, { editErrors: r.errors });
		return { changed: true };
	},
	extend: async (event) => {
		const { db, assignment } = await requireTeacherAssignment(event);
		const form = await event.request.formData();
		const dueOn = text(form, 'dueOn', 20);
		const pupilIds = form
			.getAll('pupilIds')
			.map(Number)
			.filter((n) => Number.isSafeInteger(n) && n > 0);
		const r = await db
			.transaction()
			.execute((tx) => changes.extendDue(tx, assignment, dueOn, pupilIds));
		if (!r.ok) return fail(400, { extendErrors: r.errors });
		return { extendedTo: dueOn };
	},
	duplicate: async (event) => {
		const { db, user, assignment } = await requireTeacherAssignment(event);
		const classId = Number((await event.request.formData()).get('classId'));
		const r = await db
			.transaction()
			.execute((tx) => changes.duplicateAssignment(tx, user, assignment, classId));
		if (!r.ok) return fail(400, { deleteError: undefined, duplicateError: true });
		redirect(303, `/teach/assignments/${r.id}`);
	},
	delete: async (event) => {
		const { db, assignment } = await requireTeacherAssignment(event);
		if ((await event.request.formData()).get('confirm') !== 'yes')
			return fail(400, { deleteError: 'confirm' });
		const ok = await db.transaction().execute((tx) => changes.deleteAssignment(tx, assignment));
		if (!ok) return fail(400, { deleteError: 'has_work' });
		redirect(303, '/teach/assignments');
	},
	archive: async (event) => {
		const { db, user, assignment } = await requireTeacherAssignment(event);
		await db.transaction().execute((tx) => changes.archiveAssignment(tx, assignment, user.id));
		return { archivedNow: true };
	},
	randomTeams: async (event) => {
		const { db, assignment } = await requireTeacherAssignment(event);
		if (assignment.kind !== 'project') return fail(400, { teamError: 'invalid' as const });
		const size = Number((await event.request.formData()).get('size'));
		const r = await db
			.transaction()
			.execute((tx) => teams.createRandomTeams(tx, assignment.id, size));
		if (!r.ok) return fail(400, { teamError: r.error });
		return { teamsMade: r.ids.length };
	},
	handTeam: async (event) => {
		const { db, assignment } = await requireTeacherAssignment(event);
		if (assignment.kind !== 'project') return fail(400, { teamError: 'invalid' as const });
		const ids = (await event.request.formData()).getAll('pupilIds').map(Number);
		const r = await db.transaction().execute((tx) => teams.createTeams(tx, assignment.id, [ids]));
		if (!r.ok) return fail(400, { teamError: r.error });
		return { teamsMade: 1 };
	},
	deleteTeam: async (event) => {
		const { db, assignment } = await requireTeacherAssignment(event);
		const teamId = Number((await event.request.formData()).get('teamId'));
		const team = await teams.getTeam(db, teamId);
		if (!team || team.assignmentId !== assignment.id)
			return fail(400, { teamError: 'invalid' as const });
		const ok = await db.transaction().execute((tx) => teams.deleteEmptyTeam(tx, teamId));
		if (!ok) return fail(400, { teamError: 'has_work' as const });
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
