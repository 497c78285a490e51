// The pages a pupil's device keeps for use without a network (the service worker fetches them after
// the pupil's home page is shown): their to-do list, the exercise list, and every open exercise
// assignment with its exercises.
import type { Conn } from '../db';
import * as assignments from '../assignments/assignments';

export async function pagesToKeep(db: Conn, pupilId: number, now = Date.now()): Promise<string[]> {
	const urls = ['/learn', '/learn/exercises'];
	const work = await assignments.listPupilWork(db, pupilId, now);
	for (const w of work) {
		if (w.kind !== 'exercises' || w.closed) continue;
		urls.push(`/learn/assignments/${w.id}`);
		for (const e of await assignments.listExercises(db, w.id))
			urls.push(`/learn/exercises/${e.id}`);
	}
	return [...new Set(urls)];
}
