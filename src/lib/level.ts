import { m } from '$lib/paraglide/messages';

export function levelLabel(level: string): string {
	return level === 'primary'
		? m.level_primary()
		: level === 'lower_secondary'
			? m.level_lower_secondary()
			: m.level_upper_secondary();
}

export function roleLabel(role: string): string {
	switch (role) {
		case 'admin':
			return m.role_admin();
		case 'department':
			return m.role_department();
		case 'teacher':
			return m.role_teacher();
		default:
			return m.role_student();
	}
}
