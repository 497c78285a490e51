// Reading the dashboard's filters from the address, so every view (page, export, report) is a link.
import type { Conn } from '../db';
import type { SchoolLevel } from '../db/types';
import { notFound } from '../auth/guard';
import { listYears } from '../schools/years';
import { DIMENSIONS, LEVELS, PERIODS, type Dimension, type Period, type Scope } from './scope';

export interface DashboardView {
	scope: Scope;
	dim: Dimension;
	years: { id: number; name: string }[];
	yearName: string;
	schools: { id: number; name: string; commune: string; level: SchoolLevel }[];
	communes: string[];
	school: { id: number; name: string } | null;
	cls: { id: number; name: string; schoolId: number; schoolName: string } | null;
	/** the query string of this view, without `by` */
	query: string;
}

export async function readView(db: Conn, url: URL): Promise<DashboardView | null> {
	const years = await listYears(db);
	if (!years.length) return null;
	const p = url.searchParams;
	const year =
		years.find((y) => String(y.id) === p.get('year')) ?? years.find((y) => y.isCurrent) ?? years[0];
	const period = (PERIODS as string[]).includes(p.get('period') ?? '')
		? (p.get('period') as Period)
		: 'year';
	const level = (LEVELS as string[]).includes(p.get('level') ?? '')
		? (p.get('level') as SchoolLevel)
		: undefined;
	const schools = await db
		.selectFrom('schools')
		.select(['id', 'name', 'commune', 'level'])
		.orderBy('name')
		.execute();
	const communes = [...new Set(schools.map((s) => s.commune))].sort((a, b) =>
		a.localeCompare(b, 'vi')
	);
	const commune = communes.includes(p.get('commune') ?? '')
		? (p.get('commune') as string)
		: undefined;
	let school: DashboardView['school'] = null;
	let cls: DashboardView['cls'] = null;
	if (p.get('class')) {
		const row = await db
			.selectFrom('classes as c')
			.innerJoin('schools as s', 's.id', 'c.school_id')
			.select(['c.id', 'c.name', 'c.school_id', 's.name as school_name', 'c.school_year_id'])
			.where('c.id', '=', Number(p.get('class')) || -1)
			.executeTakeFirst();
		if (!row) notFound();
		cls = { id: row.id, name: row.name, schoolId: row.school_id, schoolName: row.school_name };
		school = { id: row.school_id, name: row.school_name };
	} else if (p.get('school')) {
		const row = schools.find((s) => String(s.id) === p.get('school'));
		if (!row) notFound();
		school = { id: row.id, name: row.name };
	}
	const defaultDim: Dimension = cls ? 'gender' : school ? 'class' : 'school';
	const asked = p.get('by') as Dimension;
	let dim = DIMENSIONS.includes(asked) ? asked : defaultDim;
	if (cls && !['gender', 'ethnicity', 'class'].includes(dim)) dim = 'gender';
	const q = new URLSearchParams();
	q.set('year', String(year.id));
	q.set('period', period);
	if (level) q.set('level', level);
	if (commune) q.set('commune', commune);
	if (school && !cls) q.set('school', String(school.id));
	if (cls) q.set('class', String(cls.id));
	return {
		scope: {
			yearId: year.id,
			yearStartsOn: year.startsOn,
			yearEndsOn: year.endsOn,
			period,
			level,
			commune,
			schoolId: school?.id,
			classId: cls?.id
		},
		dim,
		years: years.map((y) => ({ id: y.id, name: y.name })),
		yearName: year.name,
		schools,
		communes,
		school,
		cls,
		query: q.toString()
	};
}

/** The link one level down from a row: province → school → class. */
export function drillLink(view: DashboardView) {
	return (dim: Dimension, key: string): string | undefined => {
		const q = new URLSearchParams(view.query);
		if (dim === 'school' && !view.school) {
			q.set('school', key);
			q.delete('by');
			return `/department?${q}`;
		}
		if (dim === 'class' && !view.cls) {
			q.delete('school');
			q.set('class', key);
			return `/department?${q}`;
		}
		return undefined;
	};
}
