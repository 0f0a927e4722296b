/** One line for an operator who gave a database that cannot be used: where, and what to check. */
export function describeConnectionError(error: unknown, url: string): string | null {
  const code = (error as { code?: string } | null)?.code;
  let where = "the database";
  try {
    const parsed = new URL(url);
    where = `database "${decodeURIComponent(parsed.pathname.slice(1)) || "postgres"}" on ${parsed.hostname}:${parsed.port || 5432}`;
  } catch {
    return "DATABASE_URL is not a valid URL; expected postgresql://user:password@host:5432/database";
  }
  switch (code) {
    case "ECONNREFUSED":
    case "ENOTFOUND":
    case "EAI_AGAIN":
    case "ETIMEDOUT":
    case "EHOSTUNREACH":
      return `Cannot reach ${where} (${code}): check that PostgreSQL is running there and that host and port in DATABASE_URL are right.`;
    case "3D000":
      return `The ${where} does not exist: create it (createdb) or fix the name in DATABASE_URL.`;
    case "28P01":
    case "28000":
      return `PostgreSQL refused the login for ${where}: check user and password in DATABASE_URL.`;
    default:
      return null;
  }
}
