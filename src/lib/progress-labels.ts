// Labels of progress shared by pages and exports: status in words and symbols, never colour alone.
import { m } from '$lib/paraglide/messages';

export function conceptName(c: string): string {
	const labels: Record<string, () => string> = {
		sequence: m.progress_concept_sequence,
		loops: m.progress_concept_loops,
		conditions: m.progress_concept_conditions,
		variables: m.progress_concept_variables,
		functions: m.progress_concept_functions
	};
	return labels[c]?.() ?? c;
}

/** A grid column's detail: an exercise's concept, or an assignment's kind. */
export function columnDetail(d: string): string {
	if (d === 'project') return m.progress_kind_project();
	if (d === 'exercises') return m.progress_kind_exercises();
	return conceptName(d);
}

export function workName(w: string): string {
	const labels: Record<string, () => string> = {
		not_started: m.progress_work_not_started,
		in_progress: m.progress_work_in_progress,
		submitted: m.progress_work_submitted,
		returned: m.progress_work_returned,
		late: m.progress_work_late,
		missing: m.progress_work_missing
	};
	return labels[w]?.() ?? w;
}

export function cellText(c: {
	status: string;
	stars: number;
	attempts: number;
	hints: number;
	stuck: boolean;
	work?: string;
	score?: { points: number; max: number };
}): string {
	if (c.work)
		return c.score ? `${workName(c.work)}: ${c.score.points}/${c.score.max}` : workName(c.work);
	if (c.status === 'none') return '—';
	if (c.status === 'passed')
		return `✓ ${m.progress_status_passed()} ${'★'.repeat(c.stars)}${'☆'.repeat(3 - c.stars)} (${m.progress_n_attempts({ n: c.attempts })})`;
	const base = `✗ ${m.progress_status_not_passed()} (${m.progress_n_attempts({ n: c.attempts })}, ${m.progress_n_hints({ n: c.hints })})`;
	return c.stuck ? `⚠ ${m.progress_stuck()}: ${base}` : base;
}

export function scaleName(s: string): string {
	const labels: Record<string, () => string> = {
		maths: m.progress_scale_maths,
		science: m.progress_scale_science,
		engineering: m.progress_scale_engineering,
		skills: m.progress_scale_skills,
		careers: m.progress_scale_careers,
		efficacy: m.progress_scale_efficacy,
		practices: m.progress_scale_practices
	};
	return labels[s]?.() ?? s;
}

/** The name of a breakdown (by school, commune, …), in the filters, the tables and the exports. */
export function dimensionLabel(d: string): string {
	const labels: Record<string, () => string> = {
		all: m.progress_dim_all,
		school: m.field_school,
		commune: m.field_commune,
		level: m.field_level,
		grade: m.progress_dim_grade,
		class: m.progress_dim_class,
		gender: m.progress_dim_gender,
		ethnicity: m.progress_dim_ethnicity
	};
	return labels[d]?.() ?? d;
}
