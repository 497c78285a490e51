// Attitude: the survey forms' results per group and scale (pre and post means, the change, the spread
// after), taken with the snapshot from the pupils' and teachers' scale scores, per school, class and grade
// (and per class and gender or ethnicity). The surveys domain collects the answers; the dashboard reads
// their results here, in the reports domain.
import { sql } from 'kysely';
import { m } from '$lib/paraglide/messages';
import { scaleName } from '$lib/progress-labels';
import type { Conn } from '../db';
import { engineOf } from '../db/connect';
import type { SurveyScale } from '../db/types';
import { change, spreadOf, type Spread } from '../surveys/scoring';
import { ALL_SCALES } from '../surveys/surveys';
import { cellGroup, liveView } from './reach';
import type { Indicator, ViewContext } from './indicator';
import type { Dimension, Scope } from './scope';
import { byLabel, dimensionLabel, groupLabel, v, type Table } from './table';

const PHASES = ['pre', 'post'] as const;

/**
 * Sums of scale scores: per key, a flat list of [phase × 8 + scale index, responses, sum, sum of squares]
 * (sums rounded to 6 decimals: the results show 2).
 */
type Sums = Record<string, number[]>;

export interface FormFacts {
	id: number;
	audience: string;
	title: string;
	/** its version (migration 0025; a snapshot taken before has none: 1) */
	version?: number;
	/** replaced by a newer version (shown only where it has windows in the year) */
	replaced?: boolean;
	/** keyed 'school|class|grade' (class 0: a teacher's response) */
	units: Sums;
	/** keyed 'school|class|gender' and 'school|class|ethnicity' */
	gender: Sums;
	ethnicity: Sums;
}

const r6 = (x: number) => Math.round(x * 1e6) / 1e6;

function add(s: Sums, key: string, slot: number, n: number, total: number, sq: number) {
	const list = (s[key] ??= []);
	for (let i = 0; i < list.length; i += 4)
		if (list[i] === slot) {
			list[i + 1] += n;
			list[i + 2] = r6(list[i + 2] + total);
			list[i + 3] = r6(list[i + 3] + sq);
			return;
		}
	list.push(slot, n, r6(total), r6(sq));
}

interface ScoreSums {
	window_id: number;
	scale: string;
	school_id: number;
	class_id: number | null;
	grade: number | null;
	gender: string;
	ethnicity: string;
	n: number;
	total: number;
	sq: number;
}

/**
 * Schools read per query: on SQLite (which answers synchronously) a province's answers are read in
 * slices, letting requests run between them. PostgreSQL answers asynchronously and reads the window at
 * once: sliced, it scanned every scale score once per slice (36 s for the synthetic province's two
 * windows on a loaded 2-core machine, against about 1 s in one query).
 */
const schoolsPerSlice = (db: Conn) => (engineOf(db) === 'postgres' ? Infinity : 25);

/** The sums of a window's scale scores per school, class, grade, gender, ethnicity and scale. */
async function windowSums(db: Conn, windowId: number): Promise<ScoreSums[]> {
	const schools = (
		await db
			.selectFrom('survey_window_schools')
			.select('school_id')
			.where('window_id', '=', windowId)
			.orderBy('school_id')
			.execute()
	).map((r) => Number(r.school_id));
	const out: ScoreSums[] = [];
	// Slices of the window's schools by id, then any other school a response names (one taken off later).
	const uppers: number[] = [];
	const per = schoolsPerSlice(db);
	for (let i = 0; i < schools.length; i += per)
		uppers.push(schools[Math.min(i + per, schools.length) - 1]);
	if (!uppers.length) uppers.push(-1);
	for (let i = 0; i <= uppers.length; i++) {
		const where =
			i === 0
				? sql`r.school_id <= ${uppers[0]}`
				: i < uppers.length
					? sql`r.school_id > ${uppers[i - 1]} AND r.school_id <= ${uppers[i]}`
					: sql`r.school_id > ${uppers[i - 1]}`;
		await new Promise((resolve) => setImmediate(resolve));
		const { rows } = await sql<ScoreSums>`
			SELECT r.window_id, sc.scale, r.school_id, r.class_id, r.grade, r.gender, r.ethnicity,
				COUNT(*) AS n, SUM(sc.score) AS total, SUM(sc.score * sc.score) AS sq
			FROM survey_responses r JOIN survey_scale_scores sc ON sc.response_id = r.id
			WHERE r.window_id = ${windowId} AND ${where}
			GROUP BY r.school_id, r.class_id, r.grade, r.gender, r.ethnicity, sc.scale, r.window_id`.execute(
			db
		);
		out.push(...rows);
	}
	return out;
}

