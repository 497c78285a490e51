// A query of fixed shape, compiled once per engine and then run with each call's values. Kysely
// builds and compiles every query anew: 25 of the 37 µs of the session lookup every autosave makes,
// and an autosave makes three such queries (npm run bench:load, BENCH_ONLY=cost). Only for queries
// whose SQL does not depend on the values: each value must reach the SQL as a parameter.
import { CompiledQuery, type Compilable } from 'kysely';
import { engineOf, type Conn, type Engine } from './connect';

interface Compiled {
	sql: string;
	/** For each parameter of the SQL, which of the call's values it is. */
	slots: number[];
}

/** The value standing for the call's i-th value while the query is compiled. */
const placeholder = (i: number) => `:compiled-once:${i}:`;
const PLACEHOLDER = /^:compiled-once:(\d+):$/;

function compile(query: Compilable<unknown>, count: number): Compiled {
	const { sql, parameters } = query.compile();
	if (sql.includes(':compiled-once:')) throw new Error('compiledOnce: a value is in the SQL text');
	const slots = parameters.map((p) => {
		const i = typeof p === 'string' ? PLACEHOLDER.exec(p)?.[1] : undefined;
		if (i === undefined) throw new Error('compiledOnce: a parameter is not one of the values');
		return Number(i);
	});
	for (let i = 0; i < count; i++)
		if (!slots.includes(i)) throw new Error(`compiledOnce: value ${i} is not a parameter`);
	return { sql, slots };
}

/**
 * `build` written as for Kysely, taking its values as arguments; returns a function running it with
 * the given values and resolving with its rows. The SQL is compiled on the first call per engine,
 * with placeholders for the values: a build that computes with a value, leaves one out or writes one
 * into the SQL text throws then; one that branches on a value (`$if`, a null test) would compile one
 * branch for all calls, so write none. An undefined value is refused (Kysely would leave its column
 * out; here it would be NULL).
 */
export function compiledOnce<A extends unknown[], Row>(
	build: (db: Conn, ...values: A) => Compilable<Row>
): (db: Conn, ...values: A) => Promise<Row[]> {
	const byEngine = new Map<Engine, Compiled>();
	return async (db, ...values) => {
		if (values.includes(undefined)) throw new TypeError('compiledOnce: a value is undefined');
		const engine = engineOf(db);
		let c = byEngine.get(engine);
		if (!c) {
			const placeholders = values.map((_, i) => placeholder(i)) as A;
			c = compile(build(db, ...placeholders), values.length);
			byEngine.set(engine, c);
		}
		const parameters = c.slots.map((i) => values[i]);
		const result = await db.executeQuery<Row>(CompiledQuery.raw(c.sql, parameters));
		return result.rows;
	};
}
