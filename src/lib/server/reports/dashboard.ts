// The department's dashboard as a list of tables, built once and rendered three ways (page, Excel,
// printable report), so the three always hold the same numbers. Small groups are "< 10" in all three.
import type { Conn } from '../db';
import { m } from '$lib/paraglide/messages';
import { levelLabel } from '$lib/level';
import { genderLabel } from '$lib/pupil-errors';
import { shown } from './hide';
import { groupRoster, reach, rosterCells, type ClassFact, type RosterCell } from './reach';
import { periodTimes } from './scope';
import { mastery, masteryByConcept, masteryByConceptGrade } from './mastery';
import { dosage } from './dosage';
import { adoption, type AdoptionDimension } from './adoption';
import { weeklyActive } from './weekly';
import { formatDate } from '$lib/projects/format';
import {
	assignmentsMade,
	projectQuality,
	teamsComplete,
	type IndicatorModule,
	type IndicatorTable
} from './modules';
import * as surveys from '../surveys/surveys';
import type { Dimension, Scope } from './scope';

export type Cell = number | string;

export interface Table {
	id: string;
	title: string;
	/** the first column's heading, then the figures' */
	columns: string[];
	rows: { label: string; href?: string; hidden: boolean; cells: Cell[] }[];
	note?: string;
	/** a chart drawn from this table on the page: [label column, value column index] */
	chart?: { type: 'line' | 'bar'; valueIndex: number; max?: number };
}

export { conceptName as conceptLabel, scaleName as scaleLabel } from '$lib/progress-labels';
import {
	conceptName as conceptLabel,
	dimensionLabel,
	scaleName as scaleLabel
} from '$lib/progress-labels';

// Re-exported for the Excel export, which names the breakdown in its title.
export { dimensionLabel };

export function groupLabel(dim: Dimension | 'all', key: string, label: string): string {
	if (dim === 'all') return m.progress_dim_all_row();
	if (dim === 'level') return levelLabel(key);
	if (dim === 'gender') return key ? genderLabel(key) : m.not_given();
	if (dim === 'ethnicity') return key || m.not_given();
	if (dim === 'grade') return m.grade_label({ grade: key });
	return label;
}

const v = (x: number | null, hidden: boolean): Cell => shown(x, hidden);

/** "Active in the last 30 days", or "… of the period" once the period is over (see activeSince). */
function activeColumn(scope: Scope, now: number): string {
	return periodTimes(scope).to <= now ? m.progress_col_active_ended() : m.progress_col_active();
}

// Lets the requests that arrived meanwhile (a pupil's autosave) run between two of the dashboard's queries:
// better-sqlite3 answers synchronously, so a page computing a dozen tables would otherwise hold the server.
const yieldToRequests = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Every table of the dashboard for a scope, broken down by `dim`. `drill(dim, key)` gives the link of a
 * row one level down (a school, then a class), or undefined.
 */
