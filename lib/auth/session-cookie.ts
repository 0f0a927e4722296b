// The session cookie's name, shared by the app and proxy.ts. The __Host- prefix
// makes browsers refuse it unless it is Secure, for path "/", without a Domain:
// no subdomain and no plain-http page can set or overwrite it. Browsers accept
// Secure cookies from http://localhost and http://127.0.0.1, so local runs work
// without HTTPS; anywhere else the app must be reached over HTTPS (docs/admin.md).
export const SESSION_COOKIE = "__Host-banmian_session";
