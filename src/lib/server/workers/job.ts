// The two sides of a pool's task (pool.ts on the server, *.worker.ts in the worker threads).

/** What a worker receives: the task, and a flag it raises as it begins (see job()). */
export interface Job {
	task: unknown;
	started: Int32Array;
}

/** Wraps a worker's function: raises the started flag (the hard limit counts from it), then works. */
export function job<T, R>(work: (task: T) => R): (j: Job) => R {
	return (j) => {
		Atomics.store(j.started, 0, 1);
		return work(j.task as T);
	};
}
