// The shape of a storage key ("pages/e1/p3-ab12/large.webp"), checked wherever a
// key enters the system (uploads, article bodies) and before any file is read.
const KEY_PATTERN = /^[a-z0-9][a-z0-9._-]*(\/[a-z0-9][a-z0-9._-]*)*$/i;

export const MAX_STORAGE_KEY = 300;

export function isStorageKey(key: string): boolean {
  return (
    key.length <= MAX_STORAGE_KEY &&
    KEY_PATTERN.test(key) &&
    !key.split("/").some((part) => part === ".." || part === ".")
  );
}
