// Localised names of the curriculum's codes, for the pages.
import { m } from '$lib/paraglide/messages';
import { levelNames, LEVELS_PRIMARY } from './lesson';
import type { CostBasis, LessonFieldError, LessonForm, LessonProcess } from './lesson';
import type { LessonStatus } from '$lib/server/db/types';

export const statusLabel = (s: LessonStatus) =>
	({
		draft: m.lesson_status_draft,
		review: m.lesson_status_review,
		published: m.lesson_status_published,
		archived: m.lesson_status_archived
	})[s]();
export const formLabel = (f: LessonForm) =>
	({
		lesson: m.lesson_form_lesson,
		experience: m.lesson_form_experience,
		research: m.lesson_form_research
	})[f]();
export const processLabel = (p: LessonProcess) =>
	({ engineering: m.lesson_process_engineering, inquiry: m.lesson_process_inquiry })[p]();
export const basisLabel = (b: CostBasis | undefined) =>
	({
		group: m.lesson_basis_group,
		class: m.lesson_basis_class,
		pupil: m.lesson_basis_pupil
	})[b ?? 'class']();
export const partLabel = (p: 'aims' | 'content' | 'product' | 'organisation') =>
	({
		aims: m.lesson_part_aims,
		content: m.lesson_part_content,
		product: m.lesson_part_product,
		organisation: m.lesson_part_organisation
	})[p]();

/**
 * The assessment levels of a lesson's grades in the reader's language, lowest first (Thông tư 27's
 * three in primary, four from grade 6): levelNames' Vietnamese names are the lesson's own data.
 */
export function levelLabels(grades: number[]): string[] {
	return levelNames(grades) === LEVELS_PRIMARY
		? [m.lesson_level_primary_1(), m.lesson_level_primary_2(), m.lesson_level_primary_3()]
		: [
				m.lesson_level_secondary_1(),
				m.lesson_level_secondary_2(),
				m.lesson_level_secondary_3(),
				m.lesson_level_secondary_4()
			];
}

const TOP: Record<string, () => string> = {
	title: m.lesson_field_title,
	grades: m.lesson_field_grades,
	subjects: m.lesson_field_subjects,
	form: m.lesson_field_form,
	process: m.lesson_field_process,
	periods: m.lesson_field_periods,
	overview: m.lesson_field_overview,
	materials: m.lesson_field_materials,
	activities: m.lesson_field_activities,
	criteria: m.lesson_field_criteria,
	front_matter: m.lesson_field_file,
	format: m.lesson_field_format,
	'aims.knowledge': m.lesson_field_knowledge,
	'aims.competencies': m.lesson_field_competencies,
	'aims.qualities': m.lesson_field_qualities,
	safety: m.lesson_field_safety,
	worksheets: m.lesson_field_worksheets,
	groupSize: m.lesson_field_group_size
};
const SUB: Record<string, () => string> = {
	name: m.lesson_field_name,
	quantity: m.lesson_field_quantity,
	cost: m.lesson_field_cost,
	title: m.lesson_field_name,
	description: m.lesson_field_description,
	label: m.lesson_field_step_label,
	aims: m.lesson_part_aims,
	content: m.lesson_part_content,
	product: m.lesson_part_product,
	organisation: m.lesson_part_organisation,
	basis: m.lesson_basis,
	periods: m.lesson_field_periods,
	levels: m.lesson_levels,
	number: m.lesson_field_name,
	body: m.lesson_part_content
};

/** "Hoạt động 3 – b) Nội dung: chưa điền": the field in the user's words, then the problem. */
export function fieldName(field: string): string {
	if (TOP[field]) return TOP[field]();
	const [list, index, sub] = field.split('.');
	const n = Number(index) + 1;
	const item =
		list === 'activities'
			? m.lesson_field_activity({ n })
			: m.lesson_item({
					field:
						list === 'materials'
							? m.lesson_material()
							: list === 'worksheets'
								? m.lesson_worksheets()
								: m.lesson_criterion(),
					n
				});
	return sub && SUB[sub] ? `${item} – ${SUB[sub]()}` : item;
}

export function describeLessonError(e: LessonFieldError): string {
	const problem = {
		required: m.lesson_err_required,
		too_long: m.lesson_err_too_long,
		invalid: m.lesson_err_invalid,
		too_many: m.lesson_err_too_many,
		yaml: m.lesson_err_yaml,
		front_matter: m.lesson_err_front_matter
	}[e.code]();
	const where =
		e.code === 'yaml' && e.detail
			? ` (${m.lesson_err_at_line({ line: e.detail })})`
			: e.code === 'invalid' && e.detail
				? ` (“${e.detail.slice(0, 40)}”)`
				: '';
	return `${fieldName(e.field)}: ${problem}${where}`;
}
