// PDFs for tests, made on the spot: good ones and every kind of bad input an
// upload can bring. Tests only.
import { createHash } from "node:crypto";
import { PDFDocument, PDFHexString, PDFName, PDFString, StandardFonts, rgb } from "pdf-lib";
import sharp from "sharp";

const MM = 72 / 25.4;

/** An empty document of `pages` pages of `widthMm` × `heightMm`. */
export async function blankPdf(pages = 1, widthMm = 350, heightMm = 490): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  for (let i = 0; i < pages; i++) doc.addPage([widthMm * MM, heightMm * MM]);
  return doc.save();
}

/** A page of Latin text in Helvetica (a standard font PDF readers always have). */
export async function latinPdf(text: string): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const page = doc.addPage([595, 842]);
  page.drawText(text, { x: 50, y: 780, size: 12, font, color: rgb(0, 0, 0) });
  return doc.save();
}

/** A scanned page: one photo-like image, no text at all. */
export async function imageOnlyPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const png = await sharp({ create: { width: 400, height: 560, channels: 3, background: "#d8d2c4" } })
    .composite([
      {
        input: Buffer.from(
          '<svg width="400" height="560"><rect x="40" y="40" width="320" height="80" fill="#222"/></svg>',
        ),
      },
    ])
    .png()
    .toBuffer();
  const image = await doc.embedPng(png);
  const page = doc.addPage([350 * MM, 490 * MM]);
  page.drawImage(image, { x: 0, y: 0, width: 350 * MM, height: 490 * MM });
  return doc.save();
}

/** A document with JavaScript: run on open, and in the document's JavaScript name tree. */
export async function javaScriptPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  doc
    .addPage([595, 842])
    .drawText("Open me and the script would run, if anything ran it", { x: 50, y: 780, size: 12, font });
  const action = doc.context.obj({ S: "JavaScript", JS: PDFString.of("app.alert('pwned');") });
  doc.catalog.set(PDFName.of("OpenAction"), action);
  const names = doc.context.obj({ Names: [PDFString.of("init"), doc.context.register(action)] });
  doc.catalog.set(PDFName.of("Names"), doc.context.obj({ JavaScript: names }));
  return doc.save();
}

/** Text in a CJK font the PDF only names (SimSun) without embedding it, as older layout systems export. */
export async function unembeddedFontPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([595, 842]);
  const descriptor = doc.context.obj({
    Type: "FontDescriptor",
    FontName: "SimSun",
    Flags: 6,
    FontBBox: [0, -141, 1000, 859],
    ItalicAngle: 0,
    Ascent: 859,
    Descent: -141,
    CapHeight: 700,
    StemV: 80,
  });
  const cidFont = doc.context.obj({
    Type: "Font",
    Subtype: "CIDFontType0",
    BaseFont: "SimSun",
    CIDSystemInfo: { Registry: PDFString.of("Adobe"), Ordering: PDFString.of("GB1"), Supplement: 2 },
    FontDescriptor: doc.context.register(descriptor),
  });
  const font = doc.context.obj({
    Type: "Font",
    Subtype: "Type0",
    BaseFont: "SimSun",
    Encoding: "UniGB-UCS2-H",
    DescendantFonts: [doc.context.register(cidFont)],
  });
  page.node.setFontDictionary(PDFName.of("F1"), doc.context.register(font));
  const utf16 = (text: string) =>
    Array.from(text)
      .map((c) => c.charCodeAt(0).toString(16).padStart(4, "0"))
      .join("");
  const lines = ["海城日报本版新闻", "本报讯 海城新区建设提速年内开工项目超过一百个"];
  const ops = lines.map((line, i) => `BT /F1 20 Tf 50 ${780 - i * 30} Td <${utf16(line)}> Tj ET`).join("\n");
  page.node.set(PDFName.of("Contents"), doc.context.register(doc.context.flateStream(ops)));
  return doc.save();
}

const PAD = Buffer.from("28bf4e5e4e758a4164004e56fffa01082e2e00b6d0683e802f0ca9fe6453697a", "hex");
/** RC4, which OpenSSL 3 no longer offers by default. */
function rc4(key: Buffer, data: Buffer): Buffer {
  const s = Array.from({ length: 256 }, (_, i) => i);
  for (let i = 0, j = 0; i < 256; i++) {
    j = (j + s[i] + key[i % key.length]) & 255;
    [s[i], s[j]] = [s[j], s[i]];
  }
  const out = Buffer.alloc(data.length);
  for (let n = 0, i = 0, j = 0; n < data.length; n++) {
    i = (i + 1) & 255;
    j = (j + s[i]) & 255;
    [s[i], s[j]] = [s[j], s[i]];
    out[n] = data[n] ^ s[(s[i] + s[j]) & 255];
  }
  return out;
}
const padded = (password: string) => Buffer.concat([Buffer.from(password, "latin1"), PAD]).subarray(0, 32);

/**
 * A page printed by Chromium (Skia's PDF back end: CFF CID fonts, subset,
 * from the system's Noto CJK): a second producer besides pdf-lib.
 */
export async function chromiumPdf(html: string): Promise<Uint8Array> {
  const { chromium } = await import("@playwright/test");
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
  });
  try {
    const page = await browser.newPage();
    await page.setContent(html);
    return await page.pdf({ width: "350mm", height: "490mm", printBackground: true });
  } finally {
    await browser.close();
  }
}

/**
 * A document protected by the PDF Standard Security Handler (revision 2,
 * 40-bit RC4): with a user password it cannot be opened without it; with an
 * empty one it opens but is still encrypted (permissions only).
 */
export async function encryptedPdf(userPassword: string): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.addPage([595, 842]);
  const id = createHash("md5").update("banmian-test").digest();
  const owner = rc4(createHash("md5").update(padded("owner")).digest().subarray(0, 5), padded(userPassword));
  const permissions = -44; // print and copy not allowed
  const p = Buffer.alloc(4);
  p.writeInt32LE(permissions);
  const key = createHash("md5")
    .update(Buffer.concat([padded(userPassword), owner, p, id]))
    .digest()
    .subarray(0, 5);
  const user = rc4(key, PAD);
  const encrypt = doc.context.obj({
    Filter: "Standard",
    V: 1,
    R: 2,
    O: PDFHexString.of(owner.toString("hex")),
    U: PDFHexString.of(user.toString("hex")),
    P: permissions,
  });
  doc.context.trailerInfo.Encrypt = doc.context.register(encrypt);
  doc.context.trailerInfo.ID = doc.context.obj([
    PDFHexString.of(id.toString("hex")),
    PDFHexString.of(id.toString("hex")),
  ]);
  return doc.save({ useObjectStreams: false });
}