export async function takeAttitude(db: Conn, scope: Scope): Promise<FormFacts[]> {
	const forms = await db
		.selectFrom('survey_forms')
		.select(['id', 'audience', 'title', 'version', 'replaced_at'])
		.orderBy('id')
		.execute();
	const windows = new Map(
		(
			await db
				.selectFrom('survey_windows')
				.select(['id', 'form_id', 'phase'])
				.where('school_year_id', '=', scope.yearId)
				.execute()
		).map((w) => [w.id, w])
	);
	const rows: ScoreSums[] = [];
	for (const w of windows.keys()) rows.push(...(await windowSums(db, w)));
	// Pre and post are compared within one version: each version is a form of its own. An earlier
	// version is shown for a year in which it had windows.
	const used = new Set([...windows.values()].map((w) => w.form_id));
	const out = forms
		.filter((f) => f.replaced_at === null || used.has(f.id))
		.map(({ replaced_at, ...f }) => ({
			...f,
			replaced: replaced_at !== null,
			units: {},
			gender: {},
			ethnicity: {}
		})) as FormFacts[];
	const byId = new Map(out.map((f) => [f.id, f]));
	for (const r of rows) {
		const w = windows.get(r.window_id);
		const f = w && byId.get(w.form_id);
		if (!w || !f) continue;
		const slot = PHASES.indexOf(w.phase as 'pre') * 8 + ALL_SCALES.indexOf(r.scale as SurveyScale);
		const at = `${r.school_id}|${r.class_id ?? 0}`;
		const [n, total, sq] = [Number(r.n), Number(r.total), Number(r.sq)];
		add(f.units, `${at}|${r.grade ?? 0}`, slot, n, total, sq);
		add(f.gender, `${at}|${r.gender ?? ''}`, slot, n, total, sq);
		add(f.ethnicity, `${at}|${r.ethnicity ?? ''}`, slot, n, total, sq);
	}
	return out;
}

export interface ScaleResult {
	key: string;
	label: string;
	scale: string;
	pre: Spread;
	post: Spread;
	change: number | null;
	hidden: boolean;
}

/** The group of a unit of sums in a view (undefined: not in the view). */
function groupOf(
	view: ViewContext,
	dim: Dimension | 'all',
	key: string
): [string, string] | undefined {
	const [school, cls, value] = key.split('|');
	const place = view.schools.get(Number(school));
	if (!place || (view.scope.classId && Number(cls) !== view.scope.classId)) return undefined;
	if (dim === 'grade' || dim === 'gender' || dim === 'ethnicity') return [value, value];
	if (dim !== 'class') return cellGroup(place, dim);
	const c = view.classes.get(Number(cls));
	return c ? cellGroup(c, 'class') : ['', ''];
}

/**
 * Results of a form in the view, per group and scale: pre and post mean, spread, change.
 * A group with fewer than 10 responses on either side is hidden.
 */
