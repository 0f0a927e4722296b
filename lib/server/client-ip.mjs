// The client's address for login throttling, decided by the HTTP server
// (server.mjs) from the socket and, only as far as the operator trusts its
// reverse proxies, from X-Forwarded-For. The app reads the result from one
// request header that the server always overwrites, so a client cannot send
// it; nor can a forged X-Forwarded-For choose the address when no proxy is
// trusted (BANMIAN_TRUSTED_PROXY_HOPS=0, the default).
import { isIP } from "node:net";

/** Request header the server sets for the app; any value a client sends is replaced. */
export const CLIENT_IP_HEADER = "x-banmian-client-ip";

/** How many reverse proxies in front of the app append to X-Forwarded-For (BANMIAN_TRUSTED_PROXY_HOPS, 0–10). */
export function trustedProxyHops(value = process.env.BANMIAN_TRUSTED_PROXY_HOPS) {
  if (value === undefined || value.trim() === "") return 0;
  if (!/^\d{1,2}$/.test(value.trim()) || Number(value) > 10)
    throw new Error(`BANMIAN_TRUSTED_PROXY_HOPS must be a whole number from 0 to 10 (got "${value}").`);
  return Number(value);
}

function normalize(address) {
  const plain = address.trim().replace(/^\[(.*)\]$/, "$1");
  // IPv4 clients of a dual-stack socket show up as ::ffff:a.b.c.d.
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(plain);
  return (mapped ? mapped[1] : plain).toLowerCase();
}

/**
 * The client address: with `hops` trusted proxies, the entry that many places
 * from the right of X-Forwarded-For + the socket's peer (each proxy appends
 * the address it saw); with 0, the socket's peer. Entries a client wrote
 * itself sit further left and are never chosen.
 */
export function clientAddress(forwardedFor, socketAddress, hops) {
  const socket = normalize(socketAddress ?? "") || "unknown";
  if (hops <= 0) return socket;
  const header = Array.isArray(forwardedFor) ? forwardedFor.join(",") : (forwardedFor ?? "");
  const chain = [
    ...header
      .split(",")
      .map(normalize)
      .filter((entry) => entry !== ""),
    socket,
  ];
  const chosen = chain[Math.max(0, chain.length - 1 - hops)];
  return chosen && isIP(chosen) ? chosen : socket;
}
