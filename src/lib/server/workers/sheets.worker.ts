// Runs in a worker thread of the workbook pool (sheets/pool.ts): writing the Excel exports and reading
// the class lists teachers upload, so neither holds up the request thread.
import { readFirstSheet, writeBook, type Book } from '../sheets/book';
import { job } from './job';

export const write = job((book: Book) => writeBook(book));

export const read = job((bytes: Uint8Array) => readFirstSheet(bytes));
