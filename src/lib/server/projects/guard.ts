// Guards of the project pages: the record must be the viewer's (their team, their school's work they
// teach), otherwise the same 404 as for a record that does not exist.
import type { RequestEvent } from '@sveltejs/kit';
import { database } from '../db';
import { idParam, notFound, requireRole, requireTeacher } from '../auth/guard';
import { getAssignment, getAssignmentForTeacher } from '../assignments/assignments';
import { getTeam, getTeamForPupil } from './teams';

type Ev = Pick<RequestEvent, 'locals' | 'url' | 'params'>;

export async function requireTeacherAssignment(event: Ev) {
	const user = requireTeacher(event);
	const db = database();
	const assignment = await getAssignmentForTeacher(db, user, idParam(event.params.id));
	if (!assignment) notFound();
	return { user, db, assignment };
}

export async function requireTeacherTeam(event: Ev) {
	const { user, db, assignment } = await requireTeacherAssignment(event);
	const team = await getTeam(db, idParam(event.params.teamId));
	if (!team || team.assignmentId !== assignment.id) notFound();
	return { user, db, assignment, team };
}

/** A pupil and a team they belong to; another team's portfolio is a 404. */
export async function requirePupilTeam(event: Ev) {
	const user = requireRole(event, 'student');
	const db = database();
	const team = await getTeamForPupil(db, idParam(event.params.teamId), user.id);
	if (!team) notFound();
	const assignment = await getAssignment(db, team.assignmentId);
	if (!assignment) notFound();
	return { user, db, team, assignment };
}
