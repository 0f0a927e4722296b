// The security headers of every response, in one place (used by server.mjs):
// a Content-Security-Policy whose scripts must carry this response's nonce,
// frame-ancestors 'none' for the admin and a configurable policy for the
// reader, Referrer-Policy, nosniff, Permissions-Policy, HSTS in production,
// and a sandbox for stored files under /media. Plus the stream that writes
// the nonce into every <script> of an HTML response, cached pages included
// (Next.js only puts a nonce into pages it renders per request).
import { Transform } from "node:stream";
import { StringDecoder } from "node:string_decoder";

const SOURCE =
  /^(?:'self'|'none'|https:\/\/(?:\*\.)?[a-z0-9.-]+(?::\d{1,5})?|http:\/\/(?:localhost|127\.0\.0\.1)(?::\d{1,5})?)$/i;

/**
 * Who may show reader pages in a frame (BANMIAN_READER_FRAME_ANCESTORS):
 * "'self'" by default, "'none'", or space-separated https origins
 * (e.g. "'self' https://www.example.com https://*.example.com").
 */
export function readerFrameAncestors(value = process.env.BANMIAN_READER_FRAME_ANCESTORS) {
  const text = (value ?? "").trim();
  if (!text) return "'self'";
  const sources = text.split(/\s+/);
  const bad = sources.find((source) => !SOURCE.test(source));
  if (bad)
    throw new Error(
      `BANMIAN_READER_FRAME_ANCESTORS: "${bad}" is not 'self', 'none' or an https origin (e.g. https://www.example.com).`,
    );
  if (sources.includes("'none'") && sources.length > 1)
    throw new Error("BANMIAN_READER_FRAME_ANCESTORS: 'none' cannot be combined with other sources.");
  return sources.join(" ");
}

export function isAdminPath(pathname) {
  return /^\/(?:admin|api\/admin)(?:\/|$)/.test(pathname);
}

export function isMediaPath(pathname) {
  return pathname.startsWith("/media/");
}

/**
 * Whether a request may be answered 304 Not Modified. Not where HTML can come back: each HTML response
 * gets its own nonce, so a 304 would leave the browser with a cached page whose scripts carry an old
 * nonce, under a policy without it (a reload ran no script). Built assets and stored files never change
 * under their URL and are not rewritten.
 */
export function mayRevalidate(pathname) {
  return pathname.startsWith("/_next/static/") || isMediaPath(pathname);
}

/**
 * The page policy. Inline scripts: only those with this response's nonce. Script files: this origin's
 * ('strict-dynamic' would drop 'self', and Next.js loads some chunks in ways it does not trust).
 */
export function pageCsp({ nonce, dev = false, frameAncestors }) {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'${dev ? " 'unsafe-eval'" : ""}`,
    // React style attributes (positions of regions, the zoomed page) need inline styles; scripts do not.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${dev ? " ws: wss:" : ""}`,
    "worker-src 'self' blob:",
    "manifest-src 'self'",
    "frame-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    `frame-ancestors ${frameAncestors}`,
  ].join("; ");
}

/**
 * An image opened on its own: nothing may run, and the browser's image viewer may style its <img> inline
 * (Chromium does, on load and on every resize; under a policy without style-src each of those is a violation).
 */
export function imageCsp(frameAncestors) {
  return `default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox; frame-ancestors ${frameAncestors}`;
}

/** Stored images and PDFs: nothing in them may run, and they are never a page of this origin. */
export const MEDIA_CSP = imageCsp("'self'");

/**
 * The policy of a response once its Content-Type is known (server.mjs sets it when the headers go out): HTML
 * gets the page policy with this response's nonce, an image (分享海报 posters, cards, 剪报 images, icons) the
 * image policy; anything else keeps the one `baseHeaders` set (null).
 */
export function responseCsp({ contentType, nonce, dev = false, frameAncestors }) {
  if (contentType.startsWith("text/html")) return pageCsp({ nonce, dev, frameAncestors });
  if (contentType.startsWith("image/")) return imageCsp(frameAncestors);
  return null;
}

/** Headers set on every response before Next.js answers (the HTML's CSP is completed with the nonce later). */
export function baseHeaders({ pathname, production, readerFrames }) {
  const admin = isAdminPath(pathname);
  const headers = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()",
    "Cross-Origin-Opener-Policy": "same-origin",
  };
  if (production) headers["Strict-Transport-Security"] = "max-age=31536000";
  if (isMediaPath(pathname)) {
    headers["Content-Security-Policy"] = MEDIA_CSP;
    headers["Cross-Origin-Resource-Policy"] = "same-origin";
    // A PDF opened from /media is downloaded, not shown as a page of this site.
    if (/\.pdf$/i.test(pathname)) headers["Content-Disposition"] = "attachment";
    return headers;
  }
  const ancestors = admin ? "'none'" : readerFrames;
  // Only old browsers without frame-ancestors read this; it cannot list origins.
  if (ancestors === "'none'") headers["X-Frame-Options"] = "DENY";
  else if (ancestors === "'self'") headers["X-Frame-Options"] = "SAMEORIGIN";
  // Non-HTML answers (RSC payloads, JSON, scripts) never run inline script either.
  headers["Content-Security-Policy"] =
    `default-src 'self'; script-src 'self'; object-src 'none'; frame-ancestors ${ancestors}`;
  return headers;
}

const SCRIPT_TAG = /<script(?=[\s>])/gi;

/** Writes `nonce` into every <script> tag; a tag split across chunks is held back until it is whole. */
export class NonceRewriter extends Transform {
  constructor(nonce) {
    super();
    this.nonce = nonce;
    this.decoder = new StringDecoder("utf8");
    this.carry = "";
  }

  rewrite(text) {
    return text.replace(SCRIPT_TAG, `<script nonce="${this.nonce}"`);
  }

  _transform(chunk, _encoding, done) {
    const text = this.carry + (typeof chunk === "string" ? chunk : this.decoder.write(chunk));
    // "<script" is 7 characters: a "<" among the last 7 may start one that the next chunk completes.
    const lt = text.lastIndexOf("<");
    const cut = lt !== -1 && text.length - lt <= 7 ? lt : text.length;
    this.carry = text.slice(cut);
    done(null, this.rewrite(text.slice(0, cut)));
  }

  _flush(done) {
    done(null, this.rewrite(this.carry + this.decoder.end()));
  }
}
