// A pupil's own progress: exercises solved and stars per concept, along the path of concepts.
import type { Conn } from '../db';

export const PATH = ['sequence', 'loops', 'conditions', 'variables', 'functions'] as const;

export async function myProgress(db: Conn, pupilId: number) {
	const rows = await db
		.selectFrom('exercise_attempts as a')
		.innerJoin('exercises as x', 'x.id', 'a.exercise_id')
		.select((eb) => [
			'x.id',
			'x.concept',
			eb.fn.max('a.passed').as('passed'),
			eb.fn
				.max(eb.case().when('a.passed', '=', 1).then(eb.ref('a.stars')).else(0).end())
				.as('stars')
		])
		.where('a.pupil_id', '=', pupilId)
		.groupBy('x.id')
		.execute();
	return PATH.map((concept) => {
		const mine = rows.filter((r) => r.concept === concept);
		const solved = mine.filter((r) => Number(r.passed) === 1);
		return {
			concept,
			tried: mine.length,
			solved: solved.length,
			stars: solved.reduce((s, r) => s + Number(r.stars), 0)
		};
	});
}

export interface PupilProject {
	assignmentId: number;
	title: string;
	dueOn: string;
	teamId: number;
	teamName: string;
}

/** The project teams a pupil is in (optionally only those of one class), newest due first: their portfolios. */
export async function pupilProjects(
	db: Conn,
	pupilId: number,
	classId?: number
): Promise<PupilProject[]> {
	let q = db
		.selectFrom('team_members as tm')
		.innerJoin('teams as t', 't.id', 'tm.team_id')
		.innerJoin('assignments as a', 'a.id', 't.assignment_id')
		.select([
			'a.id as assignmentId',
			'a.title',
			'a.due_on as dueOn',
			't.id as teamId',
			't.name as teamName'
		])
		.where('tm.pupil_id', '=', pupilId);
	if (classId !== undefined) q = q.where('t.class_id', '=', classId);
	return q.orderBy('a.due_on', 'desc').orderBy('a.id', 'desc').execute();
}
