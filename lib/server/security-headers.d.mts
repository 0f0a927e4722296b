import type { Transform } from "node:stream";

export function readerFrameAncestors(value?: string): string;
export function isAdminPath(pathname: string): boolean;
export function isMediaPath(pathname: string): boolean;
export function mayRevalidate(pathname: string): boolean;
export function pageCsp(options: { nonce: string; dev?: boolean; frameAncestors: string }): string;
export function imageCsp(frameAncestors: string): string;
export const MEDIA_CSP: string;
export function responseCsp(options: {
  contentType: string;
  nonce: string;
  dev?: boolean;
  frameAncestors: string;
}): string | null;
export function baseHeaders(options: {
  pathname: string;
  production: boolean;
  readerFrames: string;
}): Record<string, string>;
export class NonceRewriter extends Transform {
  constructor(nonce: string);
}
