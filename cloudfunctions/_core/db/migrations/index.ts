import initial from './0001_initial.sql';

/** Versioned SQL, bundled as text: the same files run on PGlite and on a PostgreSQL server. */
export const migrations: { version: string; sql: string }[] = [{ version: '0001_initial', sql: initial }];