export async function buildTables(
	db: Conn,
	scope: Scope,
	dim: Dimension,
	now = Date.now(),
	drill?: (dim: Dimension, key: string) => string | undefined,
	roster?: RosterCell[],
	classes?: ClassFact[]
): Promise<Table[]> {
	const tables: Table[] = [];
	const cells = roster ?? (await rosterCells(db, scope, now));
	const groups = groupRoster(cells, dim);
	const all = groupRoster(cells, 'all');
	const first = dimensionLabel(dim);
	const label = (key: string, l: string) => groupLabel(dim, key, l);

	await yieldToRequests();
	const reachTotal = (await reach(db, scope, 'all', now, all, classes))[0];
	const reachRows = await reach(db, scope, dim, now, groups, classes);
	tables.push({
		id: 'reach',
		title: m.progress_t_reach(),
		columns: [
			first,
			m.dept_schools(),
			m.dept_classes(),
			m.dept_teachers(),
			m.dept_pupils(),
			activeColumn(scope, now)
		],
		rows: [
			...reachRows.map((r) => ({
				label: label(r.key, r.label),
				href: drill?.(dim, r.key),
				hidden: r.hidden,
				cells: [
					r.schools ?? '',
					r.classes ?? '',
					r.teachers ?? '',
					v(r.pupils, r.hidden),
					v(r.active, r.hidden)
				]
			})),
			...(reachTotal
				? [
						{
							label: m.progress_total(),
							hidden: reachTotal.hidden,
							cells: [
								reachTotal.schools ?? 0,
								reachTotal.classes ?? 0,
								reachTotal.teachers ?? 0,
								v(reachTotal.pupils, reachTotal.hidden),
								v(reachTotal.active, reachTotal.hidden)
							]
						}
					]
				: [])
		]
	});

	await yieldToRequests();
	const weeks = await weeklyActive(db, scope);
	tables.push({
		id: 'weekly',
		title: m.progress_t_weekly(),
		columns: [m.progress_col_week(), m.progress_col_active_week()],
		// Weeks by their Monday, written the Vietnamese way (dd/mm/yyyy).
		rows: weeks.map((w) => ({
			label: formatDate(w.week),
			hidden: w.hidden,
			cells: [v(w.pupils, w.hidden)]
		})),
		chart: { type: 'line', valueIndex: 0 }
	});

	const masteryCols = [
		m.progress_col_attempts(),
		m.progress_col_passed(),
		m.progress_col_pass_rate(),
		m.progress_col_stars(),
		m.progress_col_hints()
	];
	const masteryCells = (r: {
		attempts: number | null;
		passed: number | null;
		passRate: number | null;
		avgStars: number | null;
		hintsPerAttempt: number | null;
		hidden: boolean;
	}) => [
		v(r.attempts, r.hidden),
		v(r.passed, r.hidden),
		v(r.passRate, r.hidden),
		v(r.avgStars, r.hidden),
		v(r.hintsPerAttempt, r.hidden)
	];
	await yieldToRequests();
	const byGroup = await mastery(db, scope, dim, now, groups);
	const masteryTotal = (await mastery(db, scope, 'all', now, all))[0];
	tables.push({
		id: 'mastery',
		title: m.progress_t_mastery(),
		columns: [first, ...masteryCols],
		rows: [
			...byGroup.map((r) => ({
				label: label(r.key, r.label),
				href: drill?.(dim, r.key),
				hidden: r.hidden,
				cells: masteryCells(r)
			})),
			...(masteryTotal
				? [
						{
							label: m.progress_total(),
							hidden: masteryTotal.hidden,
							cells: masteryCells(masteryTotal)
						}
					]
				: [])
		]
	});
	await yieldToRequests();
	const byConcept = await masteryByConcept(db, scope, now, all);
	tables.push({
		id: 'concepts',
		title: m.progress_t_concepts(),
		columns: [m.progress_col_concept(), ...masteryCols],
		rows: byConcept.map((r) => ({
			label: conceptLabel(r.key),
			hidden: r.hidden,
			cells: masteryCells(r)
		})),
		chart: { type: 'bar', valueIndex: 2, max: 100 }
	});
	const grades = dim === 'grade' ? groups : groupRoster(cells, 'grade');
	await yieldToRequests();
	const cg = await masteryByConceptGrade(db, scope, now, grades);
	tables.push({
		id: 'concept_grade',
		title: m.progress_t_concept_grade(),
		columns: [m.progress_col_concept_grade(), ...masteryCols],
		rows: cg.map((r) => ({
			label: `${conceptLabel(r.concept)} · ${m.grade_label({ grade: r.grade })}`,
			hidden: r.hidden,
			cells: masteryCells(r)
		}))
	});

	const classDim =
		dim === 'gender' || dim === 'ethnicity'
			? scope.classId
				? 'class'
				: scope.schoolId
					? 'class'
					: 'school'
			: dim;
	await yieldToRequests();
	const dos = await dosage(db, scope, classDim);
	tables.push({
		id: 'dosage',
		title: m.progress_t_dosage(),
		columns: [
			dimensionLabel(classDim),
			m.dept_classes(),
			m.progress_col_lessons_taught(),
			m.progress_col_periods(),
			m.progress_col_planned(),
			m.progress_col_of_plan()
		],
		rows: dos.map((r) => ({
			label: groupLabel(classDim, r.key, r.label),
			href: drill?.(classDim, r.key),
			hidden: false,
			cells: [r.classes, r.lessonsTaught, r.periods, r.planned, r.ofPlan ?? '']
		}))
	});

	const adoptDim: AdoptionDimension =
		dim === 'commune' || dim === 'level' ? dim : scope.schoolId ? 'all' : 'school';
	await yieldToRequests();
	const adopt = await adoption(db, scope, adoptDim);
	tables.push({
		id: 'adoption',
		title: m.progress_t_adoption(),
		columns: [
			dimensionLabel(adoptDim),
			m.dept_teachers(),
			m.progress_col_teachers_teaching(),
			m.progress_col_written(),
			m.progress_col_adapted(),
			m.progress_col_lessons_taught(),
			m.progress_col_exercises()
		],
		rows: adopt.map((r) => ({
			label: groupLabel(adoptDim, r.key, r.label),
			hidden: false,
			cells: [
				r.teachers,
				r.teachersTeaching,
				r.lessonsWritten,
				r.lessonsAdapted,
				r.lessonsTaught,
				r.exercisesAuthored
			]
		}))
	});

	// Attitude: a row per group; per scale the pre and post means, the change and the spread (SD) after.
	for (const form of await surveys.listForms(db)) {
		await yieldToRequests();
		const res = await surveys.results(db, form.id, scope, dim);
		const scales = surveys.ALL_SCALES.filter((sc) => res.some((r) => r.scale === sc));
		const byGroup = new Map<string, typeof res>();
		for (const r of res) byGroup.set(r.key, [...(byGroup.get(r.key) ?? []), r]);
		tables.push({
			id: `attitude_${form.audience}`,
			title: m.progress_t_attitude({ form: form.title }),
			columns: [
				first,
				m.progress_col_pre_n(),
				m.progress_col_post_n(),
				...scales.flatMap((sc) => [
					`${scaleLabel(sc)}: ${m.progress_col_pre_mean()}`,
					`${scaleLabel(sc)}: ${m.progress_col_post_mean()}`,
					`${scaleLabel(sc)}: ${m.progress_col_change()}`,
					`${scaleLabel(sc)}: ${m.progress_col_post_sd()}`
				])
			],
			rows: [...byGroup.values()].map((rs) => {
				const hidden = rs.some((r) => r.hidden);
				const cell = (sc: string, f: (r: (typeof rs)[number]) => number | null) => {
					const r = rs.find((x) => x.scale === sc);
					return v(r ? f(r) : null, hidden);
				};
				return {
					label: label(rs[0].key, rs[0].label),
					hidden,
					cells: [
						v(rs[0].pre.n || null, hidden),
						v(rs[0].post.n || null, hidden),
						...scales.flatMap((sc) => [
							cell(sc, (r) => r.pre.mean),
							cell(sc, (r) => r.post.mean),
							cell(sc, (r) => r.change),
							cell(sc, (r) => r.post.sd)
						])
					]
				};
			}),
			note: res.length ? undefined : m.progress_no_responses()
		});
	}

	// Projects (issue 5): quality by the page's breakdown where the module supports it, else by school.
	const pick = (mod: IndicatorModule, fallback: Dimension | 'all'): Dimension | 'all' =>
		mod.dimensions.includes(dim) ? dim : fallback;
	const placeDim: Dimension | 'all' = scope.classId ? 'all' : scope.schoolId ? 'class' : 'school';
	const qualityDim = pick(projectQuality, scope.classId ? 'all' : 'school');
	await yieldToRequests();
	tables.push(
		moduleTable(
			'project_quality',
			m.progress_t_project_quality(),
			qualityDim,
			await projectQuality.compute!(db, scope, qualityDim),
			m.progress_project_note()
		)
	);
	if (!scope.classId) {
		await yieldToRequests();
		const bySchool =
			qualityDim === 'school'
				? tables.at(-1)!
				: moduleTable('', '', 'school', await projectQuality.compute!(db, scope, 'school'));
		const avg = bySchool.columns.length - 5; // the 'average' column's index among the figures
		tables.push({
			...bySchool,
			id: 'rubric_profile',
			title: m.progress_t_rubric_profile(),
			chart:
				avg >= 0 && bySchool.rows.length ? { type: 'bar', valueIndex: avg, max: 100 } : undefined
		});
	}
	const teamsDim = pick(teamsComplete, placeDim);
	await yieldToRequests();
	tables.push(
		moduleTable(
			'teams_complete',
			m.progress_t_teams_complete(),
			teamsDim,
			await teamsComplete.compute!(db, scope, teamsDim)
		)
	);
	const assignDim = pick(assignmentsMade, scope.schoolId ? 'all' : 'school');
	await yieldToRequests();
	tables.push(
		moduleTable(
			'assignments',
			m.progress_t_assignments(),
			assignDim,
			await assignmentsMade.compute!(db, scope, assignDim)
		)
	);
	return tables;
}

