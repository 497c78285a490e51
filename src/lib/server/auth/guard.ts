import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import type { Role } from '../db/types';
import type { SessionUser } from './session';
import { m } from '$lib/paraglide/messages';

export const HOME_OF: Record<Role, string> = {
	admin: '/admin',
	department: '/department',
	teacher: '/teach',
	student: '/learn'
};

type GuardEvent = Pick<RequestEvent, 'locals' | 'url'>;

/**
 * The first line of every load and action: the signed-in user, if their role is one of these.
 * Not signed in: to the sign-in page (pupils to the class sign-in), then back here.
 * Signed in with another role: 403.
 */
export function requireRole<R extends Role>(
	event: GuardEvent,
	...roles: R[]
): SessionUser & { role: R } {
	const user = event.locals.user;
	if (!user) {
		const wantsPupil = roles.length === 1 && roles[0] === 'student';
		const next = encodeURIComponent(event.url.pathname + event.url.search);
		redirect(303, wantsPupil ? '/join' : `/login?next=${next}`);
	}
	if (!roles.includes(user.role as R)) error(403, { message: m.error_forbidden() });
	return user as SessionUser & { role: R };
}

/** A teacher always belongs to a school; the type says so after this guard. */
export function requireTeacher(
	event: GuardEvent
): SessionUser & { role: 'teacher'; schoolId: number } {
	const user = requireRole(event, 'teacher');
	if (user.schoolId === null) error(403, { message: m.error_forbidden() });
	return user as SessionUser & { role: 'teacher'; schoolId: number };
}

/** Another school's record, or a record that does not exist: the same 404, revealing nothing. */
export function notFound(): never {
	error(404, { message: m.error_not_found() });
}

/** A route's numeric id, or 404. */
export function idParam(value: string | undefined): number {
	const id = Number(value);
	if (!Number.isSafeInteger(id) || id <= 0) notFound();
	return id;
}

/** Paths a user who must first choose their own password may still reach. */
const FIRST_PASSWORD_OPEN = ['/account/password', '/logout', '/lang', '/healthz', '/csp-report'];

/**
 * Staff whose password the admin set are led to /account/password from every other page until
 * they choose their own. Returns where to send them, or null.
 */
export function firstPasswordRedirect(event: Pick<RequestEvent, 'locals' | 'url'>): string | null {
	if (!event.locals.user?.mustChangePassword) return null;
	const path = event.url.pathname;
	if (FIRST_PASSWORD_OPEN.some((p) => path === p || path.startsWith(p + '/'))) return null;
	if (path.startsWith('/_app/') || /\.[a-z0-9]+$/i.test(path)) return null;
	return '/account/password';
}
