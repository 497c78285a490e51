// Who may see a team's work — its portfolio's photos and files — checked on every request for one
// (they are never in a served folder). Another school's teacher, another team's pupil, a signed-out
// visitor: no, and the record answers 404 as if it did not exist.
import type { Conn } from '../db';
import type { SessionUser } from '../auth/session';
import { getAssignmentForTeacher } from '../assignments/assignments';
import { getEntry, isPublic } from './showcase';
import type { Team } from './teams';

export type Viewer = Pick<SessionUser, 'id' | 'role' | 'schoolId'> | null | undefined;

/**
 * The team's members and the teachers of its assignment. With `showcase` (photos): also anyone
 * while the project is public in the showcase (every consent standing), and the department once it is
 * proposed there (it reviews proposals before featuring them). Files never leave the team.
 */
export async function maySeeTeamWork(
	db: Conn,
	viewer: Viewer,
	team: Team,
	{ showcase }: { showcase: boolean }
): Promise<boolean> {
	if (showcase && (await isPublic(db, team.id))) return true;
	if (viewer?.role === 'student') return team.members.some((x) => x.id === viewer.id);
	if (viewer?.role === 'teacher' && viewer.schoolId) {
		const teacher = { id: viewer.id, schoolId: viewer.schoolId };
		return !!(await getAssignmentForTeacher(db, teacher, team.assignmentId));
	}
	if (viewer?.role === 'department' && showcase) return !!(await getEntry(db, team.id));
	return false;
}
