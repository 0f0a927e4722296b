import { test } from "node:test";
import assert from "node:assert/strict";
import { clientAddress, trustedProxyHops } from "./client-ip.mjs";

test("without trusted proxies a forged X-Forwarded-For is ignored: the socket's peer counts", () => {
  assert.equal(clientAddress("1.2.3.4", "203.0.113.9", 0), "203.0.113.9");
  assert.equal(clientAddress(undefined, "::ffff:198.51.100.7", 0), "198.51.100.7");
});

test("with one trusted proxy, the address that proxy saw counts, not what the client wrote", () => {
  // nginx on this host appends the real peer; the client forged the first entry.
  assert.equal(clientAddress("6.6.6.6, 203.0.113.9", "127.0.0.1", 1), "203.0.113.9");
  assert.equal(clientAddress("203.0.113.9", "127.0.0.1", 1), "203.0.113.9");
  // Two proxies (a CDN and nginx).
  assert.equal(clientAddress("6.6.6.6, 203.0.113.9, 10.0.0.2", "127.0.0.1", 2), "203.0.113.9");
});

test("fewer entries than trusted hops, or garbage, fall back safely", () => {
  assert.equal(clientAddress("", "127.0.0.1", 1), "127.0.0.1");
  assert.equal(clientAddress("not-an-ip", "127.0.0.1", 1), "127.0.0.1");
  assert.equal(clientAddress("[2001:db8::1]", "127.0.0.1", 1), "2001:db8::1");
});

test("the hop setting is a small whole number", () => {
  assert.equal(trustedProxyHops(undefined), 0);
  assert.equal(trustedProxyHops("2"), 2);
  assert.throws(() => trustedProxyHops("yes"), /BANMIAN_TRUSTED_PROXY_HOPS/);
  assert.throws(() => trustedProxyHops("99"), /BANMIAN_TRUSTED_PROXY_HOPS/);
});
