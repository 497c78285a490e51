// For tests: how many times the request thread's event loop turned while `work` ran (work off the
// thread lets it turn; work on it does not).
export async function turnsDuring<T>(work: Promise<T>): Promise<{ value: T; turns: number }> {
	let turns = 0;
	let done = false;
	const spin = () => {
		turns++;
		if (!done) setTimeout(spin, 1);
	};
	setTimeout(spin, 1);
	const value = await work;
	done = true;
	return { value, turns };
}
