// Run by the cluster's primary (scripts/serve.js) in a thread of its own before it forks the server
// processes: the migrations and the demo seed, once. The thread ends, and its memory with it.
import { closeAppDatabase } from '../db';
import { prepareDatabase } from '../startup';

try {
	await prepareDatabase();
} finally {
	await closeAppDatabase();
}
