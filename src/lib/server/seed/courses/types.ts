// The shape of a course's content file (seed/courses/*.ts): lessons of seed exercises, in order.
import type { CourseConcept } from '../../db/types';
import type { SeedExercise } from '../exercises';

export interface SeedCourseLesson {
	slug: string;
	title: string;
	concept: CourseConcept;
	summary: string;
	/** Title of the seeded STEM lesson this course lesson prepares (linked by title). */
	stemLesson?: string;
	exercises: SeedExercise[];
}

export interface SeedCourse {
	slug: string;
	title: string;
	gradeFrom: number;
	gradeTo: number;
	summary: string;
	lessons: SeedCourseLesson[];
}
