export const MAX_PATH: number;
export function isMalformedPath(pathname: string): boolean;
export function isUnroutablePath(pathname: string): boolean;
