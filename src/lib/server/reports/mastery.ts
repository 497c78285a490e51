// Mastery: exercise attempts, pass rate, stars and hints, from the rollup the attempts' trigger keeps.
import { sql } from 'kysely';
import type { Conn } from '../db';
import {
	classConditions,
	groupExpressions,
	schoolConditions,
	semestersOf,
	type Dimension,
	type Scope
} from './scope';
import { hideSmall } from './hide';
import { pupilGroups, type GroupSize } from './reach';

export const CONCEPTS = ['sequence', 'loops', 'conditions', 'variables', 'functions'] as const;

export interface MasteryRow {
	key: string;
	label: string;
	pupils: number;
	attempts: number | null;
	passed: number | null;
	/** passed attempts / attempts, in per cent, one decimal */
	passRate: number | null;
	/** stars per passed attempt (0–3), two decimals */
	avgStars: number | null;
	/** hints per attempt, two decimals */
	hintsPerAttempt: number | null;
	hidden: boolean;
}

const round = (x: number, d: number) => Math.round(x * 10 ** d) / 10 ** d;

export function masteryFigures(t: {
	attempts: number;
	passed: number;
	stars: number;
	hints: number;
}) {
	return {
		attempts: t.attempts,
		passed: t.passed,
		passRate: t.attempts ? round((100 * t.passed) / t.attempts, 1) : null,
		avgStars: t.passed ? round(t.stars / t.passed, 2) : null,
		hintsPerAttempt: t.attempts ? round(t.hints / t.attempts, 2) : null
	};
}

async function sums(
	db: Conn,
	scope: Scope,
	key: ReturnType<typeof groupExpressions>,
	byPupil = false
) {
	const sem = semestersOf(scope.period);
	// Gender and ethnicity need the detailed rollups: per school above a class, per class within one;
	// every other breakdown reads the per-class totals.
	const perSchool = byPupil && !scope.classId;
	const from = perSchool
		? sql`progress_mastery_school g JOIN schools s ON s.id = g.school_id`
		: sql`${sql.raw(byPupil ? 'progress_mastery_rollup' : 'progress_mastery_class')} g JOIN classes c ON c.id = g.class_id JOIN schools s ON s.id = c.school_id`;
	const { rows } = await sql<{
		key: string | number;
		label: string | number;
		attempts: number;
		passed: number;
		stars: number;
		hints: number;
	}>`
		SELECT ${key.key} AS key, ${key.label} AS label, SUM(g.attempts) AS attempts, SUM(g.passed) AS passed,
			SUM(g.stars) AS stars, SUM(g.hints) AS hints
		FROM ${from}
		WHERE ${perSchool ? schoolConditions(scope, 'g') : classConditions(scope)} AND g.semester IN (${sql.join(sem)})
		GROUP BY 1, 2`.execute(db);
	return rows.map((r) => ({
		key: String(r.key),
		label: String(r.label),
		attempts: Number(r.attempts),
		passed: Number(r.passed),
		stars: Number(r.stars),
		hints: Number(r.hints)
	}));
}

/** Mastery per group; a group of fewer than 10 pupils (enrolled in the period) is hidden. */
export async function mastery(
	db: Conn,
	scope: Scope,
	dim: Dimension | 'all',
	now = Date.now(),
	known?: GroupSize[]
): Promise<MasteryRow[]> {
	const groups = known ?? (await pupilGroups(db, scope, dim, now));
	const work = new Map(
		(await sums(db, scope, groupExpressions(dim), dim === 'gender' || dim === 'ethnicity')).map(
			(r) => [r.key, r]
		)
	);
	return groups.map((gr) => {
		const w = work.get(gr.key) ?? { attempts: 0, passed: 0, stars: 0, hints: 0 };
		const row = { key: gr.key, label: gr.label, pupils: gr.pupils, ...masteryFigures(w) };
		return hideSmall(row, gr.pupils, [
			'attempts',
			'passed',
			'passRate',
			'avgStars',
			'hintsPerAttempt'
		] as const);
	});
}

export interface ConceptGradeRow extends MasteryRow {
	concept: string;
	grade: number;
}

/** Mastery by concept and grade: the pupils of a grade in the scope are the group. */
export async function masteryByConceptGrade(
	db: Conn,
	scope: Scope,
	now = Date.now(),
	known?: GroupSize[]
): Promise<ConceptGradeRow[]> {
	const grades = known ?? (await pupilGroups(db, scope, 'grade', now));
	const key = { key: sql.raw("g.concept || '|' || c.grade"), label: sql.raw('g.concept') };
	const work = new Map((await sums(db, scope, key)).map((r) => [r.key, r]));
	const out: ConceptGradeRow[] = [];
	for (const gr of grades) {
		for (const concept of CONCEPTS) {
			const w = work.get(`${concept}|${gr.key}`);
			if (!w) continue;
			const row = {
				key: `${concept}|${gr.key}`,
				label: concept,
				concept,
				grade: Number(gr.key),
				pupils: gr.pupils,
				...masteryFigures(w)
			};
			out.push(
				hideSmall(row, gr.pupils, [
					'attempts',
					'passed',
					'passRate',
					'avgStars',
					'hintsPerAttempt'
				] as const) as ConceptGradeRow
			);
		}
	}
	return out.sort(
		(a, b) =>
			CONCEPTS.indexOf(a.concept as never) - CONCEPTS.indexOf(b.concept as never) ||
			a.grade - b.grade
	);
}

/** Pass rate per concept over the whole scope (the chart "pass rate by concept"). */
export async function masteryByConcept(
	db: Conn,
	scope: Scope,
	now = Date.now(),
	known?: GroupSize[]
): Promise<MasteryRow[]> {
	const total = (known ?? (await pupilGroups(db, scope, 'all', now)))[0]?.pupils ?? 0;
	const work = new Map(
		(await sums(db, scope, { key: sql.raw('g.concept'), label: sql.raw('g.concept') })).map((r) => [
			r.key,
			r
		])
	);
	return CONCEPTS.map((concept) => {
		const w = work.get(concept) ?? { attempts: 0, passed: 0, stars: 0, hints: 0 };
		const row = { key: concept, label: concept, pupils: total, ...masteryFigures(w) };
		return hideSmall(row, total, [
			'attempts',
			'passed',
			'passRate',
			'avgStars',
			'hintsPerAttempt'
		] as const);
	});
}
