// Mastery: exercise attempts, pass rate, stars and hints, from the rollups the attempts' trigger keeps,
// taken per class and concept (and per class and gender or ethnicity) with the snapshot.
import { sql } from 'kysely';
import { m } from '$lib/paraglide/messages';
import { conceptName } from '$lib/progress-labels';
import type { Conn } from '../db';
import { classConditions, semestersOf, type Dimension, type Scope } from './scope';
import { hideSmall } from './hide';
import { cellGroup, groupRoster, liveView, type GroupSize } from './reach';
import { addInto, type Indicator, type ViewContext } from './indicator';
import { dimensionLabel, groupLabel, v, type Table } from './table';

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
const WORK = ['attempts', 'passed', 'stars', 'hints'] as const;
type Work = Record<(typeof WORK)[number], number>;
const FIGURES = ['attempts', 'passed', 'passRate', 'avgStars', 'hintsPerAttempt'] as const;

export function masteryFigures(t: Work) {
	return {
		attempts: t.attempts,
		passed: t.passed,
		passRate: t.attempts ? round((100 * t.passed) / t.attempts, 1) : null,
		avgStars: t.passed ? round(t.stars / t.passed, 2) : null,
		hintsPerAttempt: t.attempts ? round(t.hints / t.attempts, 2) : null
	};
}

/** [class id, concept (or gender, or ethnicity), attempts, passed, stars, hints] */
type WorkCell = [number, string, number, number, number, number];

export interface MasteryFacts {
	/** per class and concept, over the period's semesters */
	concepts: WorkCell[];
	/** per class and the pupil's gender ('' when not given), over concepts and semesters */
	gender: WorkCell[];
	/** per class and the pupil's ethnicity */
	ethnicity: WorkCell[];
}

async function cells(db: Conn, scope: Scope, column: 'concept' | 'gender' | 'ethnicity') {
	const sem = semestersOf(scope.period);
	const from =
		column === 'concept' ? sql`progress_mastery_class g` : sql`progress_mastery_rollup g`;
	const { rows } = await sql<{
		class_id: number;
		k: string;
		attempts: number;
		passed: number;
		stars: number;
		hints: number;
	}>`
		SELECT g.class_id, ${sql.ref(`g.${column}`)} AS k, SUM(g.attempts) AS attempts, SUM(g.passed) AS passed,
			SUM(g.stars) AS stars, SUM(g.hints) AS hints
		FROM ${from} JOIN classes c ON c.id = g.class_id JOIN schools s ON s.id = c.school_id
		WHERE ${classConditions(scope)} AND g.semester IN (${sql.join(sem)})
		GROUP BY 1, 2`.execute(db);
	return rows.map((r): WorkCell => [
		Number(r.class_id),
		String(r.k),
		Number(r.attempts),
		Number(r.passed),
		Number(r.stars),
		Number(r.hints)
	]);
}

export async function takeMastery(db: Conn, scope: Scope): Promise<MasteryFacts> {
	return {
		concepts: await cells(db, scope, 'concept'),
		gender: await cells(db, scope, 'gender'),
		ethnicity: await cells(db, scope, 'ethnicity')
	};
}

/** Attempts summed per group of the view's classes; `key` names a cell's group (undefined: left out). */
function sumBy(rows: WorkCell[], view: ViewContext, key: (c: WorkCell) => string | undefined) {
	const out = new Map<string, Work>();
	for (const c of rows) {
		if (!view.classes.has(c[0])) continue;
		const k = key(c);
		if (k !== undefined) addInto(out, k, WORK, (f) => c[2 + WORK.indexOf(f)] as number);
	}
	return out;
}

const none: Work = { attempts: 0, passed: 0, stars: 0, hints: 0 };

function row(key: string, label: string, pupils: number, w: Work | undefined) {
	return hideSmall({ key, label, pupils, ...masteryFigures(w ?? none) }, pupils, FIGURES);
}

/** Mastery per group of the view; a group of fewer than 10 pupils (enrolled in the period) is hidden. */
export function masteryRows(
	f: MasteryFacts,
	view: ViewContext,
	dim: Dimension | 'all'
): MasteryRow[] {
	const work =
		dim === 'gender' || dim === 'ethnicity'
			? sumBy(f[dim], view, (c) => c[1])
			: sumBy(f.concepts, view, (c) => cellGroup(view.classes.get(c[0])!, dim)[0]);
	return groupRoster(view.roster, dim).map((g) => row(g.key, g.label, g.pupils, work.get(g.key)));
}

