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

export function cellText(c: { status: string; stars: number; attempts: number; hints: number; stuck: boolean }): string {
	if (c.status === 'none') return '—';
	if (c.status === 'passed') return `✓ ${m.progress_status_passed()} ${'★'.repeat(c.stars)}${'☆'.repeat(3 - c.stars)} (${m.progress_n_attempts({ n: c.attempts })})`;
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
