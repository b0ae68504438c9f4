/** Which engine a DATABASE_URL names: PostgreSQL for postgres:// or postgresql://, else SQLite. */
export type Dialect = 'sqlite' | 'postgres';

export function isPostgresUrl(url: string | undefined): boolean {
  return url !== undefined && /^postgres(ql)?:\/\//i.test(url.trim());
}

export function dialectOfUrl(url: string | undefined): Dialect {
  return isPostgresUrl(url) ? 'postgres' : 'sqlite';
}
