// Images that carry what a phone camera writes into a photo (GPS position,
// device, owner), for tests that check none of it is ever served.
import sharp from "sharp";

/** Text written into the EXIF; served bytes must not contain it. */
export const EXIF_MARKER = "Reporter Zhang, secret location";

export async function jpegWithGps(width = 800, height = 1100): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: "#d8cfbf" } })
    .jpeg()
    .withExif({
      IFD0: { Artist: EXIF_MARKER, Make: "PhoneMaker", Model: "Phone 12" },
      IFD3: {
        GPSLatitudeRef: "N",
        GPSLatitude: "39/1 54/1 2739/100",
        GPSLongitudeRef: "E",
        GPSLongitude: "116/1 23/1 2950/100",
      },
    })
    .toBuffer();
}

/** What metadata an image file still carries (empty when none). */
export async function metadataIn(bytes: Buffer): Promise<string[]> {
  const found: string[] = [];
  const metadata = await sharp(bytes).metadata();
  if (metadata.exif) found.push("EXIF");
  if (metadata.xmp) found.push("XMP");
  if (metadata.iptc) found.push("IPTC");
  if (bytes.includes(EXIF_MARKER)) found.push("the EXIF text");
  return found;
}
