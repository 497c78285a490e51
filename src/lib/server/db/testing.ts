import { openDatabase } from './connect';
import { migrate } from './migrate';

/** A fresh, migrated in-memory database for one test suite. */
export function openTestDatabase() {
	const opened = openDatabase(':memory:');
	migrate(opened.sqlite);
	return opened;
}
