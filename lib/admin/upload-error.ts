/** A refused upload (wrong type, too big, damaged), with the HTTP status to answer it with. */
export class UploadError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = "UploadError";
  }
}
