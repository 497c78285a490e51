// Sends a submission, and sends the same one again while the server answers 503 (its grading pool
// is full): after the Retry-After it gives, at most MAX_TRIES times in all.

export const MAX_TRIES = 12;

function retryAfterMs(res: Response): number {
	const seconds = Number(res.headers.get('retry-after'));
	return (Number.isFinite(seconds) && seconds > 0 ? Math.min(seconds, 30) : 2) * 1000;
}

/**
 * POSTs `body` as JSON to `url`; on 503 calls `onBusy` and tries again after the wait the server
 * asks for. Returns the last response (a 503 only when every try met a busy server).
 */
export async function postUntilServed(
	url: string,
	body: unknown,
	onBusy: () => void,
	wait = (ms: number) => new Promise((r) => setTimeout(r, ms))
): Promise<Response> {
	const text = JSON.stringify(body);
	for (let tries = 1; ; tries++) {
		const res = await fetch(url, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: text
		});
		if (res.status !== 503 || tries >= MAX_TRIES) return res;
		onBusy();
		await wait(retryAfterMs(res));
	}
}
