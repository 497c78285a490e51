import type { Session, SessionUser } from '$lib/server/auth/session';

declare global {
	namespace App {
		interface Locals {
			user: SessionUser | null;
			session: Session | null;
			/** Files to name first in the page's Link header (src/lib/server/preload.ts). */
			preload?: string[];
		}
		interface Error {
			message: string;
		}
	}
}

export {};
