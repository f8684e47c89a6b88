/** How the SQLite store keeps shared values: times as epoch milliseconds (UTC), text as given. */
import type { RowCodec } from '../shared/codec';

export const SQLITE_CODEC: RowCodec<number> = Object.freeze({
  time: (date: Date) => date.getTime(),
  date: (value: number) => new Date(value),
  text: (text: string) => text,
});