/** Pass rate per concept over the whole view (the chart "pass rate by concept"). */
export function conceptRows(f: MasteryFacts, view: ViewContext): MasteryRow[] {
	const total = groupRoster(view.roster, 'all')[0]?.pupils ?? 0;
	const work = sumBy(f.concepts, view, (c) => c[1]);
	return CONCEPTS.map((concept) => row(concept, concept, total, work.get(concept)));
}

export interface ConceptGradeRow extends MasteryRow {
	concept: string;
	grade: number;
}

/** Mastery by concept and grade: the pupils of a grade in the view are the group. */
export function conceptGradeRows(f: MasteryFacts, view: ViewContext): ConceptGradeRow[] {
	const grades: GroupSize[] = groupRoster(view.roster, 'grade');
	const work = sumBy(f.concepts, view, (c) => `${c[1]}|${view.classes.get(c[0])!.grade}`);
	const out: ConceptGradeRow[] = [];
	for (const gr of grades)
		for (const concept of CONCEPTS) {
			const w = work.get(`${concept}|${gr.key}`);
			if (!w) continue;
			const r = row(`${concept}|${gr.key}`, concept, gr.pupils, w);
			out.push({ ...r, concept, grade: Number(gr.key) });
		}
	return out.sort(
		(a, b) =>
			CONCEPTS.indexOf(a.concept as never) - CONCEPTS.indexOf(b.concept as never) ||
			a.grade - b.grade
	);
}

const columns = () => [
	m.progress_col_attempts(),
	m.progress_col_passed(),
	m.progress_col_pass_rate(),
	m.progress_col_stars(),
	m.progress_col_hints()
];
const figures = (r: MasteryRow) => FIGURES.map((f) => v(r[f], r.hidden));

function masteryTable(f: MasteryFacts, view: ViewContext): Table {
	const { dim } = view;
	const total = masteryRows(f, view, 'all')[0];
	return {
		id: 'mastery',
		title: m.progress_t_mastery(),
		columns: [dimensionLabel(dim), ...columns()],
		rows: [
			...masteryRows(f, view, dim).map((r) => ({
				label: groupLabel(dim, r.key, r.label),
				href: view.drill?.(dim, r.key),
				hidden: r.hidden,
				cells: figures(r)
			})),
			...(total ? [{ label: m.progress_total(), hidden: total.hidden, cells: figures(total) }] : [])
		]
	};
}

export const masteryIndicator: Indicator<MasteryFacts> = {
	id: 'mastery',
	take: (db, scope) => takeMastery(db, scope),
	tables: (f, view) => [
		masteryTable(f, view),
		{
			id: 'concepts',
			title: m.progress_t_concepts(),
			columns: [m.progress_col_concept(), ...columns()],
			rows: conceptRows(f, view).map((r) => ({
				label: conceptName(r.key),
				hidden: r.hidden,
				cells: figures(r)
			})),
			chart: { type: 'bar', valueIndex: 2, max: 100 }
		},
		{
			id: 'concept_grade',
			title: m.progress_t_concept_grade(),
			columns: [m.progress_col_concept_grade(), ...columns()],
			rows: conceptGradeRows(f, view).map((r) => ({
				label: `${conceptName(r.concept)} · ${m.grade_label({ grade: r.grade })}`,
				hidden: r.hidden,
				cells: figures(r)
			}))
		}
	]
};

// The live forms (tests, and any caller without a snapshot): the same figures from facts taken now.

export async function mastery(db: Conn, scope: Scope, dim: Dimension | 'all', now = Date.now()) {
	return masteryRows(await takeMastery(db, scope), await liveView(db, scope, now), dim);
}

export async function masteryByConcept(db: Conn, scope: Scope, now = Date.now()) {
	return conceptRows(await takeMastery(db, scope), await liveView(db, scope, now));
}

export async function masteryByConceptGrade(db: Conn, scope: Scope, now = Date.now()) {
	return conceptGradeRows(await takeMastery(db, scope), await liveView(db, scope, now));
}