export function attitudeRows(
	f: FormFacts,
	view: ViewContext,
	dim: Dimension | 'all'
): ScaleResult[] {
	const source = dim === 'gender' ? f.gender : dim === 'ethnicity' ? f.ethnicity : f.units;
	const sums = new Map<string, { key: string; label: string; slot: number; s: number[] }>();
	for (const [unit, list] of Object.entries(source)) {
		const g = groupOf(view, dim, unit);
		if (!g) continue;
		for (let i = 0; i < list.length; i += 4) {
			const id = `${g[0]}|${list[i]}`;
			const e = sums.get(id) ?? { key: g[0], label: g[1], slot: list[i], s: [0, 0, 0] };
			for (let j = 0; j < 3; j++) e.s[j] += list[i + 1 + j];
			sums.set(id, e);
		}
	}
	const byKey = new Map<string, Omit<ScaleResult, 'change' | 'hidden'>>();
	const empty = (): Spread => ({ n: 0, mean: null, sd: null });
	for (const e of sums.values()) {
		const scale = ALL_SCALES[e.slot % 8];
		const id = `${e.key}|${scale}`;
		const entry = byKey.get(id) ?? {
			key: e.key,
			label: e.label,
			scale,
			pre: empty(),
			post: empty()
		};
		entry[PHASES[Math.floor(e.slot / 8)]] = spreadOf(e.s[0], e.s[1], e.s[2]);
		byKey.set(id, entry);
	}
	return [...byKey.values()]
		.sort(
			(a, b) =>
				byLabel(a, b) ||
				ALL_SCALES.indexOf(a.scale as SurveyScale) - ALL_SCALES.indexOf(b.scale as SurveyScale)
		)
		.map((e) => {
			const n = Math.min(e.pre.n || Infinity, e.post.n || Infinity);
			const hidden = n < 10;
			const row: ScaleResult = { ...e, change: change(e.pre, e.post), hidden };
			if (hidden) {
				row.pre = { n: e.pre.n < 10 ? 0 : e.pre.n, mean: null, sd: null };
				row.post = { n: e.post.n < 10 ? 0 : e.post.n, mean: null, sd: null };
				row.change = null;
			}
			return row;
		});
}

/** The form's title, and its version once there are several ("… (phiên bản 2)"). */
function formLabel(f: FormFacts): string {
	const version = f.version ?? 1;
	return version > 1 || f.replaced ? `${f.title} (${m.progress_version({ n: version })})` : f.title;
}

/** A row per group; per scale the pre and post means, the change and the spread (SD) after. */
function attitudeTable(f: FormFacts, view: ViewContext): Table {
	const { dim } = view;
	const res = attitudeRows(f, view, dim);
	const scales = ALL_SCALES.filter((sc) => res.some((r) => r.scale === sc));
	const byGroup = new Map<string, ScaleResult[]>();
	for (const r of res) byGroup.set(r.key, [...(byGroup.get(r.key) ?? []), r]);
	return {
		id: f.replaced ? `attitude_${f.audience}_v${f.version}` : `attitude_${f.audience}`,
		title: m.progress_t_attitude({ form: formLabel(f) }),
		columns: [
			dimensionLabel(dim),
			m.progress_col_pre_n(),
			m.progress_col_post_n(),
			...scales.flatMap((sc) => [
				`${scaleName(sc)}: ${m.progress_col_pre_mean()}`,
				`${scaleName(sc)}: ${m.progress_col_post_mean()}`,
				`${scaleName(sc)}: ${m.progress_col_change()}`,
				`${scaleName(sc)}: ${m.progress_col_post_sd()}`
			])
		],
		rows: [...byGroup.values()].map((rs) => {
			const hidden = rs.some((r) => r.hidden);
			const cell = (sc: string, pick: (r: ScaleResult) => number | null) => {
				const r = rs.find((x) => x.scale === sc);
				return v(r ? pick(r) : null, hidden);
			};
			return {
				label: groupLabel(dim, rs[0].key, rs[0].label),
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
	};
}

export const attitudeIndicator: Indicator<FormFacts[]> = {
	id: 'attitude',
	take: (db, scope) => takeAttitude(db, scope),
	tables: (forms, view) => forms.map((f) => attitudeTable(f, view))
};

/** A form's results in a scope, from facts taken now (the live form). */
export async function results(
	db: Conn,
	formId: number,
	scope: Scope,
	dim: Dimension | 'all'
): Promise<ScaleResult[]> {
	const form = (await takeAttitude(db, scope)).find((f) => f.id === formId);
	return form ? attitudeRows(form, await liveView(db, scope), dim) : [];
}
