// The demo pilot, in order: each domain adds its own seed step here (one line each).
import type { DB } from '../db';
import { seedDemo } from './demo';
import { seedCurriculum } from './curriculum';
import { seedCourses } from './courses';
import { seedExercises } from './exercises';
import { seedProjects } from './projects';
import { seedProgress } from './progress';

export async function seedAll(db: DB, now = Date.now()): Promise<void> {
	await seedDemo(db, now);
	await seedCurriculum(db, now);
	await seedExercises(db, now);
	await seedCourses(db, now);
	await seedProjects(db, now);
	await seedProgress(db, now);
}
