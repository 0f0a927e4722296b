/** Port of the embedded database (PGlite served on loopback) when DATABASE_URL is not set. */
export const EMBEDDED_PORT = Number(process.env.BANMIAN_EMBEDDED_PORT ?? 54329);

export const EMBEDDED_URL = `postgresql://postgres:postgres@127.0.0.1:${EMBEDDED_PORT}/postgres?sslmode=disable`;

/** The database every process talks to: DATABASE_URL, or the embedded one. */
export function databaseUrl(): string {
  return process.env.DATABASE_URL || EMBEDDED_URL;
}

export function isEmbedded(): boolean {
  return !process.env.DATABASE_URL;
}