function moduleColumn(id: string, titles?: Record<string, string>): string {
	if (titles?.[id]) return `${titles[id]} (%)`;
	const labels: Record<string, () => string> = {
		average: m.progress_col_rubric_average,
		teams: m.progress_col_teams,
		reviews: m.progress_col_reviews,
		pupils: m.dept_pupils,
		teams_complete: m.progress_col_teams_complete,
		share_complete: m.progress_col_share_complete,
		teachers: m.dept_teachers,
		teachers_assigning: m.progress_col_teachers_assigning,
		assigned: m.progress_col_assigned,
		projects: m.progress_col_projects,
		exercise_sets: m.progress_col_exercise_sets,
		per_teacher: m.progress_col_per_teacher
	};
	return labels[id]?.() ?? id;
}

/** An indicator module's table as a dashboard table; hidden groups show "< 10" in every figure. */
function moduleTable(
	id: string,
	title: string,
	dim: Dimension | 'all',
	t: IndicatorTable,
	note?: string
): Table {
	return {
		id,
		title,
		columns: [dimensionLabel(dim), ...t.columns.map((c) => moduleColumn(c, t.titles))],
		rows: t.rows.map((r) => ({
			label: groupLabel(dim, r.key, r.label),
			hidden: r.hidden,
			cells: t.columns.map((c) => v(r.values[c] ?? null, r.hidden))
		})),
		note: t.rows.length ? note : m.progress_no_data()
	};
}
