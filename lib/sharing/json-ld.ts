/**
 * JSON for an inline <script> element: "<" (so no title can write "</script>"
 * or "<!--"), ">" and "&" are escaped, and U+2028/U+2029, which old parsers
 * take for line ends, too. JSON.parse reads the result back unchanged.
 */
export function jsonForScript(data: unknown): string {
  return JSON.stringify(data)
    .replace(/</g, "\\u003c")
    .replace(/>/g, "\\u003e")
    .replace(/&/g, "\\u0026")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}
