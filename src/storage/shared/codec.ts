/**
 * How a database stores the values the SQLite and PostgreSQL stores have in common; the shared
 * row mappings take one so that each database's difference stays in its own folder.
 */
export interface RowCodec<Time> {
  /** A point in time as the database stores it (SQLite: epoch milliseconds, PostgreSQL: timestamptz). */
  time(date: Date): Time;
  /** A stored point in time back as a `Date`. */
  date(value: Time): Date;
  /** User text as the database can store it (PostgreSQL drops NUL characters). */
  text(text: string): string;
}

/** Maps optional text to a nullable column. */
export function nullableText<Time>(codec: RowCodec<Time>, text: string | undefined): string | null {
  return text === undefined ? null : codec.text(text);
}
