// fast-check arbitraries for the fuzz: URL segments, query strings and form
// values that mix real values, near misses and hostile strings.
import fc from "fast-check";
import type { KnownValues } from "./context";
import type { AppRoute } from "./routes";
import { encode } from "./http";

/** Strings that have broken URL and form handling somewhere before. */
export const HOSTILE = [
  "",
  " ",
  "%",
  "%zz",
  "%25zz",
  "%E4",
  "%E4%B8",
  "%C0%AE%C0%AE",
  "%00",
  "\u0000",
  "%2F",
  "%2e%2e",
  "..",
  ".",
  "%ff%fe",
  "\ud800",
  "0",
  "-1",
  "1.5",
  "1e3",
  "0x10",
  "2147483648",
  "99999999999999999999",
  "NaN",
  "Infinity",
  "null",
  "undefined",
  "true",
  "[]",
  "{}",
  "__proto__",
  "constructor",
  "a".repeat(300),
  "一".repeat(5000),
  "x".repeat(70_000),
  "0000-00-00",
  "2026-02-30",
  "2026-13-01",
  "9999-12-31",
  "0001-01-01",
  "20261125",
  "2026/11/25",
  "２０２６－１１－２５",
  "Ａ０１",
  "a0000",
  "A-1",
  "sport",
  "'; DROP TABLE editions; --",
  "<script>alert(1)</script>",
  "${7*7}",
  "{{7*7}}",
  "\\",
  "\r\n",
  "\t",
  "\u202e",
  "\ufeff",
  "😀",
  "ｈｔｔｐ://",
  "javascript:alert(1)",
];

const fullWidth = (s: string) =>
  s.replace(/[0-9A-Za-z-]/g, (c) => String.fromCharCode(c === "-" ? 0xff0d : c.charCodeAt(0) + 0xfee0));

/** Variations of a good value that a typo, a copy from a PDF or a probe would produce. */
export function nearMiss(good: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc
    .tuple(good, fc.integer({ min: 0, max: 9 }), fc.string({ maxLength: 3 }), fc.nat(20))
    .map(([value, how, junk, at]) => {
      const i = value.length ? at % value.length : 0;
      switch (how) {
        case 0:
          return value.toUpperCase();
        case 1:
          return `0${value}`;
        case 2:
          return value.replace(/-/g, "");
        case 3:
          return fullWidth(value);
        case 4:
          return value.slice(0, i) + junk + value.slice(i);
        case 5:
          return value.slice(0, i) + value.slice(i + 1);
        case 6:
          return `${value}${junk}`;
        case 7:
          return encode(value).replace(/%/g, "%25");
        case 8:
          return value.split("").reverse().join("");
        default:
          return `${value}.${junk || "json"}`;
      }
    });
}

const randomText = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.string({ unit: "binary", maxLength: 20 }),
  fc.stringMatching(/^[\x21-\x7e]{0,30}$/),
);

/** A raw value for a segment or field: known-good, near miss, hostile or random. */
export function valueFor(known: string[]): fc.Arbitrary<string> {
  const good = known.length ? fc.constantFrom(...known) : fc.constantFrom("1", "a01", "2026-11-25");
  return fc.oneof(
    { weight: 3, arbitrary: good },
    { weight: 3, arbitrary: nearMiss(good) },
    { weight: 2, arbitrary: fc.constantFrom(...HOSTILE) },
    { weight: 2, arbitrary: randomText },
  );
}

/** How a raw value goes into a path: mostly percent-encoded, sometimes as it is (only printable ASCII is sent raw). */
function asSegment(value: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc.tuple(value, fc.boolean()).map(([raw, encoded]) => (encoded ? encode(raw) : raw.replace(/\//g, "%2F")));
}

const queryValue = (known: string[]) => asSegment(valueFor(known));

export type UrlCase = { kind: "url"; route: string; path: string; method: string; admin: boolean };

export function urlCase(route: AppRoute, values: KnownValues): fc.Arbitrary<UrlCase> {
  const segments = route.segments.map((segment) => {
    if (segment.kind === "static")
      return fc.oneof(
        { weight: 9, arbitrary: fc.constant(segment.value) },
        { weight: 1, arbitrary: nearMiss(fc.constant(segment.value)) },
      );
    const known = values[segment.name] ?? values.id ?? [];
    if (!segment.catchAll) return asSegment(valueFor(known));
    return fc.oneof(
      fc.constantFrom(...(known.length ? known : ["x"])),
      fc
        .array(asSegment(valueFor(known.flatMap((k) => k.split("/")))), { minLength: 1, maxLength: 5 })
        .map((parts) => parts.join("/")),
    );
  });
  const names = [...route.queryNames, "q", "page", "next", "format", "callback", "utm_source"];
  const query = fc.oneof(
    { weight: 5, arbitrary: fc.constant("") },
    {
      weight: 4,
      arbitrary: fc
        .array(
          fc.tuple(
            fc.oneof(fc.constantFrom(...names), asSegment(fc.string({ maxLength: 8 }))),
            queryValue(Object.values(values).flat().slice(0, 200)),
          ),
          {
            minLength: 1,
            maxLength: 4,
          },
        )
        .map((pairs) => "?" + pairs.map(([k, v]) => `${k}=${v}`).join("&")),
    },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        "?",
        "?&&",
        "?date",
        "?date=%zz",
        `?q=${"a".repeat(20_000)}`,
        "?a[]=1&a[]=2",
        "?__proto__[x]=1",
      ),
    },
  );
  const tail = fc.oneof(
    { weight: 8, arbitrary: fc.constant("") },
    { weight: 1, arbitrary: fc.constantFrom("/", "//", "/.", "/..", "/%2e%2e", "/index.html", "/x/y/z") },
    { weight: 1, arbitrary: asSegment(fc.string({ maxLength: 10 })).map((s) => `/${s}`) },
  );
  const method = fc.oneof(
    { weight: 9, arbitrary: fc.constantFrom(...route.methods) },
    { weight: 1, arbitrary: fc.constantFrom("HEAD", "POST", "OPTIONS", "PUT", "DELETE") },
  );
  return fc.tuple(fc.tuple(...segments), tail, query, method).map(([parts, end, q, m]) => ({
    kind: "url" as const,
    route: route.pattern,
    path: `/${parts.join("/")}${end}${q}`.replace(/^\/\//, "/"),
    method: m,
    admin: route.admin,
  }));
}
