// The built-in content of this version of the app: the department's lessons (seed/lessons/*.md) and the
// shared exercises (seed/exercises.ts and the four courses), each with a stable key.
import { seedLessonFiles } from '../seed/curriculum';
import { SEED_EXERCISES, type SeedExercise } from '../seed/exercises';
import { SEED_COURSES } from '../seed/courses';
import type { SeedCourse, SeedCourseLesson } from '../seed/courses/types';
import { exerciseKey, lessonKey } from './records';

export interface BuiltinLesson {
	key: string;
	/** the lesson's exchange file (Markdown) */
	text: string;
}

export interface CoursePlace {
	course: SeedCourse;
	/** 1-based, as seeded */
	coursePosition: number;
	lesson: SeedCourseLesson;
}

export interface BuiltinExercise {
	key: string;
	source: SeedExercise;
	/** the course lesson it belongs to; none for the standalone exercises */
	place: CoursePlace | null;
}

export interface BuiltinContent {
	lessons: BuiltinLesson[];
	exercises: BuiltinExercise[];
}

export function builtinContent(courses: SeedCourse[] = SEED_COURSES): BuiltinContent {
	return {
		lessons: seedLessonFiles().map((f) => ({ key: lessonKey(f.name), text: f.text })),
		exercises: [
			...SEED_EXERCISES.map((source) => ({ key: exerciseKey(source.title), source, place: null })),
			...courses.flatMap((course, i) =>
				course.lessons.flatMap((lesson) =>
					lesson.exercises.map((source) => ({
						key: exerciseKey(source.title, { course: course.slug, lesson: lesson.slug }),
						source,
						place: { course, coursePosition: i + 1, lesson }
					}))
				)
			)
		]
	};
}
